namespace VoxDose.Statistics.Cox;

/// <summary>
/// The Cox partial log-likelihood, its score vector and information matrix at a coefficient vector, over
/// observations sorted by decreasing time (Breslow or Efron handling of tied event times).
/// </summary>
internal sealed class PartialLikelihood(double[] timeDescending, bool[] status, double[][] x, CoxTies ties)
{
    private readonly int _p = x.Length;
    private readonly int _n = timeDescending.Length;

    public double Evaluate(double[] beta, out double[] u, out double[,] imat)
    {
        var p = _p;
        u = new double[p];
        imat = new double[p, p];
        var a = new double[p];        // sum of risk * x over the risk set (events at this time excluded until added)
        var cmat = new double[p, p];  // sum of risk * x x'
        var a2 = new double[p];       // the same sums over this time's events
        var cmat2 = new double[p, p];
        double denom = 0, loglik = 0;
        for (var person = 0; person < _n;)
        {
            var t = timeDescending[person];
            var deaths = 0;
            double deathRisk = 0;
            Array.Clear(a2);
            Array.Clear(cmat2);
            for (; person < _n && timeDescending[person] == t; person++)
            {
                var eta = 0.0;
                for (var k = 0; k < p; k++) eta += beta[k] * x[k][person];
                var risk = Math.Exp(eta);
                if (!status[person])
                {
                    denom += risk;
                    for (var i = 0; i < p; i++)
                    {
                        var xi = x[i][person];
                        a[i] += risk * xi;
                        for (var j = 0; j <= i; j++) cmat[i, j] += risk * xi * x[j][person];
                    }
                }
                else
                {
                    deaths++;
                    deathRisk += risk;
                    loglik += eta;
                    for (var i = 0; i < p; i++)
                    {
                        var xi = x[i][person];
                        u[i] += xi;
                        a2[i] += risk * xi;
                        for (var j = 0; j <= i; j++) cmat2[i, j] += risk * xi * x[j][person];
                    }
                }
            }
            if (deaths == 0) continue;
            if (ties == CoxTies.Breslow || deaths == 1)
            {
                denom += deathRisk;
                loglik -= deaths * Math.Log(denom);
                for (var i = 0; i < p; i++)
                {
                    a[i] += a2[i];
                    var mean = a[i] / denom;
                    u[i] -= deaths * mean;
                    for (var j = 0; j <= i; j++)
                    {
                        cmat[i, j] += cmat2[i, j];
                        imat[j, i] += deaths * (cmat[i, j] - mean * a[j]) / denom;
                    }
                }
            }
            else
            {
                // Efron: the tied events leave the risk set in d equal parts.
                for (var k = 0; k < deaths; k++)
                {
                    denom += deathRisk / deaths;
                    loglik -= Math.Log(denom);
                    for (var i = 0; i < p; i++)
                    {
                        a[i] += a2[i] / deaths;
                        var mean = a[i] / denom;
                        u[i] -= mean;
                        for (var j = 0; j <= i; j++)
                        {
                            cmat[i, j] += cmat2[i, j] / deaths;
                            imat[j, i] += (cmat[i, j] - mean * a[j]) / denom;
                        }
                    }
                }
            }
        }
        for (var i = 0; i < p; i++)
            for (var j = 0; j < i; j++) imat[i, j] = imat[j, i];
        return loglik;
    }
}
