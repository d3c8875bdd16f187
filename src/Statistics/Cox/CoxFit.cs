namespace VoxDose.Statistics.Cox;

/// <summary>How tied event times enter the partial likelihood.</summary>
public enum CoxTies
{
    /// <summary>Efron's approximation (R's default).</summary>
    Efron,
    /// <summary>Breslow's approximation.</summary>
    Breslow,
}

/// <summary>What can be said of one coefficient.</summary>
public enum CoxTermStatus
{
    /// <summary>A finite maximum-likelihood estimate.</summary>
    Estimated,
    /// <summary>
    /// The likelihood converged while this coefficient was still moving (R: "Loglik converged before variable
    /// ...; coefficient may be infinite"): typically a covariate that separates events from non-events. The
    /// numbers are not estimates.
    /// </summary>
    Infinite,
    /// <summary>Redundant given the other covariates (R reports NA).</summary>
    Collinear,
    /// <summary>The Newton-Raphson iteration ran out of iterations; the numbers are not estimates.</summary>
    NotConverged,
}

/// <summary>One covariate of a Cox model.</summary>
public sealed record CoxTerm(string Name, double Coef, double StdErr, double HazardRatio, double Lower95, double Upper95,
    double Z, double P, CoxTermStatus Status)
{
    public bool IsEstimated => Status == CoxTermStatus.Estimated;
}

/// <summary>A chi-square test of the whole model.</summary>
public sealed record CoxTest(double ChiSquare, int DegreesOfFreedom, double P);

/// <summary>
/// A fitted Cox proportional hazards model with what R's <c>summary(coxph(...))</c> prints.
/// <paramref name="LogLikelihood"/> holds the partial log-likelihood at zero and at the estimate (R's
/// <c>loglik</c>). <paramref name="Warnings"/> says in words why any term is not <see cref="CoxTermStatus.Estimated"/>.
/// </summary>
public sealed record CoxFit(CoxTies Ties, int N, int Events, IReadOnlyList<CoxTerm> Terms, IReadOnlyList<double> LogLikelihood,
    CoxTest LikelihoodRatio, CoxTest Wald, CoxTest Score, double Concordance, bool Converged, int Iterations,
    IReadOnlyList<string> Warnings)
{
    /// <summary>True when every term has a finite estimate (no warning).</summary>
    public bool AllEstimated => Converged && Terms.All(t => t.IsEstimated);
}
