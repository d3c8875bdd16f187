using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Tests.Contours;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests.Metrics;

public class RoiMetricsCalculatorTests
{
    private static readonly MetricsOptions Defaults = new();

    private static Volume Filled(Volume grid, float doseGy)
    {
        var dose = grid.WithSameGeometry();
        Array.Fill(dose.Voxels, doseGy);
        return dose;
    }

    [Fact]
    public void Uniform_dose_roi_has_d70_equal_to_mean_and_median_and_full_v100()
    {
        var grid = ContourShapes.CentredGrid(31, 4.0);
        var mask = ContourRasterizer.Rasterize(grid, ContourShapes.Sphere(new Vec3(0, 0, 0), 20, 4.0, 2.0));

        var m = RoiMetricsCalculator.Compute("GTV 1", RoiRole.Lesion, 3, Filled(grid, 130f), mask, Defaults);

        Assert.Equal(130.0, m.MeanGy, 4);
        Assert.Equal(m.MeanGy, m.DxGy[70], 4);
        Assert.Equal(m.MeanGy, m.MedianGy, 4);
        Assert.Equal(0.0, m.SdGy, 4);
        Assert.Equal(0.0, m.Cov, 6);
        Assert.Equal(100.0, m.VxPercent[100], 9);
        Assert.Equal(100.0, m.VxPercent[120], 9);
        Assert.Equal(0.0, m.VxPercent[150], 9);
        Assert.Equal(mask.VolumeMl, m.VolumeMl);
        Assert.Equal(130.0, m.EudGy!.Value, 4);
        Assert.Equal(130 * (1 + 130 * (1.5 / 65.55) / 10), m.BedGy!.Value, 3);
        Assert.Equal(3, m.RoiNumber);
        Assert.DoesNotContain(m.Flags, f => f.Code == RoiFlagCodes.BelowLocalControlDose);
        Assert.Equal(new[] { 2, 50, 70, 90, 95, 98 }, m.DxGy.Keys.Order());
        Assert.Equal(new[] { 70, 100, 120, 150, 205 }, m.VxPercent.Keys.Order());
    }

    [Fact]
    public void Partial_volume_voxels_count_with_their_fraction()
    {
        // Three voxels along x at 10, 20, 40 Gy with weights 1, 0.5, 0.25 (written directly as a mask).
        var grid = new Volume(3, 1, 1, new Vec3(2, 2, 2), new Vec3(0, 0, 0));
        var dose = grid.WithSameGeometry([10f, 20f, 40f]);
        var mask = new RoiMask(grid.WithSameGeometry([1f, 0.5f, 0.25f]));

        var m = RoiMetricsCalculator.Compute("x", RoiRole.Other, null, dose, mask, Defaults);

        Assert.Equal(1.75 * 8 / 1000.0, m.VolumeMl, 12);
        Assert.Equal((10 + 10 + 10) / 1.75, m.MeanGy, 6);
        Assert.Equal(10.0, m.MinGy);
        Assert.Equal(40.0, m.MaxGy);
    }

