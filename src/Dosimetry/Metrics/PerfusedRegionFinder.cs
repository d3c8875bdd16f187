using System.Numerics;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Metrics;

/// <summary>Finds the perfused region of a Y-90 PET by an activity threshold (see <see cref="PerfusedRegionOptions"/>).</summary>
public static class PerfusedRegionFinder
{
    public const string RegionName = "Perfused region";

    /// <summary>A binary mask (weights 0 or 1) on the activity grid. Any activity unit works: only ratios matter.</summary>
    public static RoiMask Find(Volume activity, PerfusedRegionOptions? options = null)
    {
        options ??= new PerfusedRegionOptions();
        var errors = options.Validate("PerfusedRegion").ToList();
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors), nameof(options));
        var values = options.Smooth ? BoxMean3(activity) : activity.Voxels;
        var max = 0f;
        foreach (var v in values) if (v > max) max = v;
        var mask = activity.WithSameGeometry();
        if (!(max > 0)) return new RoiMask(mask, false, ["no positive activity: the perfused region is empty"]);
        var threshold = (float)(options.ThresholdFractionOfMax * max);
        for (var i = 0; i < values.Length; i++) if (values[i] >= threshold) mask.Voxels[i] = 1f;
        return new RoiMask(mask, false,
            [$"perfused region: voxels at or above {options.ThresholdFractionOfMax:P0} of the maximum activity{(options.Smooth ? " after a 3x3x3 mean filter" : "")}"]);
    }

    /// <summary>
    /// 3 x 3 x 3 mean over the neighbours inside the volume (edges average fewer voxels). Slices in parallel, and
    /// <see cref="Vector{T}.Count"/> neighbouring voxels of a row at once, one per SIMD lane: every voxel's sum still
    /// runs over its neighbours in the same order (z, y, x ascending) in double, so the result is the same bit for bit
    /// as one voxel at a time on one thread.
    /// </summary>
    internal static float[] BoxMean3(Volume v)
    {
        var result = new float[v.Count];
        var a = v.Voxels;
        int sx = v.SizeX, sy = v.SizeY, sz = v.SizeZ;
        var lanes = Vector.IsHardwareAccelerated ? Vector<float>.Count : int.MaxValue;
        Parallel.For(0, sz, z =>
        {
            int z0 = Math.Max(0, z - 1), z1 = Math.Min(sz - 1, z + 1);
            for (var y = 0; y < sy; y++)
            {
                int y0 = Math.Max(0, y - 1), y1 = Math.Min(sy - 1, y + 1);
                var outRow = sx * (y + sy * z);
                var x = 0;
                if (sx > 2) Scalar(0);
                for (x = 1; sx > 2 && x <= sx - 1 - lanes; x += lanes)
                {
                    // Voxels x .. x + lanes - 1, all with a full row of neighbours (x - 1 .. x + lanes).
                    Vector<double> low = Vector<double>.Zero, high = Vector<double>.Zero;
                    for (var dz = z0; dz <= z1; dz++)
                        for (var dy = y0; dy <= y1; dy++)
                        {
                            var row = sx * (dy + sy * dz) + x;
                            for (var dx = -1; dx <= 1; dx++)
                            {
                                Vector.Widen(new Vector<float>(a, row + dx), out var l, out var h);
                                low += l;
                                high += h;
                            }
                        }
                    var n = new Vector<double>(3 * (y1 - y0 + 1) * (z1 - z0 + 1));
                    Vector.Narrow(low / n, high / n).CopyTo(result, outRow + x);
                }
                for (x = sx > 2 ? x : 0; x < sx; x++) Scalar(x);

                void Scalar(int xi)
                {
                    int x0 = Math.Max(0, xi - 1), x1 = Math.Min(sx - 1, xi + 1);
                    double sum = 0;
                    for (var dz = z0; dz <= z1; dz++)
                        for (var dy = y0; dy <= y1; dy++)
                        {
                            var row = sx * (dy + sy * dz);
                            for (var dx = x0; dx <= x1; dx++) sum += a[row + dx];
                        }
                    var count = (x1 - x0 + 1) * (y1 - y0 + 1) * (z1 - z0 + 1);
                    result[outRow + xi] = (float)(sum / count);
                }
            }
        });
        return result;
    }
}
