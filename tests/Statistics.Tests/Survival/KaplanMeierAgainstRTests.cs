using VoxDose.Statistics.Survival;
using VoxDose.Statistics.Tests.Oracle;

namespace VoxDose.Statistics.Tests.Survival;

/// <summary>Kaplan-Meier curves, Greenwood errors, limits and medians against R's survfit.</summary>
[Collection(RCollection.Name)]
public sealed class KaplanMeierAgainstRTests(ROracle r)
{
    public static TheoryData<string> Keys => new(Cases.KaplanMeier.Select(c => c.Key));

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_step_and_the_median_match_survfit(string key)
    {
        var c = Cases.KaplanMeier.Single(x => x.Key == key);
        var table = r.Table(c.Table);
        if (c.WhereColumn is not null) table = table.Where(c.WhereColumn, c.WhereValue!);
        var type = c.ConfType switch
        {
            "log" => ConfidenceIntervalType.Log,
            "log-log" => ConfidenceIntervalType.LogLog,
            _ => ConfidenceIntervalType.Plain,
        };

        var curve = KaplanMeier.Fit(table.Numbers(c.Time), table.Events(c.Status), type);

        Agree.Close(r.R(key + ".time"), curve.Steps.Select(s => s.Time).ToArray(), key + " time");
        Agree.Close(r.R(key + ".nrisk"), curve.Steps.Select(s => (double)s.NRisk).ToArray(), key + " n.risk");
        Agree.Close(r.R(key + ".nevent"), curve.Steps.Select(s => (double)s.NEvent).ToArray(), key + " n.event");
        Agree.Close(r.R(key + ".ncensor"), curve.Steps.Select(s => (double)s.NCensor).ToArray(), key + " n.censor");
        Agree.Close(r.R(key + ".surv"), curve.Steps.Select(s => s.Survival).ToArray(), key + " surv");
        Agree.Close(r.R(key + ".stderr"), curve.Steps.Select(s => s.StdErr).ToArray(), key + " std.err");
        Agree.Close(r.R(key + ".lower"), curve.Steps.Select(s => s.Lower).ToArray(), key + " lower");
        Agree.Close(r.R(key + ".upper"), curve.Steps.Select(s => s.Upper).ToArray(), key + " upper");
        var median = r.R(key + ".median");
        Agree.Close(median[0], curve.Median, key + " median");
        Agree.Close(median[1], curve.MedianLower, key + " median 0.95LCL");
        Agree.Close(median[2], curve.MedianUpper, key + " median 0.95UCL");
    }
}
