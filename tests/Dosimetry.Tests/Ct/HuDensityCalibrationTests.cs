using VoxDose.Dosimetry.Ct;

namespace VoxDose.Dosimetry.Tests.Ct;

/// <summary>The HU-to-density calibration: linear interpolation, clamping beyond the ends, the default, validation.</summary>
public class HuDensityCalibrationTests
{
    [Fact]
    public void The_default_interpolates_linearly_between_the_schneider_2000_points()
    {
        var calibration = new HuDensityCalibration();
        // By hand from the segment (-1000 HU, 0.00121) - (-98 HU, 0.93): lung at -700 HU = 0.00121 + 300/902 x 0.92879.
        Assert.Equal(0.00121 + 300.0 / 902.0 * (0.93 - 0.00121), calibration.DensityGPerMl(-700), 9);
        Assert.InRange(calibration.DensityGPerMl(-700), 0.30, 0.32); // "lung about 0.3 g/mL"
        // Soft tissue at 40 HU on (23, 1.031) - (100, 1.1199): 1.031 + 17/77 x 0.0889.
        Assert.Equal(1.031 + 17.0 / 77.0 * (1.1199 - 1.031), calibration.DensityGPerMl(40), 9);
        // The points themselves, and the bone line's jump at 100/101 HU kept as published.
        Assert.Equal(1.03, calibration.DensityGPerMl(14), 12);
        Assert.Equal(1.0762, calibration.DensityGPerMl(101), 12);
        Assert.Equal(1.9642, calibration.DensityGPerMl(1600), 12);
        Assert.Contains("Schneider", calibration.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-3024, 0.00121)] // the scanner's padding value: air, never a negative density
    [InlineData(-1000, 0.00121)]
    [InlineData(3000, 2.8)]
    [InlineData(30000, 2.8)] // metal beyond the table: held at the last point
    [InlineData(double.NaN, 0.00121)]
    public void Beyond_the_table_the_end_values_hold(double hu, double expected) =>
        Assert.Equal(expected, new HuDensityCalibration().DensityGPerMl(hu), 12);

    [Fact]
    public void A_configured_table_replaces_the_default()
    {
        var calibration = new HuDensityCalibration
        {
            Name = "site 120 kV",
            Points = [new() { Hu = -1000, DensityGPerMl = 0 }, new() { Hu = 0, DensityGPerMl = 1 }, new() { Hu = 1000, DensityGPerMl = 1.5 }],
        };
        Assert.Equal(0.25, calibration.DensityGPerMl(-750), 12);
        Assert.Equal(1.25, calibration.DensityGPerMl(500), 12);
        Assert.Equal(0.0, calibration.DensityGPerMl(-2000), 12);
        Assert.Equal(1.5, calibration.DensityGPerMl(2000), 12);
        Assert.Contains("configured (site 120 kV)", calibration.Description, StringComparison.Ordinal);
        Assert.Empty(calibration.Validate("VoxDose:Dosimetry:HuToDensity"));
    }

    [Fact]
    public void A_bad_table_names_every_problem_with_its_path()
    {
        var calibration = new HuDensityCalibration
        {
            Points = [new() { Hu = 0, DensityGPerMl = 1 }, new() { Hu = -500, DensityGPerMl = -0.2 }, new() { Hu = double.NaN, DensityGPerMl = 1 }],
        };
        var errors = calibration.Validate("P").ToList();
        Assert.Contains(errors, e => e.StartsWith("P:Points:1:Hu must be larger", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("P:Points:1:DensityGPerMl", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("P:Points:2:Hu", StringComparison.Ordinal));
        Assert.Contains(new HuDensityCalibration { Points = [new() { Hu = 0, DensityGPerMl = 1 }] }.Validate("P"), e => e.Contains("at least 2 points", StringComparison.Ordinal));
    }
}