    [Fact]
    public void Mask_on_another_grid_is_refused()
    {
        var grid = new Volume(3, 3, 3, new Vec3(2, 2, 2), new Vec3(0, 0, 0));
        var other = new Volume(3, 3, 3, new Vec3(2, 2, 2), new Vec3(5, 0, 0));
        var ex = Assert.Throws<ArgumentException>(() => RoiMetricsCalculator.Compute("x", RoiRole.Other, null, grid, new RoiMask(other), Defaults));
        Assert.Contains("dose grid", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lesion_under_the_cut_off_is_flagged_with_the_study_wording()
    {
        var grid = ContourShapes.CentredGrid(21, 4.0);
        var mask = ContourRasterizer.Rasterize(grid, ContourShapes.Sphere(new Vec3(0, 0, 0), 15, 4.0));

        var low = RoiMetricsCalculator.Compute("HCC", RoiRole.Lesion, 1, Filled(grid, 80f), mask, Defaults);
        var high = RoiMetricsCalculator.Compute("HCC", RoiRole.Lesion, 1, Filled(grid, 82f), mask, Defaults);
        var raised = RoiMetricsCalculator.Compute("HCC", RoiRole.Lesion, 1, Filled(grid, 82f), mask,
            Defaults with { Decision = new DecisionOptions { LesionMeanCutoffGy = 100 } });

        var flag = Assert.Single(low.Flags, f => f.Code == RoiFlagCodes.BelowLocalControlDose);
        Assert.Contains("below the dose associated with local control in Yoo et al. 2021 (PFS hazard ratio 21.0)", flag.Message, StringComparison.Ordinal);
        Assert.Contains("Yoo", flag.Source, StringComparison.Ordinal);
        Assert.DoesNotContain(high.Flags, f => f.Code == RoiFlagCodes.BelowLocalControlDose);
        Assert.Contains(raised.Flags, f => f.Code == RoiFlagCodes.BelowLocalControlDose);
    }

    [Fact]
    public void Lesion_under_1_cm_is_flagged_not_dropped()
    {
        var grid = ContourShapes.CentredGrid(21, 2.0);
        var mask = ContourRasterizer.Rasterize(grid, ContourShapes.Sphere(new Vec3(0, 0, 0), 4, 2.0, 1.0));

        var m = RoiMetricsCalculator.Compute("lesion 2", RoiRole.Lesion, 2, Filled(grid, 150f), mask, Defaults);

        Assert.True(m.EquivalentDiameterMm < 10);
        Assert.Contains(m.Flags, f => f.Code == RoiFlagCodes.SmallLesion);
        Assert.Equal(150.0, m.MeanGy, 4);
    }

    [Theory]
    [InlineData(MicrosphereType.Resin, 39.9f, false)]
    [InlineData(MicrosphereType.Resin, 45f, true)]
    [InlineData(MicrosphereType.Glass, 45f, false)]
    [InlineData(MicrosphereType.Glass, 76f, true)]
    public void Normal_liver_limit_depends_on_the_microspheres(MicrosphereType type, float doseGy, bool flagged)
    {
        var grid = ContourShapes.CentredGrid(21, 4.0);
        var mask = ContourRasterizer.Rasterize(grid, ContourShapes.Sphere(new Vec3(0, 0, 0), 30, 4.0));
        var options = Defaults with { Decision = new DecisionOptions { Microspheres = type } };

        var m = RoiMetricsCalculator.Compute("Liver-GTV", RoiRole.NormalLiver, null, Filled(grid, doseGy), mask, options);

        Assert.Equal(flagged, m.Flags.Any(f => f.Code == RoiFlagCodes.NormalLiverAboveLimit && f.Source.Contains("EANM", StringComparison.Ordinal)));
    }

    [Fact]
    public void Lung_over_30_Gy_is_flagged()
    {
        var grid = ContourShapes.CentredGrid(21, 4.0);
        var mask = ContourRasterizer.Rasterize(grid, ContourShapes.Sphere(new Vec3(0, 0, 0), 30, 4.0));
        Assert.Contains(RoiMetricsCalculator.Compute("Lung", RoiRole.Lung, 5, Filled(grid, 31f), mask, Defaults).Flags,
            f => f.Code == RoiFlagCodes.LungAboveLimit && f.Message.Contains("30 Gy per session", StringComparison.Ordinal));
        Assert.DoesNotContain(RoiMetricsCalculator.Compute("Lung", RoiRole.Lung, 5, Filled(grid, 29f), mask, Defaults).Flags,
            f => f.Code == RoiFlagCodes.LungAboveLimit);
    }

    [Fact]
    public void Empty_roi_is_flagged_and_its_statistics_are_nan()
    {
        var grid = ContourShapes.CentredGrid(5, 4.0);
        var m = RoiMetricsCalculator.Compute("nothing", RoiRole.Lesion, 9, Filled(grid, 100f), new RoiMask(grid.WithSameGeometry()), Defaults);
        Assert.Contains(m.Flags, f => f.Code == RoiFlagCodes.EmptyRoi);
        Assert.True(double.IsNaN(m.MeanGy));
        Assert.Equal(0.0, m.VolumeMl);
    }

    [Fact]
    public void Invalid_options_are_reported_with_their_paths()
    {
        var bad = new MetricsOptions
        {
            DvhBinWidthGy = 0,
            Radiobiology = new RadiobiologyOptions { Lesion = new RadiobiologyParameters(0, 1.5, 0) },
            Decision = new DecisionOptions { LesionMeanCutoffGy = -1 },
        };
        var errors = bad.Validate();
        Assert.Contains(errors, e => e.StartsWith("Metrics:DvhBinWidthGy", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Metrics:Radiobiology:Lesion:AlphaBetaGy", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Metrics:Radiobiology:Lesion:GeudA", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Metrics:Decision:LesionMeanCutoffGy", StringComparison.Ordinal));
        Assert.Empty(Defaults.Validate());
    }
}
