namespace VoxDose.Statistics.Cox;

/// <summary>
/// Harrell's concordance of a risk score with survival as R's <c>coxph</c> reports it (<c>concordancefit</c>
/// with <c>reverse = TRUE</c>): over pairs where the shorter time is an event (a censoring at the same time
/// counts as later), the share where the higher risk score has the shorter time, ties in the score counting
/// one half; pairs tied in time with both events are left out.
/// </summary>
public static class Concordance
{
    public static double Compute(IReadOnlyList<double> time, IReadOnlyList<bool> status, IReadOnlyList<double> riskScore)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(riskScore);
        var n = time.Count;
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (a, b) => time[a].CompareTo(time[b]));
        double concordant = 0, discordant = 0, tiedScore = 0;
        var groupStart = 0;
        for (var p = 0; p < n; p++)
        {
            var i = order[p];
            if (time[order[groupStart]] != time[i]) groupStart = p;
            if (!status[i]) continue;
            for (var q = groupStart; q < n; q++)
            {
                var j = order[q];
                if (j == i) continue;
                if (time[j] == time[i] && status[j]) continue; // tied in time, both events
                if (riskScore[i] > riskScore[j]) concordant++;
                else if (riskScore[i] < riskScore[j]) discordant++;
                else tiedScore++;
            }
        }
        var comparable = concordant + discordant + tiedScore;
        return comparable == 0 ? double.NaN : (concordant + tiedScore / 2) / comparable;
    }
}
