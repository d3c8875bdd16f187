using VoxDose.Dosimetry.Accuracy;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests.Accuracy;

/// <summary>
/// The lesion accuracy figures are computed inside each lesion's bounding box grown by the margin each figure needs
/// (noise kernel radius, one voxel of dilation, the background shell). They must be exactly those of a scan of the
/// whole grid, also where the box is clamped at the grid's edge, where another lesion lies inside the shell, and for
/// partial-volume weights under 0.5 at the contour.
/// </summary>
public class LesionAccuracyBoundingBoxTests
{
    [Fact]
    public void Bounding_box_evaluation_equals_the_full_grid_scan_to_the_last_bit()
    {
        const int nx = 40, ny = 36, nz = 22;
        var spacing = new Vec3(4.07, 4.07, 3.27);
        var random = new Random(1234);
        var activity = new Volume(nx, ny, nz, spacing, new Vec3(-80, -70, 10), frameOfReferenceUid: "1.2.3");
        var dose = activity.WithSameGeometry();
        for (var z = 0; z < nz; z++)
            for (var y = 0; y < ny; y++)
                for (var x = 0; x < nx; x++)
                {
                    // A warm "liver" filling most of the grid, hot spots, Poisson-like noise: a finite noise model.
                    var hot = Math.Exp(-(Sq(x - 8) + Sq(y - 9) + Sq(z - 4)) / 12.0) + Math.Exp(-(Sq(x - 36) + Sq(y - 30) + Sq(z - 19)) / 8.0);
                    var c = 1000 * (1 + 4 * hot);
                    var noisy = Math.Max(0, c + Math.Sqrt(c) * 3 * Normal(random));
                    activity[x, y, z] = (float)noisy;
                    dose[x, y, z] = (float)(noisy * 0.05);
                }
        // Lesion A touches the grid's corner (every margin clamped), B lies next to A (inside A's background shell),
        // C is at the opposite corner, with weights under 0.5 on its rim (inside the box, outside the binary contour).
        var a = Ball(activity, 2, 2, 1, 3.5, soft: false);
        var b = Ball(activity, 9, 8, 3, 2.6, soft: false);
        var c2 = Ball(activity, 37, 33, 20, 3.0, soft: true);
        var lesions = new[] { a, b, c2 };
        var options = new MetricsOptions
        {
            PartialVolume = new PartialVolumeOptions
            {
                RecoveryTable = [new() { VolumeMl = 0.5, Rc = 0.3 }, new() { VolumeMl = 5, Rc = 0.6 }, new() { VolumeMl = 50, Rc = 0.9 }],
            },
        };
        var study = new StudyAccuracyInputs(12, "test", 20 * 3600, 230580, false);
        var boxed = new LesionAccuracyEvaluator(dose, activity, options, study, lesions);
        var full = new LesionAccuracyEvaluator(dose, activity, options, study, lesions, fullGrid: true);

        foreach (var mask in lesions)
        {
            var metrics = RoiMetricsCalculator.Compute("lesion", RoiRole.Lesion, 1, dose, mask, options);
            var fromBox = boxed.Complete(metrics, mask);
            var fromGrid = full.Complete(metrics, mask);
            Assert.NotNull(fromGrid.RecoveryCorrected);
            Assert.True(double.IsFinite(fromGrid.RecoveryCorrected!.BackgroundGy) && fromGrid.RecoveryCorrected.BackgroundGy > 0);
            Assert.Equal(fromGrid.RecoveryCorrected, fromBox.RecoveryCorrected); // record: every number and the text
            var gridComponents = fromGrid.Uncertainty!.Components;
            Assert.Contains(gridComponents, x => x.Code == UncertaintyCodes.Noise);
            Assert.Contains(gridComponents, x => x.Code == UncertaintyCodes.Contour);
            Assert.Equal(gridComponents, fromBox.Uncertainty!.Components);
        }
    }

    private static RoiMask Ball(Volume grid, double cx, double cy, double cz, double radiusVoxels, bool soft)
    {
        var weights = grid.WithSameGeometry();
        for (var z = 0; z < grid.SizeZ; z++)
            for (var y = 0; y < grid.SizeY; y++)
                for (var x = 0; x < grid.SizeX; x++)
                {
                    var r = Math.Sqrt(Sq(x - cx) + Sq(y - cy) + Sq(z - cz));
                    var w = soft ? Math.Clamp(radiusVoxels + 0.5 - r, 0, 1) : r <= radiusVoxels ? 1 : 0;
                    if (soft && w is > 0 and < 1) w *= 0.8; // rim weights, some under 0.5
                    weights[x, y, z] = (float)w;
                }
        return new RoiMask(weights);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double Sq(double v) => v * v;
}
