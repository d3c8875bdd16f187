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

namespace VoxDose.StoreScp.Scp;

/// <summary>
/// The node's C-STORE handler: checks the caller, reads the routing header, hands the received file to the ingest
/// service (spool fsync + audit row, then assembly) and answers with the status it decides. Every association is
/// audited with its counts and how it ended.
/// </summary>
public sealed class NodeStoreHandler(IngestService ingest, AssociationRepository associations, CallerPolicy callers,
    ActiveTransfers transfers, IJobScheduler scheduler, RejectedAssociationAudit rejections, TimeProvider time, ILogger<NodeStoreHandler> logger) : IDicomServiceHandler
{
    private static readonly DicomReadOptions HeaderOnly = new() { StopBeforePixelData = true };
    private readonly ConcurrentDictionary<AssociateRequestPdu, Counters> _open = new(ReferenceEqualityComparer.Instance);

    public async ValueTask<AssociateRejectPdu?> OnAssociationRequestAsync(AssociationInfo association, CancellationToken cancellationToken)
    {
        // A caller not listed is rejected before anything is written: it is counted and sampled (OnAssociationRejectedAsync).
        if (!callers.IsAllowed(association.CallingAeTitle, association.RemoteEndPoint.Address)) return AssociateRejectPdu.CallingAeNotRecognized;
        var peer = association.RemoteEndPoint.ToString();
        var id = await associations.OpenedAsync(association.CallingAeTitle, association.CalledAeTitle, peer, cancellationToken).ConfigureAwait(false);
        _open[association.Request] = new Counters(id);
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
        var (status, comment) = await StoreAsync(request, counters?.Id, cancellationToken).ConfigureAwait(false);
        if (counters is not null)
        {
            if (DimseStatus.IsStored(status)) Interlocked.Increment(ref counters.Stored);
            else Interlocked.Increment(ref counters.Failed);
        }
        return new StoreResponse(status, comment);
    }

    private async Task<(ushort Status, string? Comment)> StoreAsync(StoreRequest request, long? associationId, CancellationToken ct)
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
        var outcome = await ingest.IngestAsync(request.FilePath, header, associationId, request.FileSha256, ct).ConfigureAwait(false);
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
            // Cluster-wide first (open_transfers), so the pipeline scheduled below, on whichever node, no longer waits for it.
            var studies = await transfers.ClosedAsync(association).ConfigureAwait(false);
            // Studies assembled while this association was still sending them can be computed now.
            foreach (var study in studies) await scheduler.SchedulePipelineAsync(study, time.GetUtcNow()).ConfigureAwait(false);
            await associations.ClosedAsync(counters.Id, end.ToString().ToLowerInvariant(), counters.Stored, counters.Failed).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or Quartz.SchedulerException)
        {
            ScpLog.AuditFailed(logger, counters.Id, e);
        }
    }

    private sealed class Counters(long id)
    {
        public long Id { get; } = id;
        public long Stored;
        public long Failed;
    }
}
