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

    /// <summary>3 x 3 x 3 mean over the neighbours inside the volume (edges average fewer voxels).</summary>
    internal static float[] BoxMean3(Volume v)
    {
        var result = new float[v.Count];
        for (var z = 0; z < v.SizeZ; z++)
            for (var y = 0; y < v.SizeY; y++)
                for (var x = 0; x < v.SizeX; x++)
                {
                    double sum = 0;
                    var n = 0;
                    for (var dz = Math.Max(0, z - 1); dz <= Math.Min(v.SizeZ - 1, z + 1); dz++)
                        for (var dy = Math.Max(0, y - 1); dy <= Math.Min(v.SizeY - 1, y + 1); dy++)
                            for (var dx = Math.Max(0, x - 1); dx <= Math.Min(v.SizeX - 1, x + 1); dx++)
                            {
                                sum += v.Voxels[v.Index(dx, dy, dz)];
                                n++;
                            }
                    result[v.Index(x, y, z)] = (float)(sum / n);
                }
        return result;
    }
}
