using VoxDose.Dosimetry.Accuracy;

namespace VoxDose.Dosimetry.Tests.Accuracy;

/// <summary>
/// The noise model's medians are found by selection instead of sorting: they must be exactly the middle values of the
/// sorted data (the robust SD to the bit), for odd and even counts, many ties, sorted and reversed input.
/// </summary>
public class VoxelNoiseMedianTests
{
    private static double SortedMedian(IEnumerable<double> values)
    {
        var sorted = values.ToList();
        sorted.Sort();
        var n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /// <summary>The sort-based robust SD this replaced.</summary>
    private static double SortedRobustSd(double[] values)
    {
        var median = SortedMedian(values);
        return 1.4826 * SortedMedian(values.Select(v => Math.Abs(v - median)));
    }

    [Fact]
    public void Selection_medians_and_the_robust_SD_equal_those_of_a_sort_to_the_bit()
    {
        var random = new Random(5);
        var cases = new List<double[]> { new[] { 3.0 }, new[] { 2.0, 1.0 }, new[] { 1.0, 1.0, 1.0, 1.0 } };
        for (var trial = 0; trial < 300; trial++)
        {
            var n = 1 + random.Next(trial < 200 ? 60 : 5000);
            var levels = trial % 3 == 0 ? 4 : 1_000_000; // few levels: many ties
            var values = Enumerable.Range(0, n).Select(_ => (random.Next(levels) - levels / 2) * 0.37 + (trial % 3 == 1 ? random.NextDouble() : 0)).ToArray();
            if (trial % 7 == 0) Array.Sort(values);
            if (trial % 7 == 1) { Array.Sort(values); Array.Reverse(values); }
            cases.Add(values);
        }
        foreach (var values in cases)
        {
            var expectedMedian = SortedMedian(values);
            var expectedSd = SortedRobustSd(values);
            Assert.Equal(BitConverter.DoubleToInt64Bits(expectedMedian), BitConverter.DoubleToInt64Bits(VoxelNoiseModel.Median((double[])values.Clone())));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expectedSd), BitConverter.DoubleToInt64Bits(VoxelNoiseModel.RobustSd((double[])values.Clone())));
            for (var k = 0; k < values.Length; k += Math.Max(1, values.Length / 7))
            {
                var copy = (double[])values.Clone();
                var sorted = values.Order().ToArray();
                Assert.Equal(sorted[k], VoxelNoiseModel.Select(copy, k));
                for (var i = 0; i < k; i++) Assert.True(copy[i] <= copy[k]);
                for (var i = k + 1; i < copy.Length; i++) Assert.True(copy[i] >= copy[k]);
            }
        }
    }
}
