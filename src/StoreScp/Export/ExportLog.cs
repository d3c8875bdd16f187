using Microsoft.Extensions.Logging;

namespace VoxDose.StoreScp.Export;

/// <summary>Export log events, 10400-10499.</summary>
internal static partial class ExportLog
{
    [LoggerMessage(EventId = 10400, Level = LogLevel.Information, Message = "Sending {Count} objects to {Destination}")]
    public static partial void Sending(ILogger logger, int count, string destination);

    [LoggerMessage(EventId = 10401, Level = LogLevel.Information, Message = "{Destination} accepted {Sent} of {Count} objects")]
    public static partial void Sent(ILogger logger, string destination, int sent, int count);

    [LoggerMessage(EventId = 10402, Level = LogLevel.Warning, Message = "Export {ExportId} to {Destination} failed (attempt {Attempt}): {Error}; next attempt {NextAttempt}")]
    public static partial void Retry(ILogger logger, long exportId, string destination, long attempt, string? error, DateTimeOffset nextAttempt);

    [LoggerMessage(EventId = 10403, Level = LogLevel.Error, Message = "Export {ExportId} to {Destination} abandoned after {Attempt} attempts: {Error}")]
    public static partial void GaveUp(ILogger logger, long exportId, string destination, long attempt, string? error);

    [LoggerMessage(EventId = 10404, Level = LogLevel.Error, Message = "Exports queued for destination {Destination}, which is no longer configured")]
    public static partial void UnknownDestination(ILogger logger, string destination);
}
