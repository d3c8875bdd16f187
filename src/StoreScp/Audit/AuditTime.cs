using System.Globalization;

namespace VoxDose.StoreScp.Audit;

/// <summary>Times in the audit database: UTC, ISO 8601 with milliseconds, so text order is time order on both engines.</summary>
public static class AuditTime
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? text) =>
        text is null ? null : DateTimeOffset.ParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
