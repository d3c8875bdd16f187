using VoxDose.Statistics.Distributions;

namespace VoxDose.Statistics.Nonparametric;

/// <summary>The result of a two-sided Mann-Whitney U (Wilcoxon rank-sum) test.</summary>
/// <param name="U">R's W: the rank sum of the first sample minus n1 (n1 + 1) / 2.</param>
/// <param name="P">Two-sided P value.</param>
/// <param name="Exact">True when P comes from the exact null distribution (no ties, both samples under 50).</param>
public sealed record MannWhitneyResult(double U, double P, bool Exact, int N1, int N2);

/// <summary>
/// The two-sided Mann-Whitney U test as R's <c>wilcox.test(x, y)</c> computes it with its defaults: the exact
/// distribution when both samples have fewer than 50 values and there are no ties; otherwise the normal
/// approximation with the tie correction of the variance and a continuity correction of 0.5.
/// </summary>
public static class MannWhitney
{
    /// <summary>R's default bound: the exact distribution is used for samples smaller than this.</summary>
    public const int ExactBelow = 50;

    public static MannWhitneyResult Test(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0 || y.Count == 0)
            throw new ArgumentException($"Mann-Whitney needs values in both groups (got {x.Count} and {y.Count}).");
        Ranks.RequireFinite(x, nameof(x));
        Ranks.RequireFinite(y, nameof(y));
        int m = x.Count, n = y.Count;
        var all = x.Concat(y).ToArray();
        var ranks = Ranks.Average(all);
        var rankSumX = 0.0;
        for (var i = 0; i < m; i++) rankSumX += ranks[i];
        var u = rankSumX - m * (m + 1) / 2.0;
        var tieSizes = Ranks.TieGroupSizes(all);
        var ties = tieSizes.Any(t => t > 1);

        if (m < ExactBelow && n < ExactBelow && !ties)
        {
            var p = u > m * n / 2.0
                ? 1 - WilcoxonLowerTail(u - 1, m, n)
                : WilcoxonLowerTail(u, m, n);
            return new MannWhitneyResult(u, Math.Min(2 * p, 1), true, m, n);
        }

        var z = u - m * n / 2.0;
        var tieTerm = tieSizes.Sum(t => (double)t * t * t - t);
        var sigma = Math.Sqrt(m * (double)n / 12 * (m + n + 1 - tieTerm / ((m + n) * (double)(m + n - 1))));
        if (!(sigma > 0))
            throw new ArgumentException("Mann-Whitney is undefined when every value is the same.");
        z = (z - Math.Sign(z) * 0.5) / sigma;
        var pNormal = 2 * Math.Min(Probability.NormalLower(z), Probability.NormalUpper(z));
        return new MannWhitneyResult(u, pNormal, false, m, n);
    }

    /// <summary>
    /// P(U &lt;= q) under the null for samples of m and n distinct values (R's <c>pwilcox</c>), from the count
    /// of m-subsets of the ranks 1..m+n by their sum.
    /// </summary>
    internal static double WilcoxonLowerTail(double q, int m, int n)
    {
        var qi = (int)Math.Floor(q + 1e-7);
        if (qi < 0) return 0;
        if (qi >= m * n) return 1;
        var maxU = m * n;
        // counts[j, s]: number of j-subsets of the ranks seen so far whose (rank sum - j(j+1)/2) equals s.
        var counts = new double[m + 1, maxU + 1];
        counts[0, 0] = 1;
        for (var rank = 1; rank <= m + n; rank++)
        {
            for (var j = Math.Min(rank, m); j >= 1; j--)
            {
                var shift = rank - j; // adding rank as the j-th smallest element raises U by rank - j
                if (shift > n) continue;
                for (var s = maxU; s >= shift; s--) counts[j, s] += counts[j - 1, s - shift];
            }
        }
        double below = 0, total = 0;
        for (var s = 0; s <= maxU; s++)
        {
            total += counts[m, s];
            if (s <= qi) below += counts[m, s];
        }
        return below / total;
    }
}
