using VoxDose.Dosimetry.Accuracy;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests.Accuracy;

public class LesionAccuracyTests
{
    private static readonly List<RecoveryPoint> Table =
    [
        new() { VolumeMl = 1, Rc = 0.3 }, new() { VolumeMl = 5, Rc = 0.5 }, new() { VolumeMl = 25, Rc = 0.8 },
    ];

    [Theory]
    [InlineData(0.5, 0.3)]   // below the table: its first value
    [InlineData(1, 0.3)]
    [InlineData(3, 0.4)]     // half-way in volume between 1 and 5 mL
    [InlineData(15, 0.65)]
    [InlineData(100, 0.8)]   // beyond the table: its last value
    public void Recovery_coefficient_is_interpolated_linearly_in_volume_and_held_beyond_the_ends(double volumeMl, double expected) =>
        Assert.Equal(expected, LesionAccuracyEvaluator.RecoveryCoefficient(Table, volumeMl), 12);

    [Fact]
    public void Noise_kernel_matches_the_continuous_gaussian_when_it_spans_many_voxels()
    {
        // Sum of g^2 of a normalised Gaussian of SD s (voxels) is 1 / (2 sqrt(pi) s) per axis.
        var kernel = new GaussianNoiseKernel(20, new Vec3(2, 2, 2));
        var s = 10 / (2 * Math.Sqrt(2 * Math.Log(2)));
        var continuous = Math.Pow(1 / (2 * Math.Sqrt(Math.PI) * s), 3);
        Assert.InRange(kernel.SumOfSquares / continuous, 1.0, 1.02); // truncated at 3 SD and renormalised: slightly above
        // White noise (a kernel narrower than a voxel): voxels independent, the 3x3x3 residual keeps 26/27 of the variance.
        var white = new GaussianNoiseKernel(0.01, new Vec3(4, 4, 4));
        Assert.Equal(1.0, white.SumOfSquares, 9);
        Assert.Equal(26.0 / 27.0, white.HighPassSumOfSquares, 9);
    }

    [Fact]
    public void Partial_volume_range_is_diameter_under_three_fwhm()
    {
        var inRange = new PartialVolumeAssessment(29.9, 10, "default", 3);
        var outOfRange = new PartialVolumeAssessment(30.1, 10, "default", 3);
        Assert.True(inRange.InRange);
        Assert.False(outOfRange.InRange);
        var flags = DecisionSupport.Evaluate(RoiRole.Lesion, 60, 14, 29.9, new DecisionOptions(), inRange);
        Assert.Contains(flags, f => f.Code == RoiFlagCodes.PartialVolume);
        Assert.Contains("partial-volume range", flags.Single(f => f.Code == RoiFlagCodes.BelowLocalControlDose).Message, StringComparison.Ordinal);
        var plain = DecisionSupport.Evaluate(RoiRole.Lesion, 60, 14, 30.1, new DecisionOptions(), outOfRange);
        Assert.DoesNotContain(plain, f => f.Code == RoiFlagCodes.PartialVolume);
        Assert.DoesNotContain("partial-volume", plain.Single(f => f.Code == RoiFlagCodes.BelowLocalControlDose).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scanner_resolution_comes_from_the_model_table_else_the_documented_default()
    {
        var options = new PartialVolumeOptions { ScannerFwhmMm = new(StringComparer.OrdinalIgnoreCase) { ["Biograph mCT"] = 7.5 } };
        Assert.Equal(7.5, options.ResolutionFor("biograph MCT ").FwhmMm);
        Assert.Equal(10.0, options.ResolutionFor("Discovery MI").FwhmMm);
        Assert.Contains("not configured", options.ResolutionFor("Discovery MI").Source, StringComparison.Ordinal);
        Assert.Contains("RecoveryTable:1:VolumeMl", string.Join(" ", new PartialVolumeOptions { RecoveryTable = [Table[1], Table[0]] }.Validate("P")), StringComparison.Ordinal);
    }
}
