namespace VoxDose.Statistics.Nonparametric;

/// <summary>Mid-ranks (R's <c>rank(x)</c>, ties averaged) and the sizes of the tie groups.</summary>
public static class Ranks
{
    /// <summary>1-based ranks with ties given their average rank.</summary>
    public static double[] Average(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Count;
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
        var ranks = new double[n];
        for (var i = 0; i < n;)
        {
            var j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) j++;
            var rank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++) ranks[order[k]] = rank;
            i = j + 1;
        }
        return ranks;
    }

    /// <summary>The size of every group of equal values (1 for an untied value).</summary>
    public static int[] TieGroupSizes(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.GroupBy(v => v).Select(g => g.Count()).ToArray();
    }

    internal static void RequireFinite(IReadOnlyList<double> values, string name)
    {
        for (var i = 0; i < values.Count; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"{name}[{i}] is not a finite number ({values[i]}).", name);
    }
}
