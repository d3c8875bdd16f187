using System.Globalization;

namespace VoxDose.Statistics.Tests.Oracle;

/// <summary>
/// Seeded random cohorts for the edge cases R's data sets do not cover: heavy ties, heavy censoring, a single
/// event, no event at all, a covariate that separates events from non-events, and large samples.
/// </summary>
internal static class Cohorts
{
    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    public static IEnumerable<Table> All()
    {
        yield return Ties();
        yield return Heavy();
        yield return Single();
        yield return Censored();
        yield return Separated();
        yield return Small(7, 71);
        yield return Small(25, 72);
        yield return Large();
    }

    /// <summary>60 observations, integer times 1-12 (many tied event times), integer doses (tied covariates).</summary>
    private static Table Ties()
    {
        var rnd = new Random(13);
        var rows = Enumerable.Range(0, 60).Select(_ =>
        {
            var dose = rnd.Next(40, 140);
            var time = Math.Max(1, Math.Min(12, (int)(12 - dose / 15.0 + rnd.Next(-3, 4))));
            return new[] { F(time), rnd.NextDouble() < 0.6 ? "1" : "0", F(dose), F(40 + rnd.Next(0, 30)),
                rnd.NextDouble() < 0.5 ? "high" : "low", rnd.NextDouble() < 0.5 ? "s1" : "s2" };
        }).ToArray();
        return new Table("ties", ["time", "status", "dose", "age", "grp", "strat"], rows);
    }

    /// <summary>80 observations, continuous times, about 90 % censored.</summary>
    private static Table Heavy()
    {
        var rnd = new Random(17);
        var rows = Enumerable.Range(0, 80).Select(_ =>
        {
            var dose = Math.Round(50 + 100 * rnd.NextDouble(), 3);
            var time = Math.Round(-Math.Log(1 - rnd.NextDouble()) * 30 * dose / 100, 3) + 0.001;
            return new[] { F(time), rnd.NextDouble() < 0.1 ? "1" : "0", F(dose), rnd.NextDouble() < 0.5 ? "high" : "low" };
        }).ToArray();
        return new Table("heavy", ["time", "status", "dose", "grp"], rows);
    }

    /// <summary>20 observations with exactly one event, whose dose lies inside its risk set's range (a finite estimate).</summary>
    private static Table Single()
    {
        var rnd = new Random(19);
        var rows = Enumerable.Range(0, 20).Select(i => new[]
        {
            F(i + 1 + Math.Round(rnd.NextDouble(), 2)), i == 7 ? "1" : "0", F(i == 7 ? 90 : Math.Round(60 + 60 * rnd.NextDouble(), 2)),
            i % 2 == 0 ? "high" : "low",
        }).ToArray();
        return new Table("single", ["time", "status", "dose", "grp"], rows);
    }

    /// <summary>15 observations, every one censored.</summary>
    private static Table Censored()
    {
        var rows = Enumerable.Range(0, 15).Select(i => new[] { F(i + 1), "0", F(50 + 5 * i), i % 2 == 0 ? "high" : "low" }).ToArray();
        return new Table("censored", ["time", "status", "dose", "grp"], rows);
    }

    /// <summary>30 observations where every event has x = 1 and outlives nobody with x = 0: x separates.</summary>
    private static Table Separated()
    {
        var rnd = new Random(23);
        var rows = Enumerable.Range(0, 30).Select(i =>
        {
            var x = i < 12 ? 1 : 0;
            var time = x == 1 ? 1 + i : 13 + i;
            var status = x == 1 && i % 3 != 0 ? "1" : "0";
            return new[] { F(time), status, F(x), F(Math.Round(60 + 60 * rnd.NextDouble(), 2)) };
        }).ToArray();
        return new Table("separated", ["time", "status", "x", "dose"], rows);
    }

    /// <summary>n observations of two continuous variables without ties, in two groups.</summary>
    private static Table Small(int n, int seed)
    {
        var rnd = new Random(seed);
        var rows = Enumerable.Range(0, n).Select(i =>
        {
            var x = Math.Round(100 * rnd.NextDouble(), 6);
            return new[] { F(x), F(Math.Round(x / 3 + 30 * rnd.NextDouble(), 6)), i % 2 == 0 ? "a" : "b" };
        }).ToArray();
        return new Table($"small{n}", ["x", "y", "g"], rows);
    }

    /// <summary>1500 observations without ties: the large-sample branches (normal and t approximations).</summary>
    private static Table Large()
    {
        var rnd = new Random(29);
        var rows = Enumerable.Range(0, 1500).Select(i =>
        {
            var x = Math.Round(1000 * rnd.NextDouble(), 9);
            return new[] { F(x), F(Math.Round(x / 50 + 100 * rnd.NextDouble(), 9)), i % 2 == 0 ? "a" : "b" };
        }).ToArray();
        return new Table("large", ["x", "y", "g"], rows);
    }
}
