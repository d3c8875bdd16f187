using VoxDose.StoreScp.Configuration;

namespace VoxDose.StoreScp.Export;

/// <summary>
/// When to try an export again: after the n-th failure wait RetryDelaysSeconds[n-1] (the last delay repeats),
/// and give up once the next attempt would fall more than GiveUpAfterSeconds after the export was queued.
/// </summary>
public sealed class RetrySchedule(IReadOnlyList<TimeSpan> delays, TimeSpan giveUpAfter)
{
    public static RetrySchedule From(ExportOptions options) =>
        new((options.RetryDelaysSeconds.Count > 0 ? options.RetryDelaysSeconds : ExportOptions.DefaultRetryDelaysSeconds)
            .Select(TimeSpan.FromSeconds).ToList(), TimeSpan.FromSeconds(options.GiveUpAfterSeconds));

    /// <summary>The next attempt after <paramref name="failedAttempts"/> failures (1 after the first), or null to give up.</summary>
    public DateTimeOffset? NextAttempt(long failedAttempts, DateTimeOffset queuedAt, DateTimeOffset now)
    {
        if (failedAttempts < 1) return now;
        var delay = delays[(int)Math.Min(failedAttempts - 1, delays.Count - 1)];
        var next = now + delay;
        return next - queuedAt > giveUpAfter ? null : next;
    }
}
