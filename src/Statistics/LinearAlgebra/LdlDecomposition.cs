namespace VoxDose.Statistics.LinearAlgebra;

/// <summary>
/// The LDL' decomposition of a symmetric non-negative definite matrix with the singularity rule R's survival
/// package uses (its <c>cholesky2</c>): a pivot below <c>tolerance</c> x the largest diagonal element marks its
/// column as redundant; solves and the inverse then treat that column as absent (zero), which is how a collinear
/// covariate becomes a coefficient R reports as NA.
/// </summary>
internal sealed class LdlDecomposition
{
    private readonly double[,] _m; // lower triangle: L below the diagonal, D on it
    private readonly int _n;

    public LdlDecomposition(double[,] symmetric, double tolerance)
    {
        _n = symmetric.GetLength(0);
        _m = (double[,])symmetric.Clone();
        var eps = 0.0;
        for (var i = 0; i < _n; i++) if (_m[i, i] > eps) eps = _m[i, i];
        eps *= tolerance;
        Singular = new bool[_n];
        for (var i = 0; i < _n; i++)
        {
            var pivot = _m[i, i];
            if (!double.IsFinite(pivot) || pivot < eps)
            {
                _m[i, i] = 0;
                Singular[i] = true;
                continue;
            }
            for (var j = i + 1; j < _n; j++)
            {
                var temp = _m[j, i] / pivot;
                _m[j, i] = temp;
                _m[j, j] -= temp * temp * pivot;
                for (var k = j + 1; k < _n; k++) _m[k, j] -= temp * _m[k, i];
            }
        }
    }

    /// <summary>Columns found redundant (pivot under the tolerance).</summary>
    public bool[] Singular { get; }

    public int Rank => Singular.Count(s => !s);

    /// <summary>Solves A x = b, with x = 0 for redundant columns.</summary>
    public double[] Solve(IReadOnlyList<double> b)
    {
        var y = b.ToArray();
        for (var i = 0; i < _n; i++)
            for (var j = 0; j < i; j++) y[i] -= y[j] * _m[i, j];
        for (var i = _n - 1; i >= 0; i--)
        {
            if (_m[i, i] == 0) { y[i] = 0; continue; }
            y[i] /= _m[i, i];
            for (var j = i + 1; j < _n; j++) y[i] -= y[j] * _m[j, i];
        }
        return y;
    }

    /// <summary>The (generalised) inverse: rows and columns of redundant columns are zero.</summary>
    public double[,] Inverse()
    {
        var inv = new double[_n, _n];
        for (var c = 0; c < _n; c++)
        {
            var e = new double[_n];
            e[c] = 1;
            var x = Solve(e);
            for (var r = 0; r < _n; r++) inv[r, c] = Singular[r] || Singular[c] ? 0 : x[r];
        }
        return inv;
    }
}
