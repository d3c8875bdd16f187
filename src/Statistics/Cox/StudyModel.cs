namespace VoxDose.Statistics.Cox;

/// <summary>The univariate fits of every candidate and the multivariate fit of those that qualified.</summary>
/// <param name="Multivariate">Null when fewer than one candidate qualified.</param>
public sealed record StudyModelResult(IReadOnlyList<CoxFit> Univariate, IReadOnlyList<string> Selected, CoxFit? Multivariate,
    double EntryP);

/// <summary>
/// The study's model-building rule: each candidate covariate is fitted alone; those with a Wald P below the entry
/// threshold (0.05) and a finite estimate enter one multivariate model.
/// </summary>
public static class StudyModel
{
    public const double DefaultEntryP = 0.05;

    public static StudyModelResult Fit(IReadOnlyList<double> time, IReadOnlyList<bool> status, IReadOnlyList<string> names,
        IReadOnlyList<IReadOnlyList<double>> covariates, CoxTies ties = CoxTies.Efron, double entryP = DefaultEntryP)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(covariates);
        var univariate = names.Select((name, k) => CoxRegression.Fit(time, status, [name], [covariates[k]], ties)).ToArray();
        var selected = Enumerable.Range(0, names.Count)
            .Where(k => univariate[k].AllEstimated && univariate[k].Terms[0].P < entryP).ToArray();
        var multivariate = selected.Length == 0 ? null
            : CoxRegression.Fit(time, status, selected.Select(k => names[k]).ToArray(), selected.Select(k => covariates[k]).ToArray(), ties);
        return new StudyModelResult(univariate, selected.Select(k => names[k]).ToArray(), multivariate, entryP);
    }
}
