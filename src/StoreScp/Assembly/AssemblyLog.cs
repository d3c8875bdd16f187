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
}
