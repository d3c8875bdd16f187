using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Storage;

namespace VoxDose.StoreScp.Web.Metrics;

/// <summary>
/// Gauges read from the audit database at scrape time (meter <c>VoxDose.Console</c>): studies by state, exports
/// pending and failing, free disk of the storage root, and the age of the oldest pending work (a study not in a final
/// state, or a pending export). One query round per scrape, cached for <see cref="SnapshotLifetime"/>.
/// </summary>
public sealed class ConsoleGauges : IDisposable
{
    public const string MeterName = "VoxDose.Console";
    public static readonly TimeSpan SnapshotLifetime = TimeSpan.FromSeconds(2);

    private readonly Meter _meter = new(MeterName);
    private readonly AuditDatabase _database;
    private readonly IDiskSpaceProbe _disk;
    private readonly IOptions<VoxDoseOptions> _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private Snapshot? _snapshot;

    public ConsoleGauges(AuditDatabase database, IDiskSpaceProbe disk, IOptions<VoxDoseOptions> options, TimeProvider time)
    {
        _database = database;
        _disk = disk;
        _options = options;
        _time = time;
        _meter.CreateObservableGauge("voxdose.studies", () => Current().ByState.Select(s =>
            new Measurement<long>(s.Value, new KeyValuePair<string, object?>("state", s.Key))), "{study}", "Studies in the audit database by pipeline state");
        _meter.CreateObservableGauge("voxdose.exports.pending", () => Current().ExportsPending, "{object}", "Export rows waiting to be sent or retried");
        _meter.CreateObservableGauge("voxdose.exports.failing", () => Current().ExportsFailed, "{object}", "Export rows given up on (need a retry)");
        _meter.CreateObservableGauge("voxdose.storage.free", () => Current().FreeBytes, "By", "Free bytes on the volume of the storage root");
        _meter.CreateObservableGauge("voxdose.work.oldest_pending.age", () => Current().OldestPendingAgeS, "s",
            "Age of the oldest unfinished work: a study not exported/failed, or a pending export (0 when none)");
    }

    private sealed record Snapshot(DateTimeOffset At, IReadOnlyDictionary<string, long> ByState, long ExportsPending, long ExportsFailed,
        long FreeBytes, double OldestPendingAgeS);

    private Snapshot Current()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_snapshot is null || now - _snapshot.At > SnapshotLifetime) _snapshot = Read(now);
            return _snapshot;
        }
    }

    private Snapshot Read(DateTimeOffset now)
    {
        // Observable callbacks are synchronous; the queries are small and index-backed.
        var byState = Enum.GetValues<StudyState>().ToDictionary(s => s.ToText(), _ => 0L);
        long pending = 0, failed = 0;
        DateTimeOffset? oldest = null;
        try
        {
            using var c = _database.OpenAsync().GetAwaiter().GetResult();
            foreach (var (state, count) in c.QueryAsync(null, "SELECT state, COUNT(*) AS n FROM studies GROUP BY state",
                         r => (r.Text("state")!, r.Long("n")), CancellationToken.None).GetAwaiter().GetResult())
                byState[state] = count;
            foreach (var (status, count) in c.QueryAsync(null, "SELECT status, COUNT(*) AS n FROM exports WHERE status IN ('pending', 'failed') GROUP BY status",
                         r => (r.Text("status")!, r.Long("n")), CancellationToken.None).GetAwaiter().GetResult())
                if (status == ExportRepository.Pending) pending = count; else failed = count;
            var oldestStudy = AuditTime.Parse(c.ScalarAsync(null, "SELECT MIN(state_changed_at) FROM studies WHERE state NOT IN ('exported', 'failed')",
                CancellationToken.None).GetAwaiter().GetResult() as string);
            var oldestExport = AuditTime.Parse(c.ScalarAsync(null, "SELECT MIN(created_at) FROM exports WHERE status = 'pending'",
                CancellationToken.None).GetAwaiter().GetResult() as string);
            oldest = new[] { oldestStudy, oldestExport }.Where(t => t is not null).Min();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException or System.Net.Sockets.SocketException)
        {
            // Database down: the readiness endpoint says so; the gauges keep zeros rather than fail the scrape.
        }
        long free = 0;
        try { free = _disk.AvailableBytes(_options.Value.Storage.Root); }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException) { }
        return new Snapshot(now, byState, pending, failed, free, oldest is null ? 0 : Math.Max(0, (now - oldest.Value).TotalSeconds));
    }

    public void Dispose() => _meter.Dispose();
}
