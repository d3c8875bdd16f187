namespace VoxDose.Reporting.Cohort;

/// <summary>
/// Tukey's box as R's <c>boxplot</c> draws it: hinges from <c>fivenum</c>, whiskers to the most extreme values
/// within 1.5 times the hinge spread, the values beyond drawn as points.
/// </summary>
internal sealed record BoxStatistics(double Min, double LowerHinge, double Median, double UpperHinge, double Max,
    double WhiskerLow, double WhiskerHigh, double[] Outliers)
{
    public static BoxStatistics Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("A box of no values.", nameof(values));
        var x = values.OrderBy(v => v).ToArray();
        var n = x.Length;
        var n4 = Math.Floor((n + 3) / 2.0) / 2.0;
        double At(double d) => 0.5 * (x[(int)Math.Floor(d) - 1] + x[(int)Math.Ceiling(d) - 1]);
        var (lo, mid, hi) = (At(n4), At((n + 1) / 2.0), At(n + 1 - n4));
        var reach = 1.5 * (hi - lo);
        var inside = x.Where(v => v >= lo - reach && v <= hi + reach).ToArray();
        return new BoxStatistics(x[0], lo, mid, hi, x[^1], inside.Min(), inside.Max(),
            x.Where(v => v < lo - reach || v > hi + reach).ToArray());
    }
}
