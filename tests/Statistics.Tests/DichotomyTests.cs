namespace VoxDose.Statistics.Tests;

public sealed class DichotomyTests
{
    [Fact]
    public void A_value_at_the_cutoff_is_high()
    {
        Assert.Equal([false, true, true], Dichotomy.AtCutoff([80.9, 81, 120], Dichotomy.StudyTdvCutoffGy));
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_mean_of_the_middle_two_as_in_R()
    {
        Assert.Equal(2.5, Dichotomy.Median([4, 1, 3, 2]));
        Assert.Equal([false, false, true, true], Dichotomy.AtMedian([4, 1, 3, 2]).Select((h, i) => (h, v: new[] { 4.0, 1, 3, 2 }[i])).OrderBy(p => p.v).Select(p => p.h).ToArray());
    }

    [Fact]
    public void A_missing_value_is_refused_not_put_in_a_group()
    {
        Assert.Throws<ArgumentException>(() => Dichotomy.AtCutoff([80, double.NaN], 81));
    }
}
