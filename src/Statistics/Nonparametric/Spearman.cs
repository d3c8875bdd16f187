using VoxDose.Statistics.Distributions;

namespace VoxDose.Statistics.Nonparametric;

/// <summary>Spearman's rank correlation with its two-sided P value.</summary>
/// <param name="Rho">Pearson correlation of the mid-ranks.</param>
/// <param name="S">R's statistic S = (n^3 - n)(1 - rho) / 6.</param>
/// <param name="Exact">True when P comes from AS 89 (no ties); false for the t approximation.</param>
public sealed record SpearmanResult(double Rho, double S, double P, bool Exact, int N);

/// <summary>
/// Spearman's rho and its two-sided P as R's <c>cor.test(x, y, method = "spearman")</c>: without ties and
/// n &lt;= 1290, algorithm AS 89 (Best and Roberts 1975: exact enumeration for n &lt;= 9, an Edgeworth series
/// above); with ties (or larger n), the t approximation with n - 2 degrees of freedom.
/// </summary>
public static class Spearman
{
    /// <summary>R enumerates every permutation up to this n and uses the Edgeworth series above it.</summary>
    private const int ExactEnumerationMaxN = 9;
    private const int As89MaxN = 1290;

    public static SpearmanResult Test(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count) throw new ArgumentException($"Spearman needs pairs (got {x.Count} x and {y.Count} y).");
        if (x.Count < 3) throw new ArgumentException($"Spearman needs at least 3 pairs (got {x.Count}).");
        Ranks.RequireFinite(x, nameof(x));
        Ranks.RequireFinite(y, nameof(y));
        var n = x.Count;
        var rx = Ranks.Average(x);
        var ry = Ranks.Average(y);
        var rho = Pearson(rx, ry);
        if (double.IsNaN(rho))
            throw new ArgumentException("Spearman's rho is undefined when every x or every y is the same.");
        var nd = (double)n;
        var q = (nd * nd * nd - nd) * (1 - rho) / 6;
        var ties = x.Distinct().Count() < n || y.Distinct().Count() < n;
        var exact = !ties;
        var p = q > (nd * nd * nd - nd) / 6 ? Tail(q, n, lowerTail: false, exact) : Tail(q, n, lowerTail: true, exact);
        return new SpearmanResult(rho, q, Math.Min(2 * p, 1), exact && n <= As89MaxN, n);
    }

    private static double Tail(double q, int n, bool lowerTail, bool exact)
    {
        if (n <= As89MaxN && exact)
            return As89(n, Math.Round(q, MidpointRounding.ToEven) + (lowerTail ? 2 : 0), lowerTail);
        var den = n * ((double)n * n - 1) / 6;
        var r = 1 - q / den;
        var t = r / Math.Sqrt((1 - r * r) / (n - 2));
        // R: pt(t, n - 2, lower.tail = !lowerTail)
        return lowerTail ? Probability.StudentTUpper(t, n - 2) : Probability.StudentTLower(t, n - 2);
    }

    /// <summary>
    /// AS 89: P(S &gt;= s), or P(S &lt; s) for the lower tail, of S = sum (R_i - i)^2 over the permutations of n
    /// ranks. Exact by enumeration for n &lt;= 9; the Edgeworth series of the paper (with its published
    /// coefficients) above.
    /// </summary>
    internal static double As89(int n, double s, bool lowerTail)
    {
        if (n <= 1) return lowerTail ? 0 : 1;
        if (s <= 0) return lowerTail ? 0 : 1;
        var nd = (double)n;
        var max = nd * (nd * nd - 1) / 3;
        if (s > max) return lowerTail ? 1 : 0;
        if (n <= ExactEnumerationMaxN)
        {
            long atLeast = 0, total = 0;
            var perm = Enumerable.Range(1, n).ToArray();
            do
            {
                long sum = 0;
                for (var i = 0; i < n; i++) { var d = perm[i] - (i + 1); sum += d * d; }
                if (sum >= s) atLeast++;
                total++;
            } while (NextPermutation(perm));
            return (lowerTail ? total - atLeast : atLeast) / (double)total;
        }

        // Edgeworth series expansion (AS 89).
        const double c1 = 0.2274, c2 = 0.2531, c3 = 0.1745, c4 = 0.0758, c5 = 0.1033, c6 = 0.3932,
            c7 = 0.0879, c8 = 0.0151, c9 = 0.0072, c10 = 0.0831, c11 = 0.0131, c12 = 4.6e-4;
        var b = 1 / nd;
        var x = (6 * (s - 1) * b / (nd * nd - 1) - 1) * Math.Sqrt(nd - 1);
        var y = x * x;
        var u = x * b * (c1 + b * (c2 + c3 * b) + y * (-c4 + b * (c5 + c6 * b)
            - y * b * (c7 + c8 * b - y * (c9 - c10 * b + y * b * (c11 - c12 * y)))));
        var correction = u / Math.Exp(y / 2);
        var pv = (lowerTail ? -correction : correction) + (lowerTail ? Probability.NormalLower(x) : Probability.NormalUpper(x));
        return Math.Clamp(pv, 0, 1);
    }

    private static bool NextPermutation(int[] a)
    {
        var i = a.Length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) i--;
        if (i < 0) return false;
        var j = a.Length - 1;
        while (a[j] <= a[i]) j--;
        (a[i], a[j]) = (a[j], a[i]);
        Array.Reverse(a, i + 1, a.Length - i - 1);
        return true;
    }

    internal static double Pearson(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var n = a.Count;
        double ma = 0, mb = 0;
        for (var i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
        ma /= n; mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < n; i++)
        {
            var da = a[i] - ma; var db = b[i] - mb;
            sab += da * db; saa += da * da; sbb += db * db;
        }
        return sab / Math.Sqrt(saa * sbb);
    }
}
