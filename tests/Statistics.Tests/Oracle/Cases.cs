namespace VoxDose.Statistics.Tests.Oracle;

/// <summary>A Kaplan-Meier curve to compare (R: survfit + summary()$table).</summary>
internal sealed record KmCase(string Key, string Table, string Time, string Status, string ConfType, string? WhereColumn = null,
    string? WhereValue = null)
{
    public override string ToString() => Key;
}

/// <summary>A log-rank test to compare (R: survdiff).</summary>
internal sealed record LogRankCase(string Key, string Table, string Time, string Status, string Group, string? Strata = null)
{
    public override string ToString() => Key;
}

/// <summary>A Cox model to compare (R: coxph).</summary>
internal sealed record CoxCase(string Key, string Table, string Time, string Status, string[] Covariates, string Ties)
{
    public override string ToString() => Key;
}

/// <summary>A Mann-Whitney test to compare (R: wilcox.test(value[group == X], value[group != X])).</summary>
internal sealed record MannWhitneyCase(string Key, string Table, string Value, string Group, string XLevel)
{
    public override string ToString() => Key;
}

/// <summary>A Spearman correlation to compare (R: cor.test(method = "spearman")).</summary>
internal sealed record SpearmanCase(string Key, string Table, string X, string Y)
{
    public override string ToString() => Key;
}

/// <summary>Every comparison with R: R's lung, ovarian, veteran and aml, and the seeded cohorts of <see cref="Cohorts"/>.</summary>
internal static class Cases
{
    public static readonly KmCase[] KaplanMeier =
    [
        new("km.lung.log", "lung", "time", "status", "log"),
        new("km.lung.loglog", "lung", "time", "status", "log-log"),
        new("km.lung.plain", "lung", "time", "status", "plain"),
        new("km.lung.sex1", "lung", "time", "status", "log", "sex", "1"),
        new("km.lung.sex2.loglog", "lung", "time", "status", "log-log", "sex", "2"),
        new("km.aml.log", "aml", "time", "status", "log"),
        new("km.aml.maintained.plain", "aml", "time", "status", "plain", "maintained", "1"),
        new("km.ovarian.loglog", "ovarian", "futime", "fustat", "log-log"),
        new("km.veteran.log", "veteran", "time", "status", "log"),
        new("km.ties.loglog", "ties", "time", "status", "log-log"),
        new("km.ties.plain", "ties", "time", "status", "plain"),
        new("km.heavy.log", "heavy", "time", "status", "log"),
        new("km.single.log", "single", "time", "status", "log"),
        new("km.censored.log", "censored", "time", "status", "log"),
        new("km.separated.loglog", "separated", "time", "status", "log-log"),
    ];

    public static readonly LogRankCase[] LogRank =
    [
        new("lr.lung.sex", "lung", "time", "status", "sex"),
        new("lr.aml.x", "aml", "time", "status", "x"),
        new("lr.veteran.celltype", "veteran", "time", "status", "celltype"),
        new("lr.veteran.trt.strata", "veteran", "time", "status", "trt", "celltype"),
        new("lr.ovarian.rx", "ovarian", "futime", "fustat", "rx"),
        new("lr.ties.grp", "ties", "time", "status", "grp"),
        new("lr.ties.grp.strata", "ties", "time", "status", "grp", "strat"),
        new("lr.heavy.grp", "heavy", "time", "status", "grp"),
        new("lr.single.grp", "single", "time", "status", "grp"),
        new("lr.censored.grp", "censored", "time", "status", "grp"),
    ];

    public static readonly CoxCase[] Cox =
    [
        new("cox.lung.efron", "lung", "time", "status", ["age", "sex", "ph.ecog"], "efron"),
        new("cox.lung.breslow", "lung", "time", "status", ["age", "sex", "ph.ecog"], "breslow"),
        new("cox.lung.age", "lung", "time", "status", ["age"], "efron"),
        new("cox.veteran.efron", "veteran", "time", "status", ["trt", "karno", "age", "diagtime", "prior"], "efron"),
        new("cox.veteran.breslow", "veteran", "time", "status", ["trt", "karno", "age", "diagtime", "prior"], "breslow"),
        new("cox.ovarian.efron", "ovarian", "futime", "fustat", ["age", "ecog.ps", "rx"], "efron"),
        new("cox.ovarian.breslow", "ovarian", "futime", "fustat", ["age", "ecog.ps", "rx"], "breslow"),
        new("cox.aml.efron", "aml", "time", "status", ["maintained"], "efron"),
        new("cox.aml.breslow", "aml", "time", "status", ["maintained"], "breslow"),
        new("cox.ties.efron", "ties", "time", "status", ["dose", "age"], "efron"),
        new("cox.ties.breslow", "ties", "time", "status", ["dose", "age"], "breslow"),
        new("cox.heavy.efron", "heavy", "time", "status", ["dose"], "efron"),
        new("cox.single.efron", "single", "time", "status", ["dose"], "efron"),
    ];

    /// <summary>Fits R warns about (separated covariate): compared on the warning, not on the numbers.</summary>
    public static readonly CoxCase[] CoxInfinite =
    [
        new("cox.separated.x", "separated", "time", "status", ["x"], "efron"),
        new("cox.separated.xdose", "separated", "time", "status", ["x", "dose"], "efron"),
        new("cox.separated.x.breslow", "separated", "time", "status", ["x"], "breslow"),
    ];

    public static readonly MannWhitneyCase[] MannWhitney =
    [
        new("mw.lung.age.sex", "lung", "age", "sex", "1"),
        new("mw.small25", "small25", "x", "g", "a"),
        new("mw.small7", "small7", "y", "g", "b"),
        new("mw.ties.dose", "ties", "dose", "grp", "high"),
        new("mw.heavy.dose", "heavy", "dose", "grp", "low"),
        new("mw.large", "large", "x", "g", "a"),
    ];

    public static readonly SpearmanCase[] Spearman =
    [
        new("sp.small7", "small7", "x", "y"),
        new("sp.small25", "small25", "x", "y"),
        new("sp.ties", "ties", "dose", "time"),
        new("sp.large", "large", "x", "y"),
        new("sp.lung", "lung", "age", "time"),
        new("sp.heavy", "heavy", "dose", "time"),
    ];
}
