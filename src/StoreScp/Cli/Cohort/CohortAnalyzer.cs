using System.Globalization;
using VoxDose.Statistics;
using VoxDose.Statistics.Cox;
using VoxDose.Statistics.Nonparametric;
using VoxDose.Statistics.Survival;

namespace VoxDose.StoreScp.Cli.Cohort;

/// <summary>
/// Runs the study's statistics on a cohort table: Kaplan-Meier per group (the group column dichotomised at a
/// cut-off or the median, or its categories), log-rank between the groups, Cox regression on the covariates
/// (all together, each alone, and the study's P &lt; 0.05 rule), Mann-Whitney of the group column between rows
/// with and without the event, Spearman of the group column with time. A part that is undefined on the data
/// (no events, a constant column) is left out with a note, never given a number.
/// </summary>
internal static class CohortAnalyzer
{
    public static CohortAnalysis Analyze(CohortTable table, CohortAnalysisOptions options)
    {
        var timeCol = table.IndexOf(options.TimeColumn);
        var eventCol = table.IndexOf(options.EventColumn);
        var groupCol = options.GroupColumn is null ? -1 : table.IndexOf(options.GroupColumn);
        var covCols = options.Covariates.Select(table.IndexOf).ToArray();
        var used = new[] { timeCol, eventCol }.Concat(covCols).Concat(groupCol >= 0 ? [groupCol] : []).ToArray();

        var keep = new List<int>();
        var excluded = new List<int>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            if (used.Any(c => CohortTable.IsMissing(table.Rows[r].Cells[c]))) excluded.Add(table.Rows[r].Line);
            else keep.Add(r);
        }
        if (keep.Count == 0) throw new CohortDataException($"{table.Source}: every row misses a value in the columns used.");

        var time = keep.Select(r => table.Number(r, timeCol)).ToArray();
        for (var i = 0; i < time.Length; i++)
            if (time[i] < 0) throw new CohortDataException($"{table.Source}: line {table.Rows[keep[i]].Line}, column '{options.TimeColumn}': negative time {time[i].ToString(CultureInfo.InvariantCulture)}.");
        var events = keep.Select(r => table.Event(r, eventCol)).ToArray();
        var covariates = options.Covariates.Select((name, k) => (name, values: keep.Select(r => table.Number(r, covCols[k])).ToArray()))
            .ToDictionary(p => p.name, p => p.values, StringComparer.Ordinal);

        var notes = new List<string>();
        var (grouping, groupNames, groupValues) = Group(table, keep, groupCol, options);
        var curves = groupNames.Distinct().OrderBy(g => g, StringComparer.Ordinal).Select(name =>
        {
            var idx = Enumerable.Range(0, time.Length).Where(i => groupNames[i] == name).ToArray();
            return new CohortGroupCurve(name, KaplanMeier.Fit(idx.Select(i => time[i]).ToArray(), idx.Select(i => events[i]).ToArray()));
        }).ToArray();

        LogRankResult? logRank = null;
        if (curves.Length >= 2)
        {
            logRank = LogRank.Test(time, events, groupNames);
            if (double.IsNaN(logRank.P)) notes.Add("log-rank: fewer than two groups have events; no test.");
        }

        CoxFit? cox = null;
        IReadOnlyList<CoxFit> univariate = [];
        StudyModelResult? study = null;
        if (options.Covariates.Count > 0)
        {
            if (!events.Any(e => e)) notes.Add("cox: no events; the Cox model is undefined.");
            else
            {
                var names = options.Covariates.ToArray();
                var columns = names.Select(n => (IReadOnlyList<double>)covariates[n]).ToArray();
                cox = CoxRegression.Fit(time, events, names, columns, options.Ties);
                study = StudyModel.Fit(time, events, names, columns, options.Ties);
                univariate = study.Univariate;
                notes.AddRange(cox.Warnings.Select(w => "cox: " + w));
                foreach (var u in univariate) notes.AddRange(u.Warnings.Select(w => "cox (univariate): " + w));
            }
        }

        MannWhitneyResult? mannWhitney = null;
        SpearmanResult? spearman = null;
        if (groupValues is not null)
        {
            var withEvent = groupValues.Where((_, i) => events[i]).ToArray();
            var without = groupValues.Where((_, i) => !events[i]).ToArray();
            mannWhitney = Try(() => MannWhitney.Test(without, withEvent), "mann-whitney", notes);
            spearman = Try(() => Spearman.Test(groupValues, time), "spearman", notes);
        }

        return new CohortAnalysis(table.Source, options, table.Rows.Count, excluded, grouping, curves, logRank, cox, univariate, study,
            mannWhitney, spearman, notes)
        {
            Rows = new CohortRows(time, events, groupNames, groupValues, covariates),
        };
    }

    private static T? Try<T>(Func<T> compute, string what, List<string> notes) where T : class
    {
        try { return compute(); }
        catch (ArgumentException e)
        {
            notes.Add($"{what}: {e.Message}");
            return null;
        }
    }

    /// <summary>Group names per used row; the numeric group values when the group column is numeric.</summary>
    private static (CohortGrouping, string[], double[]?) Group(CohortTable table, List<int> keep, int groupCol, CohortAnalysisOptions options)
    {
        if (groupCol < 0) return (new CohortGrouping(null, "none", null), keep.Select(_ => "all").ToArray(), null);
        var column = table.Columns[groupCol];
        var cells = keep.Select(r => table.Rows[r].Cells[groupCol]).ToArray();
        var numeric = cells.All(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v));
        if (!numeric)
        {
            if (options.Cutoff is not null)
            {
                var bad = keep.First(r => !double.TryParse(table.Rows[r].Cells[groupCol], NumberStyles.Float, CultureInfo.InvariantCulture, out _));
                table.Number(bad, groupCol); // throws with line and column
            }
            return (new CohortGrouping(column, "categories", null), cells, null);
        }
        var values = keep.Select(r => table.Number(r, groupCol)).ToArray();
        var cutoff = options.Cutoff ?? Dichotomy.Median(values);
        var high = Dichotomy.AtCutoff(values, cutoff);
        var c = cutoff.ToString("0.###", CultureInfo.InvariantCulture);
        var names = high.Select(h => h ? $"{column} >= {c}" : $"{column} < {c}").ToArray();
        return (new CohortGrouping(column, options.Cutoff is null ? "median" : "cutoff", cutoff), names, values);
    }
}
