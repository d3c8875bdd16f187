using Microsoft.Extensions.Logging;

namespace VoxDose.StoreScp.Scp;

/// <summary>DICOM listener log events, 10500-10599. AE titles and addresses only: no patient data.</summary>
internal static partial class ScpLog
{
    [LoggerMessage(EventId = 10500, Level = LogLevel.Information, Message = "DICOM node {AeTitle} listening on {EndPoint}")]
    public static partial void Listening(ILogger logger, string aeTitle, System.Net.IPEndPoint? endPoint);

    [LoggerMessage(EventId = 10501, Level = LogLevel.Critical, Message = "The DICOM listener cannot start on {Address} port {Port}: {Reason}")]
    public static partial void CannotListen(ILogger logger, string address, int port, string reason, Exception exception);

    [LoggerMessage(EventId = 10503, Level = LogLevel.Warning, Message = "C-STORE of {SopInstanceUid} refused with {Status:X4}: {Reason}")]
    public static partial void StoreRefused(ILogger logger, string sopInstanceUid, ushort status, string reason);

    [LoggerMessage(EventId = 10504, Level = LogLevel.Information, Message = "Association {AssociationId} from {CallingAe} ended ({End}): {Stored} stored, {Failed} failed")]
    public static partial void AssociationEnded(ILogger logger, long associationId, string callingAe, VoxDose.Dicom.Network.Server.AssociationEnd end, long stored, long failed);

    [LoggerMessage(EventId = 10505, Level = LogLevel.Error, Message = "Could not record the end of association {AssociationId} in the audit database")]
    public static partial void AuditFailed(ILogger logger, long associationId, Exception exception);

    [LoggerMessage(EventId = 10506, Level = LogLevel.Warning, Message = "Association from {CallingAe} at {Peer} rejected: {Reason}; more like it in the next {Seconds} s are counted, not logged")]
    public static partial void AssociationRejected(ILogger logger, string callingAe, string peer, string reason, int seconds);

    [LoggerMessage(EventId = 10507, Level = LogLevel.Warning, Message = "{Count} association requests from {Peer} rejected: {Reason}")]
    public static partial void AssociationsRejected(ILogger logger, long count, string peer, string reason);

    [LoggerMessage(EventId = 10508, Level = LogLevel.Error, Message = "Could not record rejected associations in the audit database")]
    public static partial void RejectionAuditFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 10509, Level = LogLevel.Debug, Message = "Association {AssociationId}: {Files} instance files, their folders and the audit database fsynced at release in {Milliseconds} ms (Storage:SyncMode PerAssociation)")]
    public static partial void AssociationSynced(ILogger logger, long associationId, int files, long milliseconds);

    [LoggerMessage(EventId = 10510, Level = LogLevel.Warning, Message = "The pipeline of study {StudyUid}, complete at the end of association {AssociationId}, could not be scheduled ({Reason}); the sweeper (of any node) or recovery at the next start schedules it")]
    public static partial void PipelineLeftToRecovery(ILogger logger, string studyUid, long associationId, string reason);
}
