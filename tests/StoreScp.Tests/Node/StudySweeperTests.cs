using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Hosting;
using VoxDose.StoreScp.Scheduling;
using VoxDose.StoreScp.Tests.Support;

namespace VoxDose.StoreScp.Tests.Node;

/// <summary>The sweeper on a manual clock and a recording scheduler: stuck work is found and rescheduled with backoff.</summary>
public class StudySweeperTests
{
    private static StudySweeper Sweeper(IngestRig rig) => new(rig.Studies, new ComputationRepository(rig.Database, rig.Time),
        new ExportRepository(rig.Database, rig.Time), rig.Events, rig.Assembler, rig.Scheduler, Options.Create(rig.NodeOptions), rig.Time,
        NullLogger<StudySweeper>.Instance);

    [Fact]
    public async Task Assembled_study_without_a_job_is_rescheduled_with_growing_delays_and_audited()
    {
        var rig = await IngestRig.CreateAsync();
        rig.NodeOptions.Processing.SweepSeconds = 60;
        rig.NodeOptions.Processing.RetryDelaysSeconds.AddRange([60, 300]);
        for (var i = 1; i <= 3; i++) await rig.SendAsync(IngestRig.Pet(i)); // assembled; its pipeline timer then "lost"
        rig.Scheduler.Calls.Clear();
        var sweeper = Sweeper(rig);

        Assert.Equal(0, await sweeper.SweepAsync()); // changed state within the last sweep period: left alone
        rig.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(1, await sweeper.SweepAsync());
        Assert.Equal(rig.Time.GetUtcNow(), Assert.Single(rig.Scheduled("pipeline")).At); // first rescue: now

        rig.Time.Advance(TimeSpan.FromSeconds(61));
        rig.Scheduler.Calls.Clear();
        Assert.Equal(1, await sweeper.SweepAsync());
        Assert.Equal(rig.Time.GetUtcNow() + TimeSpan.FromSeconds(60), Assert.Single(rig.Scheduled("pipeline")).At); // then with backoff
        Assert.Equal(2, (await rig.Events.ListAsync(IngestRig.Study)).Count(e => e.Kind == "rescheduled"));
        Assert.Equal(2L, (await rig.Studies.GetAsync(IngestRig.Study))!.Attempts);

        rig.Scheduler.Active.Add($"{JobKind.Pipeline}:{IngestRig.Study}");
        rig.Scheduler.Calls.Clear();
        Assert.Equal(0, await sweeper.SweepAsync()); // a scheduled or running job: nothing to do
        Assert.Empty(rig.Scheduler.Calls);
    }

    [Fact]
    public async Task Failed_study_whose_retry_is_due_is_scheduled_and_one_never_retried_is_left()
    {
        var rig = await IngestRig.CreateAsync();
        for (var i = 1; i <= 3; i++) await rig.SendAsync(IngestRig.Pet(i));
        Assert.True(await rig.Studies.FailAsync(IngestRig.Study, 1, StudyState.Assembled, "disk full", rig.Time.GetUtcNow() + TimeSpan.FromMinutes(5)));
        rig.Scheduler.Calls.Clear();
        var sweeper = Sweeper(rig);
        Assert.Equal(0, await sweeper.SweepAsync());
        rig.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await sweeper.SweepAsync());
        Assert.Equal(("pipeline", IngestRig.Study), (rig.Scheduler.Calls[0].Kind, rig.Scheduler.Calls[0].Key));

        var rig2 = await IngestRig.CreateAsync();
        for (var i = 1; i <= 3; i++) await rig2.SendAsync(IngestRig.Pet(i));
        Assert.True(await rig2.Studies.FailAsync(IngestRig.Study, 1, StudyState.Assembled, "no PET slices", null));
        rig2.Time.Advance(TimeSpan.FromDays(2));
        rig2.Scheduler.Calls.Clear();
        Assert.Equal(0, await Sweeper(rig2).SweepAsync());
    }
}
