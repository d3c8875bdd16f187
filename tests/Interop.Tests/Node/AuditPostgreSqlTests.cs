using VoxDose.StoreScp.Audit;

namespace VoxDose.Interop.Tests.Node;

/// <summary>The audit schema and every repository statement on a real PostgreSQL (the same SQL as on SQLite).</summary>
public class AuditPostgreSqlTests
{
    [Fact]
    public async Task PostgreSql_audit_round_trips_arrivals_state_computations_and_exports()
    {
        using var server = PostgreSqlServer.Start();
        var database = new AuditDatabase(new PostgreSqlDialect(server.ConnectionString));
        await database.EnsureSchemaAsync();
        await database.EnsureSchemaAsync(); // idempotent at every start
        var time = TimeProvider.System;
        var instances = new InstanceRepository(database, time);
        var studies = new StudyRepository(database, time);
        var computations = new ComputationRepository(database, time);
        var exports = new ExportRepository(database, time);
        var associations = new AssociationRepository(database, time);
        var events = new EventRepository(database, time);

        var association = await associations.OpenedAsync("ORTHANC", "VOXDOSE", "127.0.0.1:1234");
        InstanceArrival Pet(int i, string sha) => new("1.2.3", "1.2.3.1", $"1.2.3.1.{i}", "1.2.840.10008.5.1.4.1.1.128", "PT",
            SeriesRole.Y90Pet, "Y-90 by code", "1.2.3.9", 2, sha, 100, $"/spool/{i}", association);
        Assert.Equal(ArrivalKind.NewInstance, (await instances.RecordArrivalAsync(Pet(1, "a"))).Kind);
        Assert.Equal(ArrivalKind.Duplicate, (await instances.RecordArrivalAsync(Pet(1, "a"))).Kind);
        Assert.Equal(ArrivalKind.NewInstance, (await instances.RecordArrivalAsync(Pet(2, "b"))).Kind);
        var series = (await studies.GetSeriesAsync("1.2.3.1"))!;
        Assert.Equal((2L, 2L), (series.ReceivedInstances, series.ExpectedInstances));
        Assert.True(await studies.CompleteSeriesAsync("1.2.3.1", series.LastReceivedAt));
        Assert.Equal(StudyState.Assembled, (await studies.GetAsync("1.2.3"))!.State);

        var id = await computations.StartAsync("1.2.3", 1, "vsv", "kernel", "{}", "test", "{}");
        Assert.Equal(id, await computations.StartAsync("1.2.3", 1, "vsv", "kernel", "{}", "test", "{}"));
        await computations.FinishAsync(id, "{\"rois\":[{\"name\":\"L1\",\"meanGy\":99.5}]}", "/r");
        Assert.True(await studies.TransitionAsync("1.2.3", 1, StudyState.Assembled, StudyState.Computed));
        await using (var c = await database.OpenAsync())
        await using (var tx = await c.BeginTransactionAsync())
        {
            Assert.True(await studies.TransitionAsync(c, tx, "1.2.3", 1, StudyState.Computed, StudyState.Reported, null, default));
            await computations.SetOutputsAsync(c, tx, id, "[]");
            await exports.EnqueueAsync(c, tx, id, "1.2.3", "pacs", "Sr", "1.2.3.99", "/r/sr.dcm");
            await exports.EnqueueAsync(c, tx, id, "1.2.3", "pacs", "Sr", "1.2.3.99", "/r/sr.dcm");
            await tx.CommitAsync();
        }
        var due = Assert.Single(await exports.DueAsync("pacs", time.GetUtcNow().AddSeconds(1), 10));
        await exports.RecordAttemptAsync(due.Id, false, null, "refused", time.GetUtcNow().AddMinutes(1));
        await exports.RecordAttemptAsync(due.Id, true, 0, null, null);
        Assert.Equal(["failure", "success"], (await exports.AttemptsAsync(due.Id)).Select(a => a.Status));
        Assert.Empty(await exports.DestinationsWithPendingAsync());
        await associations.ClosedAsync(association, "released", 2, 0);
        Assert.Equal(2L, Assert.Single(await associations.ForStudyAsync("1.2.3")).InstancesReceived);
        await events.AddAsync("test", "kind", "1.2.3", "detail");
        Assert.Single(await events.ListAsync("1.2.3"));
        Assert.Single(await studies.NotFinalAsync());
        Assert.Equal(99.5, Assert.Single(VoxDose.StoreScp.Audit.ResultsSummary.MeanDoses((await computations.GetAsync("1.2.3", 1))!.Results)).MeanGy);
    }
}
