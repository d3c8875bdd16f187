using VoxDose.Dosimetry.Convolution.Fft;

namespace VoxDose.Dosimetry.Tests.Convolution;

public class FftPlanTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(30)]
    [InlineData(120)]
    [InlineData(125)]
    [InlineData(216)]
    public void Forward_matches_naive_DFT_and_inverse_round_trips(int n)
    {
        var random = new Random(n);
        var re = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var im = Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray();
        var plan = new FftPlan(n);
        var work = plan.CreateWork();
        re.CopyTo(work.Re, 0);
        im.CopyTo(work.Im, 0);
        plan.Forward(work);
        for (var k = 0; k < n; k++)
        {
            double sr = 0, si = 0;
            for (var j = 0; j < n; j++)
            {
                var angle = -2 * Math.PI * ((long)j * k % n) / n;
                sr += re[j] * Math.Cos(angle) - im[j] * Math.Sin(angle);
                si += re[j] * Math.Sin(angle) + im[j] * Math.Cos(angle);
            }
            Assert.Equal(sr, work.Re[k], 1e-10);
            Assert.Equal(si, work.Im[k], 1e-10);
        }
        plan.Inverse(work);
        for (var j = 0; j < n; j++)
        {
            Assert.Equal(re[j], work.Re[j] / n, 1e-12);
            Assert.Equal(im[j], work.Im[j] / n, 1e-12);
        }
    }

    [Theory]
    [InlineData(204, false, 216)]
    [InlineData(118, false, 120)]
    [InlineData(7, true, 8)]
    [InlineData(25, true, 30)]
    public void Next_fast_size_is_a_product_of_2_3_5(int n, bool even, int expected) =>
        Assert.Equal(expected, FftSizes.NextFast(n, even));

    [Fact]
    public void Unsupported_length_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FftPlan(7));
}
