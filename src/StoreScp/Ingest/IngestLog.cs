using Microsoft.Extensions.Logging;

namespace VoxDose.StoreScp.Ingest;

/// <summary>Ingest log events, 3000-3099. UIDs are not patient data; names and IDs never appear here.</summary>
internal static partial class IngestLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Debug, Message = "Stored {SopInstanceUid} v{Version} ({Kind}) of series {SeriesUid}, role {Role}")]
    public static partial void Stored(ILogger logger, string sopInstanceUid, long version, Audit.ArrivalKind kind, string seriesUid, Audit.SeriesRole role);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Instance {SopInstanceUid} received again with identical content: acknowledged, not reprocessed")]
    public static partial void Duplicate(ILogger logger, string sopInstanceUid);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Instance {SopInstanceUid} received with different content: kept as version {Version}; study {StudyUid} will be reprocessed")]
    public static partial void NewVersion(ILogger logger, string sopInstanceUid, long version, string studyUid);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "C-STORE refused with status {Status:X4}: {Reason}")]
    public static partial void Refused(ILogger logger, ushort status, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "C-STORE failed while storing; returned 0110")]
    public static partial void Failed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Series {SeriesUid} ignored: {Reason}")]
    public static partial void Ignored(ILogger logger, string seriesUid, string reason);
}
