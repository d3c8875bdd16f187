using System.Diagnostics;
using Microsoft.Extensions.Options;
using Quartz;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Scp;
using VoxDose.StoreScp.Storage;

namespace VoxDose.StoreScp.Web.Health;

public sealed record ReadinessCheck(bool Ok, string Detail);

/// <summary>What <c>/readyz</c> answers (JSON). Ready = database, storage, listener and scheduler all OK; failing exports are reported, not fatal.</summary>
public sealed record Readiness(bool Ready, ReadinessCheck Database, ReadinessCheck Storage, long StorageFreeBytes, ReadinessCheck Scp,
    ReadinessCheck Scheduler, long FailingExports, DateTimeOffset CheckedAt);

/// <summary>
/// Checks the node the way an operator would: a round trip to the database (bounded by a timeout), a file written,
/// flushed and deleted in the storage root with the free space above the refusal watermark, the DICOM listener bound,
/// the Quartz scheduler started and not shut down.
/// </summary>
public sealed class ReadinessProbe(AuditDatabase database, IOptions<VoxDoseOptions> options, IDiskSpaceProbe disk, ScpHostedService scp,
    ISchedulerFactory schedulers, TimeProvider time)
{
    public static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(3);

    public async Task<Readiness> CheckAsync(CancellationToken ct)
    {
        var (databaseCheck, failing) = await DatabaseAsync(ct).ConfigureAwait(false);
        var (storageCheck, free) = Storage();
        var scpCheck = scp.LocalEndPoint is { } endPoint ? new ReadinessCheck(true, $"listening on port {endPoint.Port}") : new ReadinessCheck(false, "not listening");
        var schedulerCheck = await SchedulerAsync(ct).ConfigureAwait(false);
        var ready = databaseCheck.Ok && storageCheck.Ok && scpCheck.Ok && schedulerCheck.Ok;
        return new Readiness(ready, databaseCheck, storageCheck, free, scpCheck, schedulerCheck, failing, time.GetUtcNow());
    }

    private async Task<(ReadinessCheck, long)> DatabaseAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(DatabaseTimeout);
        var watch = Stopwatch.StartNew();
        try
        {
            await using var c = await database.OpenAsync(timeout.Token).ConfigureAwait(false);
            var failing = StudyRepository.ToLong(await c.ScalarAsync(null, "SELECT COUNT(*) FROM exports WHERE status = 'failed'", timeout.Token).ConfigureAwait(false));
            return (new ReadinessCheck(true, $"{database.Dialect.Name}, {watch.ElapsedMilliseconds} ms"), failing);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or OperationCanceledException or InvalidOperationException or IOException
                                   or System.Net.Sockets.SocketException or TimeoutException)
        {
            return (new ReadinessCheck(false, $"{database.Dialect.Name} unreachable: {e.GetType().Name}"), 0);
        }
    }

    private (ReadinessCheck, long) Storage()
    {
        var root = Path.GetFullPath(options.Value.Storage.Root);
        long free = 0;
        try
        {
            free = disk.AvailableBytes(root);
            var probe = Path.Combine(root, $".readyz-{Environment.ProcessId}-{Guid.NewGuid():N}");
            using (var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
                stream.WriteByte(1);
                stream.Flush(flushToDisk: true);
            }
            var minBytes = (long)(options.Value.Storage.MinFreeMegabytes * 1024 * 1024);
            return free < minBytes
                ? (new ReadinessCheck(false, $"free space {free / (1024 * 1024)} MB is below the {options.Value.Storage.MinFreeMegabytes} MB watermark"), free)
                : (new ReadinessCheck(true, $"writable, {free / (1024 * 1024)} MB free"), free);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return (new ReadinessCheck(false, $"not writable: {e.GetType().Name}"), free);
        }
    }

    private async Task<ReadinessCheck> SchedulerAsync(CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct).ConfigureAwait(false);
        var status = scheduler.Status;
        return status == SchedulerStatus.Running
            ? new ReadinessCheck(true, $"running ({scheduler.SchedulerName})")
            : new ReadinessCheck(false, status.ToString().ToLowerInvariant());
    }
}
