using Microsoft.Extensions.Logging;

namespace VoxDose.StoreScp.Assembly;

/// <summary>Study assembly log events, 10200-10299.</summary>
internal static partial class AssemblyLog
{
    [LoggerMessage(EventId = 10200, Level = LogLevel.Information, Message = "Series {SeriesUid} complete ({Received} of {Expected} instances)")]
    public static partial void SeriesComplete(ILogger logger, string seriesUid, long received, long? expected);

    [LoggerMessage(EventId = 10201, Level = LogLevel.Information, Message = "Study {StudyUid} assembled: Y-90 PET complete, pipeline scheduled")]
    public static partial void StudyAssembled(ILogger logger, string studyUid);

    [LoggerMessage(EventId = 10203, Level = LogLevel.Information, Message = "Study {StudyUid} ignored: {Reason}")]
    public static partial void StudyIgnored(ILogger logger, string studyUid, string reason);

    [LoggerMessage(EventId = 10202, Level = LogLevel.Information, Message = "Study {StudyUid} has new input (revision {Revision}): it will be processed again")]
    public static partial void Reprocess(ILogger logger, string studyUid, long revision);

    [LoggerMessage(EventId = 10204, Level = LogLevel.Warning, Message = "Open transfer of association {AssociationId} not shared with the cluster (audit database: {Error}); this node still waits for it")]
    public static partial void TransferNotShared(ILogger logger, long associationId, string error);

    [LoggerMessage(EventId = 10205, Level = LogLevel.Warning, Message = "Open transfers of other nodes unknown (audit database: {Error})")]
    public static partial void TransfersUnknown(ILogger logger, string error);

    [LoggerMessage(EventId = 10206, Level = LogLevel.Warning, Message = "Association {AssociationId} on node {NodeId} expired (no heartbeat): study {StudyUid} no longer waits for it")]
    public static partial void TransferExpired(ILogger logger, long associationId, string nodeId, string studyUid);

    [LoggerMessage(EventId = 10207, Level = LogLevel.Information, Message = "Node {NodeId} cleared {Count} open transfers left from before its start")]
    public static partial void PreviousTransfersCleared(ILogger logger, string nodeId, int count);
}
