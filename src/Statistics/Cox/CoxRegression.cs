using VoxDose.Statistics.Distributions;
using VoxDose.Statistics.LinearAlgebra;

namespace VoxDose.Statistics.Cox;

/// <summary>
/// Cox proportional hazards regression by Newton-Raphson on the partial likelihood, following the algorithm of
/// R's <c>coxph</c> (survival package, <c>coxfit6</c>) so that the same data give the same numbers: start at
/// zero, covariates centred and scaled, step-halving when the likelihood falls, convergence when the relative
/// change of the log-likelihood is at most 1e-9, at most 20 iterations; a coefficient whose next Newton step is
/// still large when the likelihood has converged is reported as infinite, a redundant one as collinear.
/// </summary>
public static class CoxRegression
{
    /// <summary>R's <c>coxph.control()</c> defaults.</summary>
    public const double LogLikelihoodTolerance = 1e-9;
    public const int MaxIterations = 20;
    private static readonly double CholeskyTolerance = Math.Pow(Math.Pow(2, -52), 0.75);
    private static readonly double InfiniteTolerance = Math.Sqrt(LogLikelihoodTolerance);

    /// <param name="covariates">One array per covariate, each with one value per observation.</param>
    public static CoxFit Fit(IReadOnlyList<double> time, IReadOnlyList<bool> status, IReadOnlyList<string> names,
        IReadOnlyList<IReadOnlyList<double>> covariates, CoxTies ties = CoxTies.Efron)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(covariates);
        if (time.Count != status.Count) throw new ArgumentException($"time has {time.Count} values but status has {status.Count}.");
        if (names.Count != covariates.Count || covariates.Count == 0)
            throw new ArgumentException($"{names.Count} names for {covariates.Count} covariates (need at least one).");
        var n = time.Count;
        var p = covariates.Count;
        for (var k = 0; k < p; k++)
        {
            if (covariates[k].Count != n) throw new ArgumentException($"Covariate '{names[k]}' has {covariates[k].Count} values for {n} observations.");
            for (var i = 0; i < n; i++)
                if (!double.IsFinite(covariates[k][i])) throw new ArgumentException($"Covariate '{names[k]}' value {i} is not a finite number.");
        }
        for (var i = 0; i < n; i++)
            if (!double.IsFinite(time[i]) || time[i] < 0) throw new ArgumentException($"time[{i}] = {time[i]} is not a finite non-negative number.");
        var events = status.Count(s => s);
        if (events == 0) throw new ArgumentException("No events: the Cox partial likelihood is undefined when every observation is censored.");

