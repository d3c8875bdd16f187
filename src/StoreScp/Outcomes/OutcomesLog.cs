using Microsoft.Extensions.Logging;

namespace VoxDose.StoreScp.Outcomes;

/// <summary>Log messages of the lesion registry (event IDs 109xx). No PHI above Debug: the study UID only.</summary>
internal static partial class OutcomesLog
{
    [LoggerMessage(EventId = 10901, Level = LogLevel.Warning, Message = "Study {StudyUid} revision {Revision}: lesions not registered (the PET has no Patient ID)")]
    public static partial void RegistrySkipped(ILogger logger, string studyUid, long revision);

    [LoggerMessage(EventId = 10902, Level = LogLevel.Error, Message = "Study {StudyUid} revision {Revision}: lesions not registered")]
    public static partial void RegistryFailed(ILogger logger, Exception exception, string studyUid, long revision);
}
