using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Accuracy;

/// <summary>
/// The reconstruction's noise correlation as a discrete, normalised (sum 1) separable Gaussian on the PET grid: the
/// noise of a voxel is taken as white noise filtered by this kernel. Everything the noise propagation needs is a sum
/// over products of its 1-D factors.
/// </summary>
public sealed class GaussianNoiseKernel
{
    public GaussianNoiseKernel(double fwhmMm, Vec3 spacingMm)
    {
        if (!(fwhmMm > 0)) throw new ArgumentOutOfRangeException(nameof(fwhmMm), fwhmMm, "The noise FWHM must be positive (mm).");
        FwhmMm = fwhmMm;
        X = Axis(fwhmMm / spacingMm.X);
        Y = Axis(fwhmMm / spacingMm.Y);
        Z = Axis(fwhmMm / spacingMm.Z);
    }

    public double FwhmMm { get; }
    public double[] X { get; }
    public double[] Y { get; }
    public double[] Z { get; }

    /// <summary>Sum of the squared weights: the voxel variance over the white-noise variance (1 / correlation volume in voxels).</summary>
    public double SumOfSquares => SumSq(X) * SumSq(Y) * SumSq(Z);

    /// <summary>
    /// Variance of r = x - mean of its 3 x 3 x 3 neighbourhood over the white-noise variance: sum of (g - B g)^2, with
    /// B the box mean, computed as sum g^2 - 2 sum g Bg + sum (Bg)^2 (each a product of 1-D sums).
    /// </summary>
    public double HighPassSumOfSquares
    {
        get
        {
            var (x, bx) = WithBox(X);
            var (y, by) = WithBox(Y);
            var (z, bz) = WithBox(Z);
            return Dot(x, x) * Dot(y, y) * Dot(z, z) - 2 * Dot(x, bx) * Dot(y, by) * Dot(z, bz) + Dot(bx, bx) * Dot(by, by) * Dot(bz, bz);
        }
    }

    private static double[] Axis(double fwhmVoxels)
    {
        var sigma = fwhmVoxels / (2 * Math.Sqrt(2 * Math.Log(2)));
        var radius = Math.Max(1, (int)Math.Ceiling(3 * sigma));
        var k = new double[2 * radius + 1];
        double sum = 0;
        for (var i = -radius; i <= radius; i++) sum += k[i + radius] = Math.Exp(-0.5 * i * i / (sigma * sigma));
        for (var i = 0; i < k.Length; i++) k[i] /= sum;
        return k;
    }

    /// <summary>The kernel padded by one on each side, and its 3-point box mean.</summary>
    private static (double[] G, double[] Bg) WithBox(double[] g)
    {
        var padded = new double[g.Length + 2];
        Array.Copy(g, 0, padded, 1, g.Length);
        var box = new double[padded.Length];
        for (var i = 0; i < padded.Length; i++)
        {
            double s = 0;
            for (var d = -1; d <= 1; d++) if (i + d >= 0 && i + d < padded.Length) s += padded[i + d];
            box[i] = s / 3;
        }
        return (padded, box);
    }

    private static double SumSq(double[] v) => Dot(v, v);

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
