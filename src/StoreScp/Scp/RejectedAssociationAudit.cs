using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoxDose.Dicom;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;

namespace VoxDose.StoreScp.Scp;

/// <summary>
/// Rejected associations in the audit, counted and sampled rather than one row each (unauthenticated callers must not
/// grow the database or the log). Per peer address and reason, a window of Scp:RejectionAuditSeconds: the first rejection
/// writes one <c>associations</c> row (outcome <c>rejected</c>, the sample, with its AE titles) and one log line; the rest
/// of the window are counted in memory; when the window closes (the next rejection after it, the periodic flush, or the
/// node stopping) one <c>events</c> row (component <c>scp</c>, kind <see cref="EventKind"/>) records the exact count. So
/// each peer and reason adds at most two rows and two log lines per window, and the counts stay exact.
/// </summary>
public sealed class RejectedAssociationAudit(AssociationRepository associations, EventRepository events, IOptions<VoxDoseOptions> options,
    TimeProvider time, ILogger<RejectedAssociationAudit> logger)
{
    public const string EventKind = "associations-rejected";

    /// <summary>Keys kept at most; beyond, new peers share one key (their count stays exact, their address is not kept).</summary>
    private const int MaxKeys = 4096;

    private readonly Lock _lock = new();
    private readonly Dictionary<(string Peer, string Reason), Window> _windows = [];

    private TimeSpan Interval => TimeSpan.FromSeconds(options.Value.Scp.RejectionAuditSeconds);

    /// <summary>Counts one rejection; writes the sample row if it opens a window, and the count of the window it closes.</summary>
    public async Task RecordAsync(string callingAe, string calledAe, IPEndPoint remote, string reason, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var peer = (remote.Address.IsIPv4MappedToIPv6 ? remote.Address.MapToIPv4() : remote.Address).ToString();
        Window? closed = null;
        bool opened;
        lock (_lock)
        {
            if (!_windows.ContainsKey((peer, reason)) && _windows.Count >= MaxKeys) peer = "(other peers)";
            var key = (peer, reason);
            if (_windows.TryGetValue(key, out var window) && now - window.Start >= Interval)
            {
                closed = window;
                _windows.Remove(key);
                window = null;
            }
            opened = window is null;
            if (window is null) _windows[key] = window = new Window(peer, reason, now, callingAe);
            window.Count++;
            window.Last = now;
        }
        if (closed is not null) await WriteCountAsync(closed, ct).ConfigureAwait(false);
        if (!opened) return;
        ScpLog.AssociationRejected(logger, LogText.Escape(callingAe), peer, reason, (int)Interval.TotalSeconds);
        try
        {
            var id = await associations.OpenedAsync(callingAe, calledAe, remote.ToString(), ct).ConfigureAwait(false);
            await associations.ClosedAsync(id, "rejected", 0, 0, ct).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException e)
        {
            ScpLog.RejectionAuditFailed(logger, e); // the count still reaches the audit when the window closes
        }
    }

    /// <summary>Writes the count of every window older than the interval (all of them when <paramref name="all"/>).</summary>
    public async Task FlushAsync(bool all = false, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        List<Window> closed;
        lock (_lock)
        {
            closed = [.. _windows.Values.Where(w => all || now - w.Start >= Interval)];
            foreach (var w in closed) _windows.Remove((w.Peer, w.Reason));
        }
        foreach (var w in closed) await WriteCountAsync(w, ct).ConfigureAwait(false);
    }

    private async Task WriteCountAsync(Window w, CancellationToken ct)
    {
        var detail = $"{w.Count} association request(s) from {w.Peer} rejected ({w.Reason}) from {AuditTime.Format(w.Start)} to {AuditTime.Format(w.Last)}; "
            + $"first calling AE '{LogText.Escape(w.FirstCallingAe)}'";
        if (w.Count > 1) ScpLog.AssociationsRejected(logger, w.Count, w.Peer, w.Reason);
        try
        {
            await events.AddAsync("scp", EventKind, null, detail, ct).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException e)
        {
            ScpLog.RejectionAuditFailed(logger, e);
        }
    }

    private sealed class Window(string peer, string reason, DateTimeOffset start, string firstCallingAe)
    {
        public string Peer { get; } = peer;
        public string Reason { get; } = reason;
        public DateTimeOffset Start { get; } = start;
        public string FirstCallingAe { get; } = firstCallingAe;
        public DateTimeOffset Last { get; set; } = start;
        public long Count { get; set; }
    }
}
