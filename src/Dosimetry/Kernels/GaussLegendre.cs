namespace VoxDose.Dosimetry.Kernels;

/// <summary>Gauss-Legendre quadrature nodes and weights (Newton iteration on Legendre polynomials).</summary>
internal static class GaussLegendre
{
    /// <summary>n nodes on [a, b]; the weights sum to b - a.</summary>
    public static (double[] Nodes, double[] Weights) Nodes(int n, double a, double b)
    {
        var nodes = new double[n];
        var weights = new double[n];
        for (var i = 0; i < n; i++)
        {
            var x = Math.Cos(Math.PI * (i + 0.75) / (n + 0.5));
            double dp = 0;
            for (var iteration = 0; iteration < 100; iteration++)
            {
                double p0 = 1, p1 = x;
                for (var k = 2; k <= n; k++)
                {
                    var p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                if (n == 1) { p1 = x; p0 = 1; }
                dp = n * (x * p1 - p0) / (x * x - 1);
                var dx = p1 / dp;
                x -= dx;
                if (Math.Abs(dx) < 1e-15) break;
            }
            nodes[i] = a + (b - a) * (1 - x) / 2;
            weights[i] = (b - a) / ((1 - x * x) * dp * dp);
        }
        return (nodes, weights);
    }
}
