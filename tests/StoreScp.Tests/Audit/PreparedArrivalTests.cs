using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Tests.Support;

namespace VoxDose.StoreScp.Tests.Audit;

/// <summary>
/// SQLite arrivals share one connection with prepared statements (<see cref="PreparedStatements"/>): concurrent arrivals
/// take turns and are all counted, a failed arrival leaves nothing behind and does not break the next one, and the rows
/// the arrival returns (RETURNING) are the rows a fresh read finds.
/// </summary>
public sealed class PreparedArrivalTests
{
    private static readonly ManualTimeProvider Clock = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero));

    private static InstanceArrival Pet(string sop, string sha, string? sopClass = "1.2.840.10008.5.1.4.1.1.128") =>
        new("1.2", "1.2.3", sop, sopClass!, "PT", SeriesRole.Y90Pet, "Y-90 by code", "1.9", 500, sha, 12, "/spool/" + sop, null);

    [Fact]
    public async Task Concurrent_arrivals_on_the_shared_connection_are_all_recorded_and_counted()
    {
        var db = await TestDatabase.CreateSqliteAsync();
        await using var instances = new InstanceRepository(db, Clock);
        await instances.RecordArrivalAsync(Pet("1.2.3.0", "a")); // the shared connection is open before the burst
        var arrivals = Enumerable.Range(1, 64).Select(i => Pet($"1.2.3.{i}", "a"))
            .Concat(Enumerable.Range(1, 8).Select(i => Pet($"1.2.3.{i}", "a")))     // duplicates
            .Concat(Enumerable.Range(9, 4).Select(i => Pet($"1.2.3.{i}", "b")));    // new versions
        // Eight threads released at once, each recording its share back to back: arrivals do overlap.
        var groups = arrivals.Select((a, i) => (a, i)).GroupBy(x => x.i % 8, x => x.a).Select(g => g.ToList()).ToList();
        using var start = new ManualResetEventSlim();
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<ArrivalOutcome>();
        var failures = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var threads = groups.Select(g => new Thread(() =>
        {
            start.Wait();
            foreach (var a in g)
            {
                try { outcomes.Add(instances.RecordArrivalAsync(a).GetAwaiter().GetResult()); }
                catch (Exception e) { failures.Add(e); }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        start.Set();
        threads.ForEach(t => t.Join());

        Assert.Empty(failures);

        Assert.Equal(1 + 64 + 4, (await instances.ForStudyAsync("1.2")).Count);
        Assert.Equal(8, outcomes.Count(o => o.Kind == ArrivalKind.Duplicate));
        Assert.Equal(4, outcomes.Count(o => o.Version == 2));
        var series = (await new StudyRepository(db, Clock).GetSeriesAsync("1.2.3"))!;
        Assert.Equal(1 + 64L, series.ReceivedInstances);
    }

    [Fact]
    public async Task A_failed_arrival_is_rolled_back_and_the_next_one_is_recorded()
    {
        var db = await TestDatabase.CreateSqliteAsync();
        await using var instances = new InstanceRepository(db, Clock);
        await instances.RecordArrivalAsync(Pet("1.2.3.1", "a"));
        // sop_class_uid is NOT NULL: the insert fails inside the arrival's transaction.
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => instances.RecordArrivalAsync(Pet("1.2.3.2", "a", sopClass: null)));
        var outcome = await instances.RecordArrivalAsync(Pet("1.2.3.3", "a"));

        Assert.Equal(["1.2.3.1", "1.2.3.3"], (await instances.ForStudyAsync("1.2")).Select(i => i.SopInstanceUid));
        var read = (await new StudyRepository(db, Clock).GetSeriesAsync("1.2.3"))!;
        Assert.Equal(2L, read.ReceivedInstances);
        Assert.Equal(read, outcome.Series);
    }
}
