using VoxDose.Statistics.Cox;
using VoxDose.Statistics.Nonparametric;
using VoxDose.Statistics.Survival;

namespace VoxDose.Reporting.Cohort;

/// <summary>One row of the study's Table 2: a variable's univariate and (when it entered) multivariate hazard ratio.</summary>
public sealed record Table2Row(string Variable, CoxTerm? Univariate, CoxTerm? Multivariate);

/// <summary>A Kaplan-Meier curve of one group.</summary>
public sealed record CohortCurve(string Name, KaplanMeierCurve Curve);

/// <summary>A variable compared between local-control success and failure.</summary>
public sealed record CohortBox(string Variable, double[] Success, double[] Failure, MannWhitneyResult? Test);

/// <summary>The study's cohort report: Table 2, Kaplan-Meier by the TDv cut-off, box plots by local control, TDv vs PFS.</summary>
public sealed record CohortReport(
    string Source, string SoftwareVersion, DateTimeOffset CreatedAt, int Lesions, int Events, string TimeLabel, string EventLabel,
    IReadOnlyList<Table2Row> Table2, double EntryP, string KmTitle, IReadOnlyList<CohortCurve> Curves, LogRankResult? LogRank,
    IReadOnlyList<CohortBox> Boxes, string ScatterX, double[] ScatterXValues, double[] ScatterYValues, bool[] ScatterEvents,
    SpearmanResult? Spearman, IReadOnlyList<string> Notes);
