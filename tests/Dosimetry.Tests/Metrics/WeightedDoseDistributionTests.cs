using VoxDose.Dosimetry.Metrics;

namespace VoxDose.Dosimetry.Tests.Metrics;

public class WeightedDoseDistributionTests
{
    // 25 % of the volume at 10 Gy, 75 % at 30 Gy.
    private static readonly WeightedDoseDistribution TwoLevel = WeightedDoseDistribution.From([(10.0, 1.0), (30.0, 1.0), (30.0, 2.0)]);

    // 100 equal voxels at 1, 2, ..., 100 Gy.
    private static readonly WeightedDoseDistribution Ramp = WeightedDoseDistribution.From(Enumerable.Range(1, 100).Select(d => ((double)d, 1.0)));

    [Fact]
    public void Two_level_dose_statistics()
    {
        Assert.Equal(25.0, TwoLevel.MeanGy, 12);
        Assert.Equal(Math.Sqrt(0.25 * 15 * 15 + 0.75 * 5 * 5), TwoLevel.SdGy, 12);
        Assert.Equal(TwoLevel.SdGy / 25.0, TwoLevel.Cov, 12);
        Assert.Equal(10.0, TwoLevel.MinGy);
        Assert.Equal(30.0, TwoLevel.MaxGy);
        Assert.Equal(30.0, TwoLevel.DoseCoveringPercent(2));
        Assert.Equal(30.0, TwoLevel.DoseCoveringPercent(70));
        Assert.Equal(30.0, TwoLevel.DoseCoveringPercent(75));
        Assert.Equal(10.0, TwoLevel.DoseCoveringPercent(76));
        Assert.Equal(10.0, TwoLevel.DoseCoveringPercent(98));
        Assert.Equal(30.0, TwoLevel.MedianGy);
        Assert.Equal(75.0, TwoLevel.PercentReceivingAtLeast(20), 12);
        Assert.Equal(75.0, TwoLevel.PercentReceivingAtLeast(30), 12);
        Assert.Equal(0.0, TwoLevel.PercentReceivingAtLeast(30.0001), 12);
        Assert.Equal(100.0, TwoLevel.PercentReceivingAtLeast(10), 12);
    }

    [Fact]
    public void Linear_ramp_statistics()
    {
        Assert.Equal(50.5, Ramp.MeanGy, 12);
        Assert.Equal(Math.Sqrt((100.0 * 100.0 - 1) / 12.0), Ramp.SdGy, 9);
        Assert.Equal(99.0, Ramp.DoseCoveringPercent(2));
        Assert.Equal(51.0, Ramp.DoseCoveringPercent(50));
        Assert.Equal(31.0, Ramp.DoseCoveringPercent(70));
        Assert.Equal(11.0, Ramp.DoseCoveringPercent(90));
        Assert.Equal(6.0, Ramp.DoseCoveringPercent(95));
        Assert.Equal(3.0, Ramp.DoseCoveringPercent(98));
        Assert.Equal(31.0, Ramp.PercentReceivingAtLeast(70), 12);
        Assert.Equal(1.0, Ramp.PercentReceivingAtLeast(100), 12);
        Assert.Equal(100.0, Ramp.DoseCoveringPercent(0));
        Assert.Equal(1.0, Ramp.DoseCoveringPercent(100));
    }

    [Fact]
    public void Partial_volume_weights_weigh_the_statistics()
    {
        var half = WeightedDoseDistribution.From([(10.0, 0.5), (40.0, 1.0)]);
        Assert.Equal((0.5 * 10 + 40) / 1.5, half.MeanGy, 12);
        Assert.Equal(200.0 / 3.0, half.PercentReceivingAtLeast(20), 12);
        Assert.Equal(1.5, half.TotalWeight, 12);
    }

    [Fact]
    public void Uniform_dose_has_equal_d70_mean_and_median_and_no_spread()
    {
        var uniform = WeightedDoseDistribution.From(Enumerable.Repeat((123.4, 1.0), 50).Append((123.4, 0.3)));
        Assert.Equal(123.4, uniform.MeanGy, 9);
        Assert.Equal(123.4, uniform.MedianGy, 9);
        Assert.Equal(123.4, uniform.DoseCoveringPercent(70), 9);
        Assert.Equal(0.0, uniform.SdGy, 9);
        Assert.Equal(100.0, uniform.PercentReceivingAtLeast(100), 12);
    }

    [Fact]
    public void Cumulative_dvh_starts_at_100_percent_decreases_and_ends_at_0()
    {
        var dvh = Ramp.CumulativeDvh(0.1, 2000);
        Assert.Equal(0.0, dvh[0].DoseGy);
        Assert.Equal(100.0, dvh[0].VolumePercent, 12);
        Assert.Equal(0.0, dvh[^1].VolumePercent);
        Assert.True(dvh[^1].DoseGy > 100.0 && dvh[^1].DoseGy <= 100.1 + 1e-9);
        for (var i = 1; i < dvh.Count; i++) Assert.True(dvh[i].VolumePercent <= dvh[i - 1].VolumePercent);
        var at50 = dvh.Single(p => Math.Abs(p.DoseGy - 50.0) < 1e-9);
        Assert.Equal(51.0, at50.VolumePercent, 9); // 50..100 Gy: 51 voxels
        Assert.Equal(Ramp.PercentReceivingAtLeast(50.05), dvh.Single(p => Math.Abs(p.DoseGy - 50.1) < 1e-9).VolumePercent, 12);
    }

    [Theory]
    [InlineData(100.0, 0.1, 2000, 0.1)]
    [InlineData(1000.0, 0.1, 1000, 2.0)]
    [InlineData(250.0, 0.1, 1000, 0.5)]
    public void Dvh_bin_width_widens_to_a_1_2_5_step_to_bound_the_points(double maxGy, double requested, int maxPoints, double expected)
    {
        var width = WeightedDoseDistribution.DvhBinWidth(maxGy, requested, maxPoints);
        Assert.Equal(expected, width, 12);
        Assert.True(Math.Floor(maxGy / width) + 2 <= maxPoints);
    }

    [Fact]
    public void Bounded_dvh_has_at_most_max_points()
    {
        var hot = WeightedDoseDistribution.From(Enumerable.Range(0, 5000).Select(d => (d * 0.7, 1.0)));
        var dvh = hot.CumulativeDvh(0.1, 500);
        Assert.True(dvh.Count <= 500, $"{dvh.Count} points");
        Assert.Equal(0.0, dvh[^1].VolumePercent);
    }

    [Fact]
    public void Generalised_eud_hand_values()
    {
        var equal = WeightedDoseDistribution.From([(10.0, 1.0), (30.0, 1.0)]);
        Assert.Equal(20.0, equal.GeneralisedEud(1), 12);
        Assert.Equal(15.0, equal.GeneralisedEud(-1), 12); // harmonic mean
        Assert.Equal(Math.Sqrt(500.0), equal.GeneralisedEud(2), 12);
        Assert.True(equal.GeneralisedEud(-10) is > 10 and < 11.5);
        Assert.Equal(0.0, WeightedDoseDistribution.From([(0.0, 1.0), (30.0, 1.0)]).GeneralisedEud(-10));
    }

    [Fact]
    public void Empty_distribution_gives_nan_not_a_plausible_number()
    {
        var empty = WeightedDoseDistribution.From([]);
        Assert.True(empty.IsEmpty);
        Assert.True(double.IsNaN(empty.MeanGy));
        Assert.True(double.IsNaN(empty.DoseCoveringPercent(70)));
        Assert.Empty(empty.CumulativeDvh(0.1, 100));
    }
}
