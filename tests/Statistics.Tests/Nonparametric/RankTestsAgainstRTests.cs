using VoxDose.Statistics.Nonparametric;
using VoxDose.Statistics.Tests.Oracle;

namespace VoxDose.Statistics.Tests.Nonparametric;

/// <summary>Mann-Whitney U against wilcox.test and Spearman's rho against cor.test(method = "spearman").</summary>
[Collection(RCollection.Name)]
public sealed class RankTestsAgainstRTests(ROracle r)
{
    public static TheoryData<string> MannWhitneyKeys => new(Cases.MannWhitney.Select(c => c.Key));
    public static TheoryData<string> SpearmanKeys => new(Cases.Spearman.Select(c => c.Key));

    [Theory]
    [MemberData(nameof(MannWhitneyKeys))]
    public void Mann_whitney_matches_wilcox_test(string key)
    {
        var c = Cases.MannWhitney.Single(x => x.Key == key);
        var table = r.Table(c.Table);
        var values = table.Numbers(c.Value);
        var groups = table.Text(c.Group);
        var x = values.Where((_, i) => groups[i] == c.XLevel).ToArray();
        var y = values.Where((_, i) => groups[i] != c.XLevel).ToArray();

        var result = MannWhitney.Test(x, y);

        Agree.Close(r.R1(key + ".u"), result.U, key + " W");
        Agree.P(r.R1(key + ".p"), result.P, key + " p");
        Assert.Equal(r.R1(key + ".exact") == 1, result.Exact);
    }

    [Theory]
    [MemberData(nameof(SpearmanKeys))]
    public void Spearman_matches_cor_test(string key)
    {
        var c = Cases.Spearman.Single(x => x.Key == key);
        var table = r.Table(c.Table);

        var result = Spearman.Test(table.Numbers(c.X), table.Numbers(c.Y));

        Agree.Close(r.R1(key + ".rho"), result.Rho, key + " rho");
        Agree.Close(r.R1(key + ".s"), result.S, key + " S");
        Agree.P(r.R1(key + ".p"), result.P, key + " p");
    }
}