        // Sorted by decreasing time (the risk set accumulates as time goes back); centred and scaled covariates.
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (a, b) => time[b].CompareTo(time[a]));
        var x = new double[p][];
        var scale = new double[p];
        for (var k = 0; k < p; k++)
        {
            var mean = covariates[k].Sum() / n;
            var absSum = covariates[k].Sum(v => Math.Abs(v - mean));
            scale[k] = absSum > 0 ? n / absSum : 1;
            x[k] = new double[n];
            for (var r = 0; r < n; r++) x[k][r] = (covariates[k][order[r]] - mean) * scale[k];
        }
        var sortedTime = order.Select(i => time[i]).ToArray();
        var sortedStatus = order.Select(i => status[i]).ToArray();
        var model = new PartialLikelihood(sortedTime, sortedStatus, x, ties);

        var beta = new double[p];
        var loglik0 = model.Evaluate(beta, out var u, out var imat);
        var ldl = new LdlDecomposition(imat, CholeskyTolerance);
        var step = ldl.Solve(u);
        var score = 0.0;
        for (var k = 0; k < p; k++) score += u[k] * step[k];

        var best = loglik0;
        var newBeta = beta.Select((b, k) => b + step[k]).ToArray();
        var halving = 0;
        var converged = false;
        var iterations = 0;
        double[] finalU = u;
        double[,] finalI = imat;
        for (iterations = 1; iterations <= MaxIterations; iterations++)
        {
            var newLik = model.Evaluate(newBeta, out var newU, out var newI);
            ldl = new LdlDecomposition(newI, CholeskyTolerance);
            var finite = double.IsFinite(newLik) && newU.All(double.IsFinite) && newI.Cast<double>().All(double.IsFinite);
            if (finite && Math.Abs(1 - best / newLik) <= LogLikelihoodTolerance)
            {
                best = newLik;
                beta = newBeta;
                finalU = newU;
                finalI = newI;
                converged = true;
                break;
            }
            if (!finite || newLik < best)
            {
                halving++;
                for (var k = 0; k < p; k++) newBeta[k] = (newBeta[k] + halving * beta[k]) / (halving + 1.0);
            }
            else
            {
                halving = 0;
                best = newLik;
                var s = ldl.Solve(newU);
                beta = (double[])newBeta.Clone();
                for (var k = 0; k < p; k++) newBeta[k] += s[k];
            }
        }
        if (!converged)
        {
            iterations = MaxIterations;
            best = model.Evaluate(beta, out finalU, out finalI); // the last good estimate, as R returns
            ldl = new LdlDecomposition(finalI, CholeskyTolerance);
        }

        // Back to the original scale of the covariates.
        var inverse = ldl.Inverse();
        var coef = new double[p];
        var variance = new double[p, p];
        var uOriginal = new double[p];
        for (var a = 0; a < p; a++)
        {
            coef[a] = beta[a] * scale[a];
            uOriginal[a] = finalU[a] / scale[a];
            for (var b = 0; b < p; b++) variance[a, b] = inverse[a, b] * scale[a] * scale[b];
        }
        return Summarise(time, status, names, covariates, ties, events, coef, variance, uOriginal, ldl.Singular,
            loglik0, best, score, converged, iterations);
    }

    private static CoxFit Summarise(IReadOnlyList<double> time, IReadOnlyList<bool> status, IReadOnlyList<string> names,
        IReadOnlyList<IReadOnlyList<double>> covariates, CoxTies ties, int events, double[] coef, double[,] variance,
        double[] u, bool[] singular, double loglik0, double loglik, double score, bool converged, int iterations)
    {
        var p = coef.Length;
        var n = time.Count;
        var warnings = new List<string>();
        var statuses = new CoxTermStatus[p];
        for (var a = 0; a < p; a++)
        {
            if (singular[a]) { statuses[a] = CoxTermStatus.Collinear; continue; }
            if (!converged) { statuses[a] = CoxTermStatus.NotConverged; continue; }
            var next = 0.0; // |u' V|: the size of the Newton step still to take
            for (var b = 0; b < p; b++) next += u[b] * variance[b, a];
            next = Math.Abs(next);
            var infinite = !double.IsFinite(u[a]) || (next > LogLikelihoodTolerance && next > InfiniteTolerance * Math.Abs(coef[a]));
            statuses[a] = infinite ? CoxTermStatus.Infinite : CoxTermStatus.Estimated;
        }
        if (!converged)
            warnings.Add($"The Cox fit did not converge in {MaxIterations} Newton-Raphson iterations; no coefficient is an estimate.");
        foreach (var a in Enumerable.Range(0, p).Where(a => statuses[a] == CoxTermStatus.Infinite))
            warnings.Add($"'{names[a]}': the likelihood converged before the coefficient did; the estimate is infinite (the covariate separates events from non-events).");
        foreach (var a in Enumerable.Range(0, p).Where(a => statuses[a] == CoxTermStatus.Collinear))
            warnings.Add($"'{names[a]}' is collinear with the other covariates; it has no coefficient.");

        var z975 = Probability.NormalQuantile(0.975);
        var terms = new CoxTerm[p];
        for (var a = 0; a < p; a++)
        {
            if (statuses[a] == CoxTermStatus.Collinear)
            {
                terms[a] = new CoxTerm(names[a], double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, statuses[a]);
                continue;
            }
            var se = Math.Sqrt(variance[a, a]);
            var zValue = coef[a] / se;
            terms[a] = new CoxTerm(names[a], coef[a], se, Math.Exp(coef[a]), Math.Exp(coef[a] - z975 * se), Math.Exp(coef[a] + z975 * se),
                zValue, Probability.NormalTwoSided(zValue), statuses[a]);
        }

        var kept = Enumerable.Range(0, p).Where(a => !singular[a]).ToArray();
        var df = kept.Length;
        var vKept = new double[df, df];
        for (var a = 0; a < df; a++)
            for (var b = 0; b < df; b++) vKept[a, b] = variance[kept[a], kept[b]];
        var bKept = kept.Select(a => coef[a]).ToArray();
        var solved = new LdlDecomposition(vKept, CholeskyTolerance).Solve(bKept);
        var wald = 0.0;
        for (var a = 0; a < df; a++) wald += solved[a] * bKept[a];
        var lr = 2 * (loglik - loglik0);

        var riskScore = new double[n];
        for (var i = 0; i < n; i++)
            foreach (var a in kept) riskScore[i] += coef[a] * covariates[a][i];

        return new CoxFit(ties, n, events, terms, [loglik0, loglik],
            new CoxTest(lr, df, Probability.ChiSquareUpper(lr, df)),
            new CoxTest(wald, df, Probability.ChiSquareUpper(wald, df)),
            new CoxTest(score, df, Probability.ChiSquareUpper(score, df)),
            Concordance.Compute(time, status, riskScore), converged, iterations, warnings);
    }
}
