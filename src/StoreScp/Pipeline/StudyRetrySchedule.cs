using VoxDose.StoreScp.Configuration;

namespace VoxDose.StoreScp.Pipeline;

/// <summary>
/// When a study that failed for a reason that may pass is tried again: after the n-th failure wait
/// RetryDelaysSeconds[n-1] (the last delay repeats), until the waits add up to more than RetryForSeconds.
/// </summary>
public sealed class StudyRetrySchedule(IReadOnlyList<TimeSpan> delays, TimeSpan retryFor)
{
    public static StudyRetrySchedule From(ProcessingOptions options) =>
        new((options.RetryDelaysSeconds.Count > 0 ? options.RetryDelaysSeconds : ProcessingOptions.DefaultRetryDelaysSeconds)
            .Select(TimeSpan.FromSeconds).ToList(), TimeSpan.FromSeconds(options.RetryForSeconds));

    public TimeSpan Delay(long failedAttempts) => failedAttempts < 1 ? TimeSpan.Zero : delays[(int)Math.Min(failedAttempts - 1, delays.Count - 1)];

    /// <summary>The next attempt after <paramref name="failedAttempts"/> failures (1 after the first), or null when retrying is over.</summary>
    public DateTimeOffset? NextAttempt(long failedAttempts, DateTimeOffset now)
    {
        var waited = TimeSpan.Zero;
        for (var n = 1; n <= failedAttempts; n++) waited += Delay(n);
        return waited > retryFor ? null : now + Delay(failedAttempts);
    }
}
