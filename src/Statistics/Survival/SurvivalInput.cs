namespace VoxDose.Statistics.Survival;

/// <summary>Checks shared by the survival methods: equal lengths, finite non-negative times.</summary>
internal static class SurvivalInput
{
    public static void Check(IReadOnlyList<double> time, IReadOnlyList<bool> status)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(status);
        if (time.Count != status.Count)
            throw new ArgumentException($"time has {time.Count} values but status has {status.Count}.");
        if (time.Count == 0) throw new ArgumentException("No observations.");
        for (var i = 0; i < time.Count; i++)
            if (!double.IsFinite(time[i]) || time[i] < 0)
                throw new ArgumentException($"time[{i}] = {time[i]} is not a finite non-negative number.");
    }

    /// <summary>Indices ordered by increasing time.</summary>
    public static int[] OrderByTime(IReadOnlyList<double> time)
    {
        var order = Enumerable.Range(0, time.Count).ToArray();
        Array.Sort(order, (a, b) => time[a].CompareTo(time[b]));
        return order;
    }
}
