using VoxDose.Dosimetry.Accuracy;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Pipeline;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;
using VoxDose.StoreScp.Phantom;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.StoreScp.Tests.Phantom;

/// <summary>The built-in phantom (full size, as <c>voxdose phantom</c> writes it) through the offline pipeline, once for the class.</summary>
public sealed class BuiltInPhantomFixture
{
    public BuiltInPhantomFixture()
    {
        Spec = new PhantomSpec();
        RecoveryTable = LesionAccuracyPhantomTests.RecoveryTableFromBlurredSpheres(Spec);
        var study = PhantomStudyWriter.Write(Spec, TestPaths.NewTempDirectory("voxdose-pv"));
        Truth = study.Truth;
        var metrics = new MetricsOptions { PartialVolume = new PartialVolumeOptions { RecoveryTable = RecoveryTable } };
        Result = new OfflineDosePipeline(new RoiAnalyzer(metrics)).Run(new DosePipelineRequest { Inputs = [.. study.PetFiles, study.RtStructFile] });
    }

    public PhantomSpec Spec { get; }
    public PhantomTruth Truth { get; }
    public List<RecoveryPoint> RecoveryTable { get; }
    public DoseStudyResult Result { get; }

    public RoiMetrics Lesion(string name) => Result.Rois.Rois.Single(r => r.Name == name);
}

public class LesionAccuracyPhantomTests(BuiltInPhantomFixture phantom, ITestOutputHelper output) : IClassFixture<BuiltInPhantomFixture>
{
    /// <summary>
    /// Contrast recovery of uniform spheres in a cold background blurred exactly as the phantom blurs its PET (resolution,
    /// then post-filter, no noise), measured through the same contours and rasteriser as the pipeline: the site's
    /// sphere-phantom measurement, simulated.
    /// </summary>
    internal static List<RecoveryPoint> RecoveryTableFromBlurredSpheres(PhantomSpec phantomSpec)
    {
        var table = new List<RecoveryPoint>();
        foreach (var volumeMl in new[] { 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0 })
        {
            var spec = phantomSpec;
            var radiusMm = Math.Cbrt(3 * volumeMl * 1000 / (4 * Math.PI));
            var sphere = new PhantomRegion("Sphere", "lesion", new Vec3(0, 0, 0), new Vec3(radiusMm, radiusMm, radiusMm), 1.0);
            // A grid just large enough for the largest sphere and the blur's tails, with the phantom's spacing.
            var sphereSpec = spec with { Regions = [sphere], Columns = 31, Rows = 31, Slices = 61 };
            spec = sphereSpec;
            var image = new Volume(spec.Columns, spec.Rows, spec.Slices, new Vec3(spec.PixelSpacingMm, spec.PixelSpacingMm, spec.SliceSpacingMm), spec.VoxelCentreMm(0, 0, 0));
            // Fraction of each voxel inside the sphere, 4 x 4 x 4 samples, near the centre only.
            for (var k = 0; k < spec.Slices; k++)
                for (var j = 0; j < spec.Rows; j++)
                    for (var i = 0; i < spec.Columns; i++)
                    {
                        var c = spec.VoxelCentreMm(i, j, k);
                        if (c.Length > radiusMm + 10) continue;
                        var inside = 0;
                        for (var s = 0; s < 64; s++)
                            if (sphere.Contains(c.X + ((s & 3) - 1.5) / 4 * spec.PixelSpacingMm, c.Y + (((s >> 2) & 3) - 1.5) / 4 * spec.PixelSpacingMm,
                                    c.Z + (((s >> 4) & 3) - 1.5) / 4 * spec.SliceSpacingMm)) inside++;
                        image[i, j, k] = inside / 64f;
                    }
            GaussianBlur.Apply(image, spec.ResolutionFwhmMm);
            GaussianBlur.Apply(image, spec.PostFilterFwhmMm);
            var contours = PhantomContours.Build(sphereSpec).Select(c => Contour.Closed(c.PointsMm)).ToList();
            var mask = ContourRasterizer.Rasterize(image, contours);
            var measured = WeightedDoseDistribution.From(image, mask).MeanGy;
            table.Add(new RecoveryPoint { VolumeMl = volumeMl, Rc = measured });
        }
        return table;
    }

    [Fact]
    public void The_3_ml_lesion_is_in_the_partial_volume_range_and_its_81_gy_flag_says_so_the_50_ml_lesion_is_not()
    {
        foreach (var roi in phantom.Result.Rois.Rois.Where(r => r.Role == RoiRole.Lesion))
            output.WriteLine($"{roi.Name}: {roi.VolumeMl:F1} mL, d {roi.EquivalentDiameterMm:F1} mm, TDv {roi.MeanGy:F1} +/- {roi.Uncertainty?.CombinedGy:F1} Gy, "
                + $"corrected {roi.RecoveryCorrected?.CorrectedMeanGy:F1} (RC {roi.RecoveryCorrected?.Rc:F3}, bg {roi.RecoveryCorrected?.BackgroundGy:F1}), truth "
                + $"{phantom.Truth.Regions.Single(t => t.Name == roi.Name).MeanDoseGy:F1}; flags {string.Join(",", roi.Flags.Select(f => f.Code))}; "
                + string.Join("; ", roi.Uncertainty!.Components.Select(c => $"{c.Code} {c.Gy:F2}")));

        var small = phantom.Lesion("Lesion 4");
        Assert.InRange(small.VolumeMl, 2.7, 3.3);
        Assert.True(small.PartialVolume!.InRange);
        Assert.Contains(small.Flags, f => f.Code == RoiFlagCodes.PartialVolume);
        var below = Assert.Single(small.Flags, f => f.Code == RoiFlagCodes.BelowLocalControlDose);
        Assert.Contains("partial-volume range", below.Message, StringComparison.Ordinal);

        var large = phantom.Lesion("Lesion 3 necrotic");
        Assert.InRange(large.VolumeMl, 50, 65);
        Assert.False(large.PartialVolume!.InRange);
        Assert.DoesNotContain(large.Flags, f => f.Code == RoiFlagCodes.PartialVolume);
        Assert.Equal(10.0, large.PartialVolume.FwhmMm); // the documented default: the phantom's scanner model is not configured
        Assert.All(large.Flags, f => Assert.DoesNotContain("partial-volume", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void With_a_recovery_table_matching_the_blur_every_lesion_of_3_ml_or_more_is_within_15_percent_of_the_truth()
    {
        foreach (var p in phantom.RecoveryTable) output.WriteLine($"RC({p.VolumeMl} mL) = {p.Rc:F3}");
        foreach (var truth in phantom.Truth.Regions.Where(r => r.Kind == "lesion" && r.VolumeMl >= 3))
        {
            var roi = phantom.Lesion(truth.Name);
            var corrected = roi.RecoveryCorrected!;
            output.WriteLine($"{truth.Name}: truth {truth.MeanDoseGy:F1} Gy, TDv {roi.MeanGy:F1}, corrected {corrected.CorrectedMeanGy:F1}");
            Assert.InRange(corrected.CorrectedMeanGy, 0.85 * truth.MeanDoseGy, 1.15 * truth.MeanDoseGy);
            Assert.NotEqual(roi.MeanGy, corrected.CorrectedMeanGy); // reported beside TDv, which stays the measured value
        }
    }
}
