using Microsoft.Extensions.Logging;

namespace VoxDose.StoreScp.Export;

/// <summary>Export log events, 6000-6099.</summary>
internal static partial class ExportLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Sending {Count} objects to {Destination}")]
    public static partial void Sending(ILogger logger, int count, string destination);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "{Destination} accepted {Sent} of {Count} objects")]
    public static partial void Sent(ILogger logger, string destination, int sent, int count);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Export {ExportId} to {Destination} failed (attempt {Attempt}): {Error}; next attempt {NextAttempt}")]
    public static partial void Retry(ILogger logger, long exportId, string destination, long attempt, string? error, DateTimeOffset nextAttempt);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Error, Message = "Export {ExportId} to {Destination} abandoned after {Attempt} attempts: {Error}")]
    public static partial void GaveUp(ILogger logger, long exportId, string destination, long attempt, string? error);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Error, Message = "Exports queued for destination {Destination}, which is no longer configured")]
    public static partial void UnknownDestination(ILogger logger, string destination);
}
