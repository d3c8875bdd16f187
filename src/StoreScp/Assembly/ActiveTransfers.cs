using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;

namespace VoxDose.StoreScp.Assembly;

/// <summary>
/// Which studies open associations are delivering right now, on any node of a cluster. A study whose PET is complete
/// waits for the association that is still sending it (Orthanc sends a whole study, RTSTRUCT included, in one
/// association) so the pipeline runs once with everything, instead of once without the RTSTRUCT and again with it.
/// The node holding an association knows it in memory and writes it to the audit database (table open_transfers, on
/// the association's first instance of each study), with a heartbeat renewed every Scp:TransferHeartbeatSeconds
/// (<see cref="TransferHeartbeatService"/>), so the node that runs the pipeline sees it whichever node it is. A row
/// whose heartbeat is older than Scp:TransferExpirySeconds belongs to a dead node and is ignored.
/// </summary>
public sealed class ActiveTransfers(OpenTransferRepository repository, IOptions<VoxDoseOptions> options, TimeProvider time, ILogger<ActiveTransfers> logger)
{
    // association -> (study -> written to the database yet)
    private readonly ConcurrentDictionary<object, Association> _byAssociation = new(ReferenceEqualityComparer.Instance);

    /// <summary>This node's name in open_transfers (<see cref="SchedulerOptions.NodeId"/>).</summary>
    public string NodeId { get; } = options.Value.Scheduler.NodeId(options.Value.Scp.Port);

    private TimeSpan Expiry => TimeSpan.FromSeconds(options.Value.Scp.TransferExpirySeconds);

    /// <summary>
    /// An instance of <paramref name="studyUid"/> arrived on <paramref name="association"/> (its audit row
    /// <paramref name="associationId"/>): the first of the study is written to the database. A database error is logged
    /// and tried again on the next instance; this node still knows the transfer.
    /// </summary>
    public async Task ReceivedAsync(object association, long? associationId, string studyUid, CancellationToken ct = default)
    {
        var open = _byAssociation.GetOrAdd(association, _ => new Association(associationId));
        if (!open.Studies.TryAdd(studyUid, false) && open.Studies[studyUid]) return;
        if (associationId is not { } id) return;
        try
        {
            await repository.OpenedAsync(id, studyUid, NodeId, time.GetUtcNow(), ct).ConfigureAwait(false);
            open.Studies[studyUid] = true;
        }
        catch (DbException e)
        {
            AssemblyLog.TransferNotShared(logger, id, e.Message);
        }
    }

    /// <summary>Forgets an association here and in the database; returns the studies it delivered.</summary>
    public async Task<IReadOnlyCollection<string>> ClosedAsync(object association, CancellationToken ct = default)
    {
        if (!_byAssociation.TryRemove(association, out var open)) return [];
        if (open.Id is { } id && open.Studies.Values.Any(written => written))
        {
            try
            {
                await repository.ClosedAsync(id, ct).ConfigureAwait(false);
            }
            catch (DbException e)
            {
                // Its heartbeat is no longer renewed (this node forgot it): it expires after Scp:TransferExpirySeconds.
                AssemblyLog.TransferNotShared(logger, id, e.Message);
            }
        }
        return [.. open.Studies.Keys];
    }

    /// <summary>
    /// True when an open association on this node, or on another node whose heartbeat has not expired, is delivering
    /// the study. Without the database, this node's own associations still answer.
    /// </summary>
    public async Task<bool> IsReceivingAsync(string studyUid, CancellationToken ct = default)
    {
        if (_byAssociation.Values.Any(a => a.Studies.ContainsKey(studyUid))) return true;
        try
        {
            return await repository.IsOpenAsync(studyUid, time.GetUtcNow() - Expiry, ct).ConfigureAwait(false);
        }
        catch (DbException e)
        {
            AssemblyLog.TransfersUnknown(logger, e.Message);
            return false;
        }
    }

    /// <summary>Renews this node's heartbeat, then deletes (and returns) the rows of dead nodes; <see cref="TransferHeartbeatService"/> calls it.</summary>
    public async Task<IReadOnlyList<OpenTransfer>> BeatAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await repository.BeatAsync(NodeId, now, ct).ConfigureAwait(false);
        return await repository.DeleteExpiredAsync(now - Expiry, ct).ConfigureAwait(false);
    }

    /// <summary>At start: rows this node left when it stopped or died are gone (it holds no association yet).</summary>
    public Task<int> ForgetPreviousLifeAsync(CancellationToken ct = default) => repository.ForgetNodeAsync(NodeId, ct);

    private sealed class Association(long? id)
    {
        public long? Id { get; } = id;

        public ConcurrentDictionary<string, bool> Studies { get; } = new(StringComparer.Ordinal);
    }
}
