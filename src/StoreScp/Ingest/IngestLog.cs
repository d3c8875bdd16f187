using Microsoft.Extensions.Logging;

namespace VoxDose.StoreScp.Ingest;

/// <summary>Ingest log events, 10100-10199. UIDs are not patient data; names and IDs never appear here.</summary>
internal static partial class IngestLog
{
    [LoggerMessage(EventId = 10100, Level = LogLevel.Debug, Message = "Stored {SopInstanceUid} v{Version} ({Kind}) of series {SeriesUid}, role {Role}")]
    public static partial void Stored(ILogger logger, string sopInstanceUid, long version, Audit.ArrivalKind kind, string seriesUid, Audit.SeriesRole role);

    [LoggerMessage(EventId = 10101, Level = LogLevel.Information, Message = "Instance {SopInstanceUid} received again with identical content: acknowledged, not reprocessed")]
    public static partial void Duplicate(ILogger logger, string sopInstanceUid);

    [LoggerMessage(EventId = 10102, Level = LogLevel.Warning, Message = "Instance {SopInstanceUid} received with different content: kept as version {Version}; study {StudyUid} will be reprocessed")]
    public static partial void NewVersion(ILogger logger, string sopInstanceUid, long version, string studyUid);

    [LoggerMessage(EventId = 10103, Level = LogLevel.Warning, Message = "C-STORE refused with status {Status:X4}: {Reason}")]
    public static partial void Refused(ILogger logger, ushort status, string reason);

    [LoggerMessage(EventId = 10104, Level = LogLevel.Error, Message = "C-STORE failed while storing; returned 0110")]
    public static partial void Failed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 10105, Level = LogLevel.Information, Message = "Series {SeriesUid} ignored: {Reason}")]
    public static partial void Ignored(ILogger logger, string seriesUid, string reason);
}
