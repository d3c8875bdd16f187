using VoxDose.Statistics.Distributions;
using VoxDose.Statistics.LinearAlgebra;

namespace VoxDose.Statistics.Survival;

/// <summary>
/// The log-rank test of equal survival across groups, optionally stratified (observed, expected and the
/// hypergeometric variance summed over strata), as R's <c>survdiff(Surv(time, status) ~ group [+ strata(s)])</c>.
/// Groups are ordered by name (ordinal), as R orders factor levels of a character vector in the C locale.
/// </summary>
public static class LogRank
{
    public static LogRankResult Test(IReadOnlyList<double> time, IReadOnlyList<bool> status, IReadOnlyList<string> group,
        IReadOnlyList<string>? strata = null)
    {
        SurvivalInput.Check(time, status);
        ArgumentNullException.ThrowIfNull(group);
        if (group.Count != time.Count) throw new ArgumentException($"group has {group.Count} values for {time.Count} observations.");
        if (strata is not null && strata.Count != time.Count)
            throw new ArgumentException($"strata has {strata.Count} values for {time.Count} observations.");

        var names = group.Distinct().OrderBy(g => g, StringComparer.Ordinal).ToArray();
        var k = names.Length;
        var index = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var g = group.Select(x => index[x]).ToArray();
        var observed = new double[k];
        var expected = new double[k];
        var variance = new double[k, k];

        var strataKeys = strata is null ? [""] : strata.Distinct().ToArray();
        foreach (var key in strataKeys)
        {
            var members = Enumerable.Range(0, time.Count).Where(i => strata is null || strata[i] == key).ToArray();
            Accumulate(members, time, status, g, observed, expected, variance);
        }

        var groups = names.Select((name, i) => new LogRankGroup(name, g.Count(x => x == i), observed[i], expected[i])).ToArray();
        var used = Enumerable.Range(0, k).Where(i => expected[i] > 0).ToArray();
        var df = used.Length - 1;
        if (used.Length < 2) return new LogRankResult(groups, 0, Math.Max(df, 0), double.NaN, strata is not null);

        // Drop the first group: (O - E) and V restricted to the others have full rank.
        var rest = used.Skip(1).ToArray();
        var diff = rest.Select(i => observed[i] - expected[i]).ToArray();
        var v = new double[rest.Length, rest.Length];
        for (var a = 0; a < rest.Length; a++)
            for (var b = 0; b < rest.Length; b++) v[a, b] = variance[rest[a], rest[b]];
        var solved = new LdlDecomposition(v, 1e-12).Solve(diff);
        var chi = 0.0;
        for (var a = 0; a < rest.Length; a++) chi += solved[a] * diff[a];
        return new LogRankResult(groups, chi, df, Probability.ChiSquareUpper(chi, df), strata is not null);
    }

    private static void Accumulate(int[] members, IReadOnlyList<double> time, IReadOnlyList<bool> status, int[] g,
        double[] observed, double[] expected, double[,] variance)
    {
        var k = observed.Length;
        var order = members.OrderBy(i => time[i]).ToArray();
        var atRiskByGroup = new double[k];
        foreach (var i in order) atRiskByGroup[g[i]]++;
        double atRisk = order.Length;
        var deathsByGroup = new double[k];
        for (var p = 0; p < order.Length;)
        {
            var t = time[order[p]];
            var q = p;
            Array.Clear(deathsByGroup);
            double deaths = 0;
            for (; q < order.Length && time[order[q]] == t; q++)
                if (status[order[q]]) { deathsByGroup[g[order[q]]]++; deaths++; }
            if (deaths > 0)
            {
                for (var a = 0; a < k; a++)
                {
                    observed[a] += deathsByGroup[a];
                    expected[a] += deaths * atRiskByGroup[a] / atRisk;
                }
                if (atRisk > 1)
                {
                    var factor = deaths * (atRisk - deaths) / (atRisk * atRisk * (atRisk - 1));
                    for (var a = 0; a < k; a++)
                    {
                        variance[a, a] += factor * atRiskByGroup[a] * (atRisk - atRiskByGroup[a]);
                        for (var b = 0; b < k; b++)
                            if (b != a) variance[a, b] -= factor * atRiskByGroup[a] * atRiskByGroup[b];
                    }
                }
            }
            for (var r = p; r < q; r++) atRiskByGroup[g[order[r]]]--;
            atRisk -= q - p;
            p = q;
        }
    }
}
