namespace VoxDose.Statistics.Survival;

/// <summary>
/// One step of a Kaplan-Meier curve, at a time where at least one observation ends (event or censoring).
/// <paramref name="StdErr"/> is R's <c>survfit</c> <c>std.err</c>: the Greenwood standard error of the cumulative
/// hazard, i.e. of log S (multiply by S for the standard error of S). It is +infinity once S reaches 0, where
/// the limits are undefined (NaN).
/// </summary>
public sealed record KaplanMeierStep(double Time, int NRisk, int NEvent, int NCensor, double Survival, double StdErr,
    double Lower, double Upper);

/// <summary>A Kaplan-Meier curve with the median survival and its interval as R's <c>print.survfit</c> reports them.</summary>
/// <param name="Median">NaN when the curve never reaches 0.5 (R prints NA).</param>
public sealed record KaplanMeierCurve(int N, int Events, IReadOnlyList<KaplanMeierStep> Steps, double Median,
    double MedianLower, double MedianUpper, ConfidenceIntervalType IntervalType, double ConfidenceLevel);
