namespace VoxDose.Statistics.Survival;

/// <summary>Observed and expected events of one group in a log-rank test.</summary>
public sealed record LogRankGroup(string Name, int N, double Observed, double Expected);

/// <summary>
/// The log-rank test (R's <c>survdiff</c> with rho = 0). <paramref name="DegreesOfFreedom"/> is the number of
/// groups with expected events minus one; with fewer than two such groups there is no test and
/// <paramref name="P"/> is NaN.
/// </summary>
public sealed record LogRankResult(IReadOnlyList<LogRankGroup> Groups, double ChiSquare, int DegreesOfFreedom, double P,
    bool Stratified);
