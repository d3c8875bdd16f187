using VoxDose.Statistics.Distributions;

namespace VoxDose.Statistics.Survival;

/// <summary>
/// The Kaplan-Meier product-limit estimator with Greenwood standard errors, as R's
/// <c>survfit(Surv(time, status) ~ 1, conf.type = ...)</c> computes it: one step per distinct time (events and
/// censorings), censored observations at an event time counted at risk at that time.
/// </summary>
public static class KaplanMeier
{
    /// <summary>R's tolerance for "the curve equals 0.5" in the median (sqrt of the double epsilon).</summary>
    private static readonly double MedianTolerance = Math.Sqrt(Math.Pow(2, -52));

    public static KaplanMeierCurve Fit(IReadOnlyList<double> time, IReadOnlyList<bool> status,
        ConfidenceIntervalType intervalType = ConfidenceIntervalType.Log, double confidenceLevel = 0.95)
    {
        SurvivalInput.Check(time, status);
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "must be in (0, 1).");
        var order = SurvivalInput.OrderByTime(time);
        var z = Probability.NormalQuantile(1 - (1 - confidenceLevel) / 2);
        var steps = new List<KaplanMeierStep>();
        int n = time.Count, atRisk = n, events = 0;
        double survival = 1, greenwood = 0;
        for (var i = 0; i < n;)
        {
            var t = time[order[i]];
            int d = 0, c = 0;
            var j = i;
            for (; j < n && time[order[j]] == t; j++)
                if (status[order[j]]) d++; else c++;
            if (d > 0)
            {
                survival *= 1 - d / (double)atRisk;
                greenwood = atRisk == d ? double.PositiveInfinity : greenwood + d / ((double)atRisk * (atRisk - d));
            }
            var se = Math.Sqrt(greenwood);
            var (lower, upper) = Interval(survival, se, z, intervalType);
            steps.Add(new KaplanMeierStep(t, atRisk, d, c, survival, se, lower, upper));
            events += d;
            atRisk -= d + c;
            i = j;
        }
        var times = steps.Select(s => s.Time).ToArray();
        return new KaplanMeierCurve(n, events, steps,
            MedianTime(steps.Select(s => s.Survival).ToArray(), times),
            MedianTime(steps.Select(s => s.Lower).ToArray(), times),
            MedianTime(steps.Select(s => s.Upper).ToArray(), times),
            intervalType, confidenceLevel);
    }

    /// <summary>The pointwise interval of S given the standard error of log S (R's <c>survfit_confint</c>).</summary>
    internal static (double Lower, double Upper) Interval(double s, double seLog, double z, ConfidenceIntervalType type)
    {
        switch (type)
        {
            case ConfidenceIntervalType.Plain:
            {
                var half = seLog * s * z;
                if (double.IsNaN(half)) return (double.NaN, double.NaN);
                return (Math.Max(s - half, 0), Math.Min(s + half, 1));
            }
            case ConfidenceIntervalType.Log:
            {
                if (s == 0) return (double.NaN, double.NaN);
                return (Math.Exp(Math.Log(s) - z * seLog), Math.Min(Math.Exp(Math.Log(s) + z * seLog), 1));
            }
            case ConfidenceIntervalType.LogLog:
            {
                if (s == 0 || s == 1) return (double.NaN, double.NaN);
                var half = z * seLog / Math.Log(s);
                var lower = Math.Exp(-Math.Exp(Math.Log(-Math.Log(s)) - half));
                var upper = Math.Exp(-Math.Exp(Math.Log(-Math.Log(s)) + half));
                return (lower, upper);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }
    }

    /// <summary>
    /// The first time a curve is at or below 0.5 (R's rule, its <c>minmin</c>): when the curve sits exactly at
    /// 0.5 over an interval, the midpoint of that interval's start and the time it next drops. NaN when the
    /// curve never reaches 0.5. Undefined (NaN) points of a limit curve are skipped, as R skips NA.
    /// </summary>
    internal static double MedianTime(IReadOnlyList<double> curve, IReadOnlyList<double> time)
    {
        var keptTimes = new List<double>();
        var keptValues = new List<double>();
        for (var i = 0; i < curve.Count; i++)
        {
            if (double.IsNaN(curve[i]) || !(curve[i] < 0.5 + MedianTolerance)) continue;
            keptTimes.Add(time[i]);
            keptValues.Add(curve[i]);
        }
        if (keptTimes.Count == 0) return double.NaN;
        if (Math.Abs(keptValues[0] - 0.5) < MedianTolerance)
        {
            for (var i = 1; i < keptValues.Count; i++)
                if (keptValues[i] < keptValues[0]) return (keptTimes[0] + keptTimes[i]) / 2;
        }
        return keptTimes[0];
    }
}
