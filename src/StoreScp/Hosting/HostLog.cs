using Microsoft.Extensions.Logging;

namespace VoxDose.StoreScp.Hosting;

/// <summary>Node start-up and recovery log events, 10000-10099.</summary>
internal static partial class HostLog
{
    [LoggerMessage(EventId = 10000, Level = LogLevel.Information, Message =
        "VoxDose {Version} starting: AE title {AeTitle}, listening on {Address}:{Port}{Tls}, storage {Root}, database {Provider} ({Location}), "
        + "destinations {Destinations}, method {Method} on a {GridMm} mm grid, audit schema version {SchemaVersion}, node {Node}{Cluster}")]
    public static partial void Started(ILogger logger, string version, string aeTitle, string address, int port, string tls, string root, string provider,
        string location, string destinations, string method, double gridMm, int schemaVersion, string node, string cluster);

    [LoggerMessage(EventId = 10004, Level = LogLevel.Warning, Message =
        "No destination is configured (VoxDose:Destinations): results are computed and kept under the storage root but sent nowhere")]
    public static partial void NoDestination(ILogger logger);

    [LoggerMessage(EventId = 10001, Level = LogLevel.Critical, Message = "The node cannot start: {Reason}")]
    public static partial void CannotStart(ILogger logger, string reason, Exception exception);

    [LoggerMessage(EventId = 10004, Level = LogLevel.Information, Message = "Audit schema migrated from version {From} to {To} ({Scripts})")]
    public static partial void SchemaMigrated(ILogger logger, int from, int to, string scripts);

    [LoggerMessage(EventId = 10005, Level = LogLevel.Warning, Message = "Study {StudyUid} in state {State} had no job: rescheduled at {At}")]
    public static partial void Rescued(ILogger logger, string studyUid, Audit.StudyState state, DateTimeOffset at);

    [LoggerMessage(EventId = 10006, Level = LogLevel.Warning, Message = "Destination {Destination} had pending exports and no job: rescheduled at {At}")]
    public static partial void RescuedExports(ILogger logger, string destination, DateTimeOffset at);

    [LoggerMessage(EventId = 10030, Level = LogLevel.Information, Message = "Deleted {Count} results staging folders abandoned for more than {Hours} h (left by a node stopped mid-computation)")]
    public static partial void AbandonedStagingDeleted(ILogger logger, int count, double hours);

    [LoggerMessage(EventId = 10007, Level = LogLevel.Error, Message = "Sweep of stuck work failed; trying again at the next pass")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 10002, Level = LogLevel.Information, Message = "Resuming {Count} studies not in a final state")]
    public static partial void Resuming(ILogger logger, int count);

    [LoggerMessage(EventId = 10003, Level = LogLevel.Information, Message = "Resuming study {StudyUid} in state {State} (revision {Revision})")]
    public static partial void ResumingStudy(ILogger logger, string studyUid, Audit.StudyState state, long revision);
}
