using Microsoft.Extensions.Logging;

namespace VoxDose.StoreScp.Pipeline;

/// <summary>Pipeline log events, 10300-10399.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(EventId = 10300, Level = LogLevel.Information, Message = "Computing study {StudyUid} revision {Revision} ({PetCount} PET instances, RTSTRUCT: {HasRtStruct})")]
    public static partial void Computing(ILogger logger, string studyUid, long revision, int petCount, bool hasRtStruct);

    [LoggerMessage(EventId = 10301, Level = LogLevel.Information, Message = "Study {StudyUid} revision {Revision} computed in {ElapsedMs} ms")]
    public static partial void Computed(ILogger logger, string studyUid, long revision, long elapsedMs);

    [LoggerMessage(EventId = 10302, Level = LogLevel.Information, Message = "Study {StudyUid} revision {Revision}: {Count} report objects queued for {Destinations} destinations")]
    public static partial void Reported(ILogger logger, string studyUid, long revision, int count, int destinations);

    [LoggerMessage(EventId = 10303, Level = LogLevel.Error, Message = "Study {StudyUid} revision {Revision} failed: {Reason}")]
    public static partial void Failed(ILogger logger, string studyUid, long revision, string reason);

    [LoggerMessage(EventId = 10304, Level = LogLevel.Information, Message = "Study {StudyUid} revision {Revision} superseded by new input while computing; computing again")]
    public static partial void Superseded(ILogger logger, string studyUid, long revision);

    [LoggerMessage(EventId = 10306, Level = LogLevel.Information, Message = "Study {StudyUid} assembled while its association is still sending: computing when it closes")]
    public static partial void WaitingForTransfer(ILogger logger, string studyUid);

    [LoggerMessage(EventId = 10307, Level = LogLevel.Error, Message = "Study {StudyUid} revision {Revision} failed: {Reason}; retry at {RetryAt} (none: not retried automatically)")]
    public static partial void FailedWillRetry(ILogger logger, string studyUid, long revision, string reason, DateTimeOffset? retryAt);

    [LoggerMessage(EventId = 10308, Level = LogLevel.Warning, Message = "Study {StudyUid} revision {Revision} not exported: {Reason}")]
    public static partial void NotExported(ILogger logger, string studyUid, long revision, string reason);

    [LoggerMessage(EventId = 10309, Level = LogLevel.Information, Message = "Study {StudyUid} assembled without an RTSTRUCT: waiting for one until {Until} (Processing:RtStructGraceSeconds)")]
    public static partial void WaitingForRtStruct(ILogger logger, string studyUid, DateTimeOffset until);

    [LoggerMessage(EventId = 10340, Level = LogLevel.Information, Message = "Study {StudyUid} revision {Revision}: MAA plan computed, {Lesions} lesion(s); kept for the patient's Y-90 study")]
    public static partial void Planned(ILogger logger, string studyUid, long revision, int lesions);

    [LoggerMessage(EventId = 10341, Level = LogLevel.Information, Message = "Study {StudyUid} revision {Revision}: plan linked {Linked} (the audit event says which, or why none)")]
    public static partial void PlanLink(ILogger logger, string studyUid, long revision, bool linked);

    [LoggerMessage(EventId = 10342, Level = LogLevel.Information, Message = "Node stopping: the computation of study {StudyUid} is cancelled and handed back to the scheduler")]
    public static partial void HandedBack(ILogger logger, string studyUid);

    [LoggerMessage(EventId = 10343, Level = LogLevel.Warning, Message = "Node stopping: the computation of study {StudyUid} could not be handed back ({Reason}); the sweeper (of any node) or recovery at the next start resumes it")]
    public static partial void NotHandedBack(ILogger logger, string studyUid, string reason);

    [LoggerMessage(EventId = 10305, Level = LogLevel.Error, Message = "Unexpected error in the pipeline of study {StudyUid}")]
    public static partial void Unexpected(ILogger logger, string studyUid, Exception exception);
}
