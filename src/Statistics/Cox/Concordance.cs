namespace VoxDose.Statistics.Cox;

/// <summary>
/// Harrell's concordance of a risk score with survival as R's <c>coxph</c> reports it (<c>concordancefit</c>
/// with <c>reverse = TRUE</c>): over pairs where the shorter time is an event (a censoring at the same time
/// counts as later), the share where the higher risk score has the shorter time, ties in the score counting
/// one half; pairs tied in time with both events are left out. O(n log n): a Fenwick tree over the score ranks
/// of those still at risk, filled from the longest time back.
/// </summary>
public static class Concordance
{
    public static double Compute(IReadOnlyList<double> time, IReadOnlyList<bool> status, IReadOnlyList<double> riskScore)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(riskScore);
        var n = time.Count;
        // Dense ranks of the scores (equal scores share a rank).
        var byScore = Enumerable.Range(0, n).ToArray();
        Array.Sort(byScore, (a, b) => riskScore[a].CompareTo(riskScore[b]));
        var rank = new int[n];
        var ranks = 0;
        for (var k = 0; k < n; k++)
        {
            if (k == 0 || riskScore[byScore[k]] != riskScore[byScore[k - 1]]) ranks++;
            rank[byScore[k]] = ranks; // 1-based
        }
        var byTime = Enumerable.Range(0, n).ToArray();
        Array.Sort(byTime, (a, b) => time[b].CompareTo(time[a])); // longest first
        var tree = new long[ranks + 1];
        long inTree = 0;
        double concordant = 0, discordant = 0, tiedScore = 0;
        for (var p = 0; p < n;)
        {
            var t = time[byTime[p]];
            var q = p;
            while (q < n && time[byTime[q]] == t) q++;
            // Censored at t are at risk for the events at t; events at t are not compared with each other.
            for (var k = p; k < q; k++)
                if (!status[byTime[k]]) { Add(tree, rank[byTime[k]]); inTree++; }
            for (var k = p; k < q; k++)
            {
                var i = byTime[k];
                if (!status[i]) continue;
                var below = Prefix(tree, rank[i] - 1);
                var atOrBelow = Prefix(tree, rank[i]);
                concordant += below;                 // i has the higher score and the shorter time
                tiedScore += atOrBelow - below;
                discordant += inTree - atOrBelow;
            }
            for (var k = p; k < q; k++)
                if (status[byTime[k]]) { Add(tree, rank[byTime[k]]); inTree++; }
            p = q;
        }
        var comparable = concordant + discordant + tiedScore;
        return comparable == 0 ? double.NaN : (concordant + tiedScore / 2) / comparable;
    }

    private static void Add(long[] tree, int index)
    {
        for (; index < tree.Length; index += index & -index) tree[index]++;
    }

    private static long Prefix(long[] tree, int index)
    {
        long sum = 0;
        for (; index > 0; index -= index & -index) sum += tree[index];
        return sum;
    }
}
