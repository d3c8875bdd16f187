using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace VoxDose.Statistics.Distributions;

/// <summary>
/// The few distribution functions the tests of this project need, as R names them (pnorm, qnorm, pchisq, pt),
/// computed by MathNet.Numerics. Upper tails are computed directly (not as 1 - CDF) so that small P values keep
/// their relative precision.
/// </summary>
public static class Probability
{
    /// <summary>Standard normal quantile, R's <c>qnorm(p)</c>.</summary>
    public static double NormalQuantile(double p) => Normal.InvCDF(0, 1, p);

    /// <summary>Standard normal lower tail, R's <c>pnorm(z)</c>.</summary>
    public static double NormalLower(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2));

    /// <summary>Standard normal upper tail, R's <c>pnorm(z, lower.tail = FALSE)</c>.</summary>
    public static double NormalUpper(double z) => 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2));

    /// <summary>Two-sided P of a standard normal statistic: 2 P(Z &gt; |z|).</summary>
    public static double NormalTwoSided(double z) => double.IsNaN(z) ? double.NaN : SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2));

    /// <summary>Chi-square upper tail, R's <c>pchisq(x, df, lower.tail = FALSE)</c>.</summary>
    public static double ChiSquareUpper(double x, int df)
    {
        if (double.IsNaN(x) || df <= 0) return double.NaN;
        if (x <= 0) return 1;
        if (double.IsPositiveInfinity(x)) return 0;
        return SpecialFunctions.GammaUpperRegularized(df / 2.0, x / 2.0);
    }

    /// <summary>Student t upper tail, R's <c>pt(t, df, lower.tail = FALSE)</c>.</summary>
    public static double StudentTUpper(double t, double df)
    {
        if (double.IsNaN(t)) return double.NaN;
        // P(T > t) = I_{df/(df+t^2)}(df/2, 1/2) / 2 for t >= 0.
        var tail = 0.5 * SpecialFunctions.BetaRegularized(df / 2.0, 0.5, df / (df + t * t));
        return t >= 0 ? tail : 1 - tail;
    }

    /// <summary>Student t lower tail, R's <c>pt(t, df)</c>.</summary>
    public static double StudentTLower(double t, double df) => StudentTUpper(-t, df);
}
