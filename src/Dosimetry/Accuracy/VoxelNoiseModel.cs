using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Accuracy;

/// <summary>
/// Count-like voxel noise estimated from the PET itself: the white noise before the reconstruction's correlation has
/// variance kappa^2 x C at a voxel of activity C (Poisson-like), and the voxel noise is that white noise filtered by
/// <see cref="GaussianNoiseKernel"/>. kappa is measured in a reference region (the perfused region) as the robust SD of
/// the high-pass residual r = x - mean27(x) normalised by sqrt(mean27(x)), divided by the kernel's high-pass gain, so
/// smooth uptake patterns do not count as noise.
/// </summary>
public sealed class VoxelNoiseModel
{
    private VoxelNoiseModel(GaussianNoiseKernel kernel, double kappa, int referenceVoxels)
    {
        Kernel = kernel;
        Kappa = kappa;
        ReferenceVoxels = referenceVoxels;
    }

    public GaussianNoiseKernel Kernel { get; }

    /// <summary>White-noise amplitude per sqrt(activity unit): sigma_white = kappa sqrt(C); NaN when it could not be estimated.</summary>
    public double Kappa { get; }

    /// <summary>Voxels the estimate was made from.</summary>
    public int ReferenceVoxels { get; }

    /// <summary>Estimates kappa from the voxels of <paramref name="reference"/> whose 3 x 3 x 3 neighbourhood lies inside it.</summary>
    public static VoxelNoiseModel Estimate(Volume activity, RoiMask reference, GaussianNoiseKernel kernel)
    {
        var w = reference.Weights.Voxels;
        var a = activity.Voxels;
        int sx = activity.SizeX, sy = activity.SizeY, sz = activity.SizeZ, strideY = activity.StrideY, strideZ = activity.StrideZ;
        // Slices in parallel, each into its own list, joined in slice order: the same values in the same order as one
        // pass would give (and the robust SD sorts them anyway).
        var perSlice = new List<double>?[sz];
        Parallel.For(1, sz - 1, z =>
        {
            List<double>? slice = null;
            for (var y = 1; y < sy - 1; y++)
                for (var x = 1; x < sx - 1; x++)
                {
                    var centre = x + sx * (y + sy * z);
                    if (w[centre] < 0.5f) continue;
                    double sum = 0;
                    var inside = true;
                    for (var dz = -1; dz <= 1 && inside; dz++)
                        for (var dy = -1; dy <= 1 && inside; dy++)
                        {
                            var row = centre + strideY * dy + strideZ * dz;
                            for (var dx = -1; dx <= 1; dx++)
                            {
                                if (w[row + dx] < 0.5f) { inside = false; break; }
                                sum += a[row + dx];
                            }
                        }
                    if (!inside) continue;
                    var mean = sum / 27;
                    if (!(mean > 0)) continue;
                    (slice ??= []).Add((a[centre] - mean) / Math.Sqrt(mean));
                }
            perSlice[z] = slice;
        });
        var count = 0;
        foreach (var slice in perSlice) count += slice?.Count ?? 0;
        if (count < 50) return new VoxelNoiseModel(kernel, double.NaN, count);
        var values = new double[count];
        var at = 0;
        foreach (var slice in perSlice)
        {
            if (slice is null) continue;
            slice.CopyTo(values, at);
            at += slice.Count;
        }
        var robustSd = RobustSd(values);
        return new VoxelNoiseModel(kernel, robustSd / Math.Sqrt(kernel.HighPassSumOfSquares), count);
    }

    /// <summary>
    /// 1.4826 x the median absolute deviation: the SD of a normal distribution, insensitive to edges and hot spots.
    /// The medians are order statistics found by selection (linear time), the very values a full sort would put in the
    /// middle. Reorders <paramref name="values"/>.
    /// </summary>
    internal static double RobustSd(double[] values)
    {
        var median = Median(values);
        var deviations = new double[values.Length];
        for (var i = 0; i < values.Length; i++) deviations[i] = Math.Abs(values[i] - median);
        return 1.4826 * Median(deviations);
    }

    /// <summary>The median (the mean of the two middle values for an even count); reorders <paramref name="values"/>.</summary>
    internal static double Median(double[] values)
    {
        var n = values.Length;
        var upper = Select(values, n / 2);
        if (n % 2 == 1) return upper;
        // Selection left every value below index n / 2 at most the upper middle: the lower middle is their maximum.
        var lower = values[0];
        for (var i = 1; i < n / 2; i++) if (values[i] > lower) lower = values[i];
        return 0.5 * (lower + upper);
    }

    /// <summary>
    /// The k-th smallest value (k from 0; no NaN): quickselect with Hoare partitioning around the median of three.
    /// On return values[..k] are at most values[k] and values[(k + 1)..] at least.
    /// </summary>
    internal static double Select(double[] values, int k)
    {
        int lo = 0, hi = values.Length - 1;
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            double a = values[lo], b = values[mid], c = values[hi];
            var pivot = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else break; // values[j + 1 .. i - 1] all equal the pivot
        }
        return values[k];
    }
}
