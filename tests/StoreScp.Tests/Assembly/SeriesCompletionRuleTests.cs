using VoxDose.StoreScp.Assembly;

namespace VoxDose.StoreScp.Tests.Assembly;

public class SeriesCompletionRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(30);

    [Fact]
    public void Complete_as_soon_as_number_of_slices_is_reached()
    {
        Assert.False(SeriesCompletionRule.IsComplete(111, 110, T0, T0, Quiet));
        Assert.True(SeriesCompletionRule.IsComplete(111, 111, T0, T0, Quiet));
        Assert.Equal(T0, SeriesCompletionRule.CheckAt(111, 111, T0, T0, Quiet));
    }

    [Fact]
    public void Without_a_count_complete_after_the_quiet_period_since_the_last_arrival()
    {
        Assert.False(SeriesCompletionRule.IsComplete(null, 50, T0, T0.AddSeconds(29.9), Quiet));
        Assert.True(SeriesCompletionRule.IsComplete(null, 50, T0, T0.AddSeconds(30), Quiet));
        Assert.Equal(T0.AddSeconds(30), SeriesCompletionRule.CheckAt(null, 50, T0, T0.AddSeconds(10), Quiet));
    }

    [Fact]
    public void Short_of_its_count_a_series_still_completes_after_the_quiet_period()
    {
        Assert.False(SeriesCompletionRule.IsComplete(111, 100, T0, T0.AddSeconds(10), Quiet));
        Assert.True(SeriesCompletionRule.IsComplete(111, 100, T0, T0.AddSeconds(31), Quiet));
    }
}
