using VoxDose.Statistics.Survival;
using VoxDose.Statistics.Tests.Oracle;

namespace VoxDose.Statistics.Tests.Survival;

/// <summary>Log-rank tests (plain and stratified) against R's survdiff.</summary>
[Collection(RCollection.Name)]
public sealed class LogRankAgainstRTests(ROracle r)
{
    public static TheoryData<string> Keys => new(Cases.LogRank.Select(c => c.Key));

    [Theory]
    [MemberData(nameof(Keys))]
    public void Observed_expected_chi_square_and_p_match_survdiff(string key)
    {
        var c = Cases.LogRank.Single(x => x.Key == key);
        var table = r.Table(c.Table);

        var test = LogRank.Test(table.Numbers(c.Time), table.Events(c.Status), table.Text(c.Group),
            c.Strata is null ? null : table.Text(c.Strata));

        foreach (var g in test.Groups)
        {
            Agree.Close(r.R1($"{key}.obs.{g.Name}"), g.Observed, $"{key} observed {g.Name}");
            Agree.Close(r.R1($"{key}.exp.{g.Name}"), g.Expected, $"{key} expected {g.Name}");
        }
        Agree.Close(r.R1(key + ".chisq"), test.ChiSquare, key + " chi-square");
        Assert.Equal(Math.Max(r.R1(key + ".df"), 0), test.DegreesOfFreedom);
        Agree.P(r.R1(key + ".p"), test.P, key + " p");
    }
}
