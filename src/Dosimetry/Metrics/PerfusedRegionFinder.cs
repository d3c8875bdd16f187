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
    /// 3 x 3 x 3 mean over the neighbours inside the volume (edges average fewer voxels). Slices in parallel; each
    /// voxel's sum runs over its neighbours in the same order (z, y, x ascending) whatever the thread, so the result
    /// does not depend on the scheduling.
    /// </summary>
    internal static float[] BoxMean3(Volume v)
    {
        var result = new float[v.Count];
        var a = v.Voxels;
        int sx = v.SizeX, sy = v.SizeY, sz = v.SizeZ;
        Parallel.For(0, sz, z =>
        {
            int z0 = Math.Max(0, z - 1), z1 = Math.Min(sz - 1, z + 1);
            for (var y = 0; y < sy; y++)
            {
                int y0 = Math.Max(0, y - 1), y1 = Math.Min(sy - 1, y + 1);
                var outRow = sx * (y + sy * z);
                for (var x = 0; x < sx; x++)
                {
                    int x0 = Math.Max(0, x - 1), x1 = Math.Min(sx - 1, x + 1);
                    double sum = 0;
                    for (var dz = z0; dz <= z1; dz++)
                        for (var dy = y0; dy <= y1; dy++)
                        {
                            var row = sx * (dy + sy * dz);
                            for (var dx = x0; dx <= x1; dx++) sum += a[row + dx];
                        }
                    var n = (x1 - x0 + 1) * (y1 - y0 + 1) * (z1 - z0 + 1);
                    result[outRow + x] = (float)(sum / n);
                }
            }
        });
        return result;
    }
}
