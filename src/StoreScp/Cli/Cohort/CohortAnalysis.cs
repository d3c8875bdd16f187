using VoxDose.Statistics.Cox;
using VoxDose.Statistics.Nonparametric;
using VoxDose.Statistics.Survival;

namespace VoxDose.StoreScp.Cli.Cohort;

/// <summary>What to analyse in a cohort table.</summary>
/// <param name="Cutoff">Null: the cohort median of the group column (when it is numeric).</param>
internal sealed record CohortAnalysisOptions(string TimeColumn, string EventColumn, string? GroupColumn, double? Cutoff,
    IReadOnlyList<string> Covariates, CoxTies Ties);

/// <summary>How the rows were split into Kaplan-Meier groups.</summary>
/// <param name="Rule">"none", "cutoff", "median" or "categories".</param>
internal sealed record CohortGrouping(string? Column, string Rule, double? Cutoff);

/// <summary>One Kaplan-Meier group.</summary>
internal sealed record CohortGroupCurve(string Name, KaplanMeierCurve Curve);

/// <summary>Every result of <c>voxdose cohort analyze</c>; parts that could not be computed are null and explained in Notes.</summary>
internal sealed record CohortAnalysis(
    string Source, CohortAnalysisOptions Options, int RowsRead, IReadOnlyList<int> ExcludedLines, CohortGrouping Grouping,
    IReadOnlyList<CohortGroupCurve> Groups, LogRankResult? LogRank, CoxFit? Cox, IReadOnlyList<CoxFit> Univariate,
    StudyModelResult? Study, MannWhitneyResult? MannWhitney, SpearmanResult? Spearman, IReadOnlyList<string> Notes)
{
    /// <summary>The rows used (after excluding those with a missing value), for the plots.</summary>
    public required CohortRows Rows { get; init; }
}

/// <summary>The used rows' values, column by column.</summary>
internal sealed record CohortRows(double[] Time, bool[] Event, string[] Group, double[]? GroupValue,
    IReadOnlyDictionary<string, double[]> Covariates);
