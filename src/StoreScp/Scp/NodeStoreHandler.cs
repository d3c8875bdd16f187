using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VoxDose.Dicom;
using VoxDose.Dicom.Network;
using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Dimse;
using VoxDose.Dicom.Network.Pdus;
using VoxDose.Dicom.Network.Server;
using VoxDose.StoreScp.Assembly;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Scheduling;
using VoxDose.StoreScp.Ingest;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Storage;

namespace VoxDose.StoreScp.Scp;

/// <summary>
/// The node's C-STORE handler: checks the caller, reads the routing header, hands the received file to the ingest
/// service (spool fsync + audit row, then assembly) and answers with the status it decides. Every association is
/// audited with its counts and how it ended.
/// </summary>
public sealed class NodeStoreHandler(IngestService ingest, AssociationRepository associations, CallerPolicy callers,
    ActiveTransfers transfers, IJobScheduler scheduler, RejectedAssociationAudit rejections, TimeProvider time, ILogger<NodeStoreHandler> logger,
    IOptions<VoxDoseOptions>? options = null) : IDicomServiceHandler
{
    private static readonly DicomReadOptions HeaderOnly = new() { StopBeforePixelData = true };
    private readonly ConcurrentDictionary<AssociateRequestPdu, Counters> _open = new(ReferenceEqualityComparer.Instance);

    public async ValueTask<AssociateRejectPdu?> OnAssociationRequestAsync(AssociationInfo association, CancellationToken cancellationToken)
    {
        // A caller not listed is rejected before anything is written: it is counted and sampled (OnAssociationRejectedAsync).
        if (!callers.IsAllowed(association.CallingAeTitle, association.RemoteEndPoint.Address)) return AssociateRejectPdu.CallingAeNotRecognized;
        var peer = association.RemoteEndPoint.ToString();
        var id = await associations.OpenedAsync(association.CallingAeTitle, association.CalledAeTitle, peer, cancellationToken).ConfigureAwait(false);
        // Storage:SyncMode PerAssociation: the association's fsyncs are batched until it ends (OnReleaseRequestedAsync).
        var perAssociation = options?.Value.Storage.SyncMode == StorageSyncMode.PerAssociation;
        _open[association.Request] = new Counters(id, perAssociation ? new PendingSyncs() : null);
        return null;
    }

    /// <summary>Every rejection (caller not listed, wrong called AE, limits, rate): counted and sampled, not a row each.</summary>
    public async ValueTask OnAssociationRejectedAsync(AssociationInfo association, AssociateRejectPdu reject, CancellationToken cancellationToken)
    {
        var reason = reject.Source == RejectSource.ServiceUser && reject.Reason == RejectReason.CallingAeTitleNotRecognized
            ? "calling AE/host not in Scp:AllowedCallers" : reject.ToString();
        await rejections.RecordAsync(association.CallingAeTitle, association.CalledAeTitle, association.RemoteEndPoint, reason, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<StoreResponse> OnStoreAsync(StoreRequest request, CancellationToken cancellationToken)
    {
        var counters = _open.GetValueOrDefault(request.Association.Request);
        var (status, comment) = await StoreAsync(request, counters?.Id, counters?.Pending, cancellationToken).ConfigureAwait(false);
        if (counters is not null)
        {
            if (DimseStatus.IsStored(status)) Interlocked.Increment(ref counters.Stored);
            else Interlocked.Increment(ref counters.Failed);
        }
        return new StoreResponse(status, comment);
    }

    private async Task<(ushort Status, string? Comment)> StoreAsync(StoreRequest request, long? associationId, PendingSyncs? pending, CancellationToken ct)
    {
        InstanceHeader? header;
        try
        {
            var file = DicomFile.Open(request.FilePath, HeaderOnly);
            (header, var missing) = InstanceHeaderReader.Read(file.Dataset);
            if (header is null) return Refuse(request, StoreOutcome.DataSetDoesNotMatchSopClass, $"missing {missing}");
        }
        catch (DicomDataException e)
        {
            return Refuse(request, StoreOutcome.DataSetUnreadable, "data set cannot be parsed: " + e.Message);
        }
        if (header.SopInstanceUid.Trim() != request.SopInstanceUid || header.SopClassUid.Trim() != request.SopClassUid)
            return Refuse(request, StoreOutcome.DataSetDoesNotMatchSopClass, "(0008,0016)/(0008,0018) differ from the C-STORE command");
        await transfers.ReceivedAsync(request.Association.Request, associationId, header.StudyUid, ct).ConfigureAwait(false);
        var outcome = await ingest.IngestAsync(request.FilePath, header, associationId, request.FileSha256, pending, ct).ConfigureAwait(false);
        var response = StoreStatusMapper.Response(outcome, $"refused: {outcome} (see the node's audit)");
        return (response.Status, response.ErrorComment);
    }

    private (ushort, string?) Refuse(StoreRequest request, StoreOutcome outcome, string reason)
    {
        var response = StoreStatusMapper.Response(outcome, reason);
        var escaped = LogText.Escape(reason);
        ScpLog.StoreRefused(logger, request.SopInstanceUid, response.Status, escaped);
        return (response.Status, response.ErrorComment);
    }

    /// <summary>
    /// Storage:SyncMode PerAssociation: before the release is confirmed, every file and folder this association
    /// wrote is fsynced, then the audit database (one fully synced commit carries every row before it). A failure
    /// ends the association without the A-RELEASE-RP, so the sender does not take the transfer as done.
    /// </summary>
    public async ValueTask OnReleaseRequestedAsync(AssociationInfo association, CancellationToken cancellationToken)
    {
        if (_open.GetValueOrDefault(association.Request) is not { Pending: { } pending } counters) return;
        var files = pending.Count;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        pending.Flush();
        await associations.ReleasingAsync(counters.Id, Interlocked.Read(ref counters.Stored), Interlocked.Read(ref counters.Failed), cancellationToken).ConfigureAwait(false);
        ScpLog.AssociationSynced(logger, counters.Id, files, watch.ElapsedMilliseconds);
    }

    public void OnAssociationClosed(AssociationInfo association, AssociationEnd end)
    {
        if (!_open.TryRemove(association.Request, out var counters))
        {
            _ = transfers.ClosedAsync(association.Request); // never audited, so never written to the database: memory only
            return;
        }
        var calling = LogText.Escape(association.CallingAeTitle);
        ScpLog.AssociationEnded(logger, counters.Id, calling, end, counters.Stored, counters.Failed);
        _ = RecordCloseAsync(association.Request, counters, end);
    }

    private async Task RecordCloseAsync(AssociateRequestPdu association, Counters counters, AssociationEnd end)
    {
        try
        {
            // An association that ended without a release (abort, lost connection) may still owe fsyncs for
            // instances it acknowledged: made now, before its studies are computed.
            if (counters.Pending is { Count: > 0 } pending) await Task.Run(pending.Flush).ConfigureAwait(false);
            // Cluster-wide next (open_transfers), so the pipeline scheduled below, on whichever node, no longer waits for it.
            var studies = await transfers.ClosedAsync(association).ConfigureAwait(false);
            await associations.ClosedAsync(counters.Id, end.ToString().ToLowerInvariant(), counters.Stored, counters.Failed).ConfigureAwait(false);
            // Studies assembled while this association was still sending them can be computed now.
            foreach (var study in studies)
            {
                try
                {
                    await scheduler.SchedulePipelineAsync(study, time.GetUtcNow()).ConfigureAwait(false);
                }
                catch (Quartz.SchedulerException e)
                {
                    // At a stop the listener aborts open associations, and by the time this runs the scheduler may be shut
                    // down (regression: the end of the association was then not audited either). The study is Assembled
                    // with no job: the sweeper of any node, or recovery at this node's start, schedules it.
                    ScpLog.PipelineLeftToRecovery(logger, study, counters.Id, e.Message);
                }
            }
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or Quartz.SchedulerException or IOException)
        {
            ScpLog.AuditFailed(logger, counters.Id, e);
        }
    }

    private sealed class Counters(long id, PendingSyncs? pending)
    {
        public long Id { get; } = id;
        public PendingSyncs? Pending { get; } = pending;
        public long Stored;
        public long Failed;
    }
}
