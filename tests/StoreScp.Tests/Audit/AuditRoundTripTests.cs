using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Tests.Support;

namespace VoxDose.StoreScp.Tests.Audit;

public class AuditRoundTripTests
{
    private static readonly ManualTimeProvider Clock = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero));

    [Fact]
    public async Task Associations_round_trip_with_counts_and_outcome()
    {
        var db = await TestDatabase.CreateSqliteAsync();
        var repo = new AssociationRepository(db, Clock);
        var id = await repo.OpenedAsync("ORTHANC", "VOXDOSE", "127.0.0.1:40000");
        await repo.ClosedAsync(id, "released", stored: 2, failed: 1);
        var instances = new InstanceRepository(db, Clock);
        await instances.RecordArrivalAsync(new InstanceArrival("1.2", "1.2.3", "1.2.3.4", "1.2.840.10008.5.1.4.1.1.128", "PT", SeriesRole.Y90Pet,
            "why", "1.9", 10, "abc", 12, "/x", id));
        var row = Assert.Single(await repo.ForStudyAsync("1.2"));
        Assert.Equal(("ORTHANC", "VOXDOSE", "127.0.0.1:40000", 2L, 1L, "released"),
            (row.CallingAe, row.CalledAe, row.PeerAddress, row.InstancesReceived, row.InstancesFailed, row.Outcome));
        Assert.Equal(Clock.GetUtcNow(), row.StartedAt);
    }

    [Fact]
    public async Task Instances_studies_and_series_round_trip()
    {
        var db = await TestDatabase.CreateSqliteAsync();
        var instances = new InstanceRepository(db, Clock);
        var studies = new StudyRepository(db, Clock);
        var outcome = await instances.RecordArrivalAsync(new InstanceArrival("1.2", "1.2.3", "1.2.3.4", "1.2.840.10008.5.1.4.1.1.128", "PT",
            SeriesRole.Y90Pet, "Y-90 by code", "1.9", 111, "abc", 1234, "/spool/x.dcm", null));
        Assert.Equal((ArrivalKind.NewInstance, 1L), (outcome.Kind, outcome.Version));
        var instance = Assert.Single(await instances.ForStudyAsync("1.2"));
        Assert.Equal(("1.2.3.4", "abc", 1234L, "/spool/x.dcm", Clock.GetUtcNow()), (instance.SopInstanceUid, instance.Sha256, instance.SizeBytes, instance.Path, instance.ReceivedAt));
        var series = (await studies.GetSeriesAsync("1.2.3"))!;
        Assert.Equal((SeriesRole.Y90Pet, 111L, 1L, "1.9", "PT"), (series.Role, series.ExpectedInstances, series.ReceivedInstances, series.FrameOfReferenceUid, series.Modality));
        var study = (await studies.GetAsync("1.2"))!;
        Assert.Equal((StudyState.Received, 1L), (study.State, study.Revision));
        Assert.Single(await studies.NotFinalAsync());
    }

    [Fact]
    public async Task Computations_keep_inputs_method_kernel_parameters_version_results_and_outputs()
    {
        var db = await TestDatabase.CreateSqliteAsync();
        var repo = new ComputationRepository(db, Clock);
        var id = await repo.StartAsync("1.2", 1, "vsv", "Lanconelli 2012 3 mm", "{\"gridMm\":3}", "0.1.0", "{\"pet\":[]}");
        // A restart of the same revision (crash mid-computation) reuses the row.
        Assert.Equal(id, await repo.StartAsync("1.2", 1, "vsv", "Lanconelli 2012 3 mm", "{\"gridMm\":3}", "0.1.0", "{\"pet\":[]}"));
        await repo.FinishAsync(id, "{\"lesions\":[{\"name\":\"L1\",\"meanGy\":120.5}]}", "/results/1.2/r1");
        await using (var c = await db.OpenAsync())
        await using (var tx = await c.BeginTransactionAsync())
        {
            await repo.SetOutputsAsync(c, tx, id, "[\"1.2.9\"]");
            await tx.CommitAsync();
        }
        var row = (await repo.GetAsync("1.2", 1))!;
        Assert.Equal(("reported", "vsv", "Lanconelli 2012 3 mm", "{\"gridMm\":3}", "0.1.0", "{\"pet\":[]}", "[\"1.2.9\"]", "/results/1.2/r1"),
            (row.Status, row.Method, row.Kernel, row.Parameters, row.SoftwareVersion, row.Inputs, row.OutputUids, row.OutputDir));
        Assert.Equal(120.5, Assert.Single(VoxDose.StoreScp.Audit.ResultsSummary.MeanDoses(row.Results)).MeanGy);
    }

    [Fact]
    public async Task Exports_are_queued_once_and_every_attempt_is_kept()
    {
        var db = await TestDatabase.CreateSqliteAsync();
        var repo = new ExportRepository(db, Clock);
        await using (var c = await db.OpenAsync())
        await using (var tx = await c.BeginTransactionAsync())
        {
            await repo.EnqueueAsync(c, tx, 7, "1.2", "pacs", "Sr", "1.2.9", "/r/sr.dcm");
            await repo.EnqueueAsync(c, tx, 7, "1.2", "pacs", "Sr", "1.2.9", "/r/sr.dcm"); // replay after a crash: no duplicate
            await tx.CommitAsync();
        }
        var due = Assert.Single(await repo.DueAsync("pacs", Clock.GetUtcNow(), 10));
        await repo.RecordAttemptAsync(due.Id, false, null, "connection refused", Clock.GetUtcNow().AddSeconds(30));
        Assert.Empty(await repo.DueAsync("pacs", Clock.GetUtcNow(), 10));
        Assert.Equal(Clock.GetUtcNow().AddSeconds(30), await repo.NextDueAsync("pacs"));
        await repo.RecordAttemptAsync(due.Id, true, 0, null, null);
        var row = Assert.Single(await repo.ForStudyAsync("1.2"));
        Assert.Equal((ExportRepository.Sent, 2L), (row.Status, row.Attempts));
        var attempts = await repo.AttemptsAsync(row.Id);
        Assert.Equal(["failure", "success"], attempts.Select(a => a.Status));
        Assert.Equal("connection refused", attempts[0].Error);
        Assert.Equal(0, attempts[1].DicomStatus);
        Assert.Null(await repo.NextDueAsync("pacs"));
    }

    [Fact]
    public async Task Rows_that_record_work_name_the_node_that_did_it()
    {
        // Schema version 8: computations, export attempts, events and associations carry the writing node's id.
        var db = await TestDatabase.CreateSqliteAsync("pet-node-2:11112");
        var association = await new AssociationRepository(db, Clock).OpenedAsync("ORTHANC", "VOXDOSE", "127.0.0.1:40000");
        var computation = await new ComputationRepository(db, Clock).StartAsync("1.2", 1, "vsv", "k", "{}", "0.1.0", "{}");
        var events = new EventRepository(db, Clock);
        await events.AddAsync("sweeper", "rescheduled", "1.2", "detail");
        var exports = new ExportRepository(db, Clock);
        await using (var c = await db.OpenAsync())
        await using (var tx = await c.BeginTransactionAsync())
        {
            await exports.EnqueueAsync(c, tx, computation, "1.2", "pacs", "Sr", "1.2.9", "/r/sr.dcm");
            await tx.CommitAsync();
        }
        var export = Assert.Single(await exports.ForStudyAsync("1.2"));
        await exports.RecordAttemptAsync(export.Id, true, 0, null, null);

        Assert.Equal("pet-node-2:11112", (await new ComputationRepository(db, Clock).GetAsync("1.2", 1))!.Node);
        Assert.Equal("pet-node-2:11112", Assert.Single(await exports.AttemptsAsync(export.Id)).Node);
        Assert.Equal("pet-node-2:11112", Assert.Single(await events.ListAsync("1.2")).Node);
        await new InstanceRepository(db, Clock).RecordArrivalAsync(new InstanceArrival("1.2", "1.2.3", "1.2.3.4", "1.2.840.10008.5.1.4.1.1.128", "PT",
            SeriesRole.Y90Pet, "why", "1.9", 10, "abc", 12, "/x", association));
        Assert.Equal("pet-node-2:11112", Assert.Single(await new AssociationRepository(db, Clock).ForStudyAsync("1.2")).Node);
    }

    [Fact]
    public async Task Times_keep_millisecond_precision_and_sort_as_text()
    {
        var t = new DateTimeOffset(2026, 12, 31, 23, 59, 59, 999, TimeSpan.FromHours(2));
        Assert.Equal("2026-12-31T21:59:59.999Z", AuditTime.Format(t));
        Assert.Equal(t, AuditTime.Parse(AuditTime.Format(t)));
        Assert.True(string.CompareOrdinal(AuditTime.Format(t), AuditTime.Format(t.AddMilliseconds(1))) < 0);
        await Task.CompletedTask;
    }
}
