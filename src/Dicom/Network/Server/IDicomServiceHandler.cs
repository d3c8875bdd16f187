using VoxDose.Dicom.Network.Associations;
using VoxDose.Dicom.Network.Pdus;

namespace VoxDose.Dicom.Network.Server;

/// <summary>What a <see cref="DicomServer"/> asks of the application.</summary>
public interface IDicomServiceHandler
{
    /// <summary>
    /// Called for an association request that passed the <see cref="AcceptPolicy"/>: null accepts it, a reject PDU
    /// refuses it (e.g. <see cref="AssociateRejectPdu.CallingAeNotRecognized"/>).
    /// </summary>
    ValueTask<AssociateRejectPdu?> OnAssociationRequestAsync(AssociationInfo association, CancellationToken cancellationToken) =>
        ValueTask.FromResult<AssociateRejectPdu?>(null);

    /// <summary>
    /// Stores one received instance and returns its status. Return success (0000) only once the instance is durably
    /// stored; an exception is answered with 0110 (processing failure).
    /// </summary>
    ValueTask<StoreResponse> OnStoreAsync(StoreRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Called for every association request the server rejects (policy, limits, rate, or this handler's own reject), before
    /// the A-ASSOCIATE-RJ is sent: for an audit that counts and samples rejections rather than recording each.
    /// </summary>
    ValueTask OnAssociationRejectedAsync(AssociationInfo association, AssociateRejectPdu reject, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;

    /// <summary>
    /// Called when the peer asks to release the association, before the A-RELEASE-RP is sent: e.g. to make durable what
    /// was acknowledged without being fsynced. An exception aborts the association instead of confirming the release.
    /// </summary>
    ValueTask OnReleaseRequestedAsync(AssociationInfo association, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>Called once when an association ends (released, aborted, timed out or rejected).</summary>
    void OnAssociationClosed(AssociationInfo association, AssociationEnd end) { }
}
