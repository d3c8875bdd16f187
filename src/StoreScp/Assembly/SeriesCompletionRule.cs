namespace VoxDose.StoreScp.Assembly;

/// <summary>
/// When a series is complete: as soon as Number of Slices (0054,0081) instances are in, otherwise once the quiet
/// period has passed since the last arrival (each arrival re-arms it). Pure, so tests drive it with any clock.
/// </summary>
public static class SeriesCompletionRule
{
    public static bool IsComplete(long? expectedInstances, long receivedInstances, DateTimeOffset lastReceivedAt, DateTimeOffset now, TimeSpan quiet) =>
        (expectedInstances is > 0 && receivedInstances >= expectedInstances) || now - lastReceivedAt >= quiet;

    /// <summary>When to look again: now if complete, else the end of the quiet period.</summary>
    public static DateTimeOffset CheckAt(long? expectedInstances, long receivedInstances, DateTimeOffset lastReceivedAt, DateTimeOffset now, TimeSpan quiet) =>
        IsComplete(expectedInstances, receivedInstances, lastReceivedAt, now, quiet) ? now : lastReceivedAt + quiet;
}
