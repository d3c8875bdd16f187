using VoxDose.Reporting.RtDose;

namespace VoxDose.Reporting.Tests.RtDose;

public class DoseQuantizerTests
{
    [Fact]
    public void Stored_times_scaling_gives_the_dose_within_one_part_per_million_above_a_thousandth_of_the_maximum()
    {
        var random = new Random(7);
        var dose = Enumerable.Range(0, 10_000).Select(_ => (float)(random.NextDouble() * 350)).Append(350f).Append(0.35f).ToArray();
        var (stored, scaling, negative) = DoseQuantizer.Quantize(dose, 32, s => s);
        Assert.Equal(0, negative);
        for (var i = 0; i < dose.Length; i++)
        {
            if (dose[i] < 0.35f) continue;
            var back = stored[i] * scaling;
            Assert.True(Math.Abs(back - dose[i]) <= 1e-6 * dose[i], $"voxel {i}: {dose[i]} Gy came back as {back} Gy");
        }
        Assert.InRange(stored.Max(), 3.9e9, uint.MaxValue);
    }

    [Fact]
    public void Sixteen_bits_keep_the_maximum_under_65536()
    {
        var (stored, scaling, _) = DoseQuantizer.Quantize([0f, 10f, 1234.5f], 16, s => s);
        Assert.True(stored.Max() <= ushort.MaxValue);
        Assert.Equal(1234.5, stored[2] * scaling, 1234.5 / 65000);
    }

    [Fact]
    public void Scaling_is_the_rounded_value_written_in_the_header()
    {
        var (stored, scaling, _) = DoseQuantizer.Quantize([100f], 32, s => Math.Round(s, 12));
        Assert.Equal(Math.Round(100 / 4.0e9, 12), scaling);
        Assert.Equal(100, stored[0] * scaling, 1e-6);
    }

    [Fact]
    public void Negative_doses_are_stored_as_zero_and_counted()
    {
        var (stored, _, negative) = DoseQuantizer.Quantize([-0.5f, 2f, -1f], 32, s => s);
        Assert.Equal(2, negative);
        Assert.Equal(0u, stored[0]);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Non_finite_doses_are_refused(float bad)
    {
        var ex = Assert.Throws<ArgumentException>(() => DoseQuantizer.Quantize([1f, bad], 32, s => s));
        Assert.Contains("voxel 1", ex.Message);
    }

    [Fact]
    public void An_all_zero_map_gets_scaling_one() =>
        Assert.Equal(1.0, DoseQuantizer.Quantize(new float[8], 32, s => s).ScalingGy);
}
