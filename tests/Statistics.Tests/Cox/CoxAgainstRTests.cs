using VoxDose.Statistics.Cox;
using VoxDose.Statistics.Tests.Oracle;

namespace VoxDose.Statistics.Tests.Cox;

/// <summary>Cox models (Efron and Breslow ties) against R's coxph.</summary>
[Collection(RCollection.Name)]
public sealed class CoxAgainstRTests(ROracle r)
{
    public static TheoryData<string> Keys => new(Cases.Cox.Select(c => c.Key));
    public static TheoryData<string> InfiniteKeys => new(Cases.CoxInfinite.Select(c => c.Key));

    private CoxFit Fit(CoxCase c)
    {
        var table = r.Table(c.Table);
        return CoxRegression.Fit(table.Numbers(c.Time), table.Events(c.Status), c.Covariates,
            c.Covariates.Select(v => (IReadOnlyList<double>)table.Numbers(v)).ToArray(),
            c.Ties == "breslow" ? CoxTies.Breslow : CoxTies.Efron);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Coefficients_errors_tests_and_concordance_match_coxph(string key)
    {
        var c = Cases.Cox.Single(x => x.Key == key);
        Assert.Equal(0, r.R1(key + ".warn"));

        var fit = Fit(c);

        Assert.True(fit.AllEstimated, string.Join("; ", fit.Warnings));
        Assert.Equal(r.R(key + ".n"), new double[] { fit.N, fit.Events });
        Agree.Close(r.R(key + ".coef"), fit.Terms.Select(t => t.Coef).ToArray(), key + " coef");
        Agree.Close(r.R(key + ".se"), fit.Terms.Select(t => t.StdErr).ToArray(), key + " se");
        Agree.Close(r.R(key + ".z"), fit.Terms.Select(t => t.Z).ToArray(), key + " z");
        Agree.Close(r.R(key + ".lower95"), fit.Terms.Select(t => t.Lower95).ToArray(), key + " lower .95");
        Agree.Close(r.R(key + ".upper95"), fit.Terms.Select(t => t.Upper95).ToArray(), key + " upper .95");
        var p = r.R(key + ".p");
        for (var i = 0; i < p.Length; i++) Agree.P(p[i], fit.Terms[i].P, $"{key} p[{i}]");
        Agree.Close(r.R(key + ".loglik"), fit.LogLikelihood, key + " loglik");
        foreach (var (name, test) in new[] { ("lr", fit.LikelihoodRatio), ("wald", fit.Wald), ("score", fit.Score) })
        {
            var expected = r.R($"{key}.{name}"); // test, df, pvalue
            Agree.Close(expected[0], test.ChiSquare, $"{key} {name} test");
            Assert.Equal(expected[1], test.DegreesOfFreedom);
            Agree.P(expected[2], test.P, $"{key} {name} p");
        }
        Agree.Close(r.R1(key + ".concordance"), fit.Concordance, key + " concordance");
    }

    [Theory]
    [MemberData(nameof(InfiniteKeys))]
    public void A_separating_covariate_is_reported_infinite_where_R_warns(string key)
    {
        var c = Cases.CoxInfinite.Single(x => x.Key == key);
        Assert.True(r.R1(key + ".warn") > 0, "R did not warn: the case does not separate.");

        var fit = Fit(c);

        Assert.False(fit.AllEstimated);
        Assert.Equal(CoxTermStatus.Infinite, fit.Terms[0].Status);
        Assert.Contains(fit.Warnings, w => w.Contains("'x'") && w.Contains("infinite"));
        // Where R gives a number, ours is the same iterate: the flag, not a different number, is what differs.
        Agree.Close(r.R(key + ".coef")[0], fit.Terms[0].Coef, key + " coef (not an estimate)");
    }

    [Fact]
    public void No_events_is_refused_where_R_gives_no_coefficient()
    {
        var table = r.Table("censored");
        var ex = Assert.Throws<ArgumentException>(() => CoxRegression.Fit(table.Numbers("time"), table.Events("status"), ["dose"],
            [table.Numbers("dose")]));
        Assert.Contains("No events", ex.Message);
    }
}
