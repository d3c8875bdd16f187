namespace VoxDose.Statistics;

/// <summary>
/// Splits a continuous variable into two groups as the study did: at a fixed cut-off (81 Gy for TDv) or at the
/// cohort median. A value at or above the cut-off is "high".
/// </summary>
public static class Dichotomy
{
    /// <summary>The study's TDv cut-off (Gy).</summary>
    public const double StudyTdvCutoffGy = 81;

    public static bool[] AtCutoff(IReadOnlyList<double> values, double cutoff)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!double.IsFinite(cutoff)) throw new ArgumentException($"The cut-off {cutoff} is not a finite number.", nameof(cutoff));
        return values.Select((v, i) => double.IsFinite(v) ? v >= cutoff
            : throw new ArgumentException($"values[{i}] is not a finite number.", nameof(values))).ToArray();
    }

    /// <summary>The median as R's <c>median</c> (mean of the two middle values for an even count).</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) throw new ArgumentException("The median of no values is undefined.", nameof(values));
        var sorted = values.OrderBy(v => v).ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static bool[] AtMedian(IReadOnlyList<double> values) => AtCutoff(values, Median(values));
}
