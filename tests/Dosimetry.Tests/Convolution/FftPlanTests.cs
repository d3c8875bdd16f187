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

public class FftBatch4Tests
{
    [Theory]
    [InlineData(15)]
    [InlineData(120)]
    [InlineData(216)]
    public void Four_lines_at_once_equal_four_scalar_transforms(int n)
    {
        var plan = new FftPlan(n);
        var batch = new FftBatch4(plan);
        var (re, im, sr, si) = batch.CreateWork();
        var random = new Random(n);
        var lines = new (double[] Re, double[] Im)[4];
        for (var b = 0; b < 4; b++)
            lines[b] = (Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray(), Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray());
        for (var i = 0; i < n; i++)
        {
            re[i] = System.Runtime.Intrinsics.Vector256.Create(lines[0].Re[i], lines[1].Re[i], lines[2].Re[i], lines[3].Re[i]);
            im[i] = System.Runtime.Intrinsics.Vector256.Create(lines[0].Im[i], lines[1].Im[i], lines[2].Im[i], lines[3].Im[i]);
        }
        batch.Forward(re, im, sr, si);
        for (var b = 0; b < 4; b++)
        {
            var work = plan.CreateWork();
            lines[b].Re.CopyTo(work.Re, 0);
            lines[b].Im.CopyTo(work.Im, 0);
            plan.Forward(work);
            for (var i = 0; i < n; i++)
            {
                Assert.Equal(work.Re[i], re[i][b], 1e-12);
                Assert.Equal(work.Im[i], im[i][b], 1e-12);
            }
        }
        batch.Inverse(re, im, sr, si);
        for (var i = 0; i < n; i++) Assert.Equal(lines[2].Re[i], re[i][2] / n, 1e-12);
    }
}
