using Microsoft.Extensions.DependencyInjection;
using Quartz;
using VoxDose.StoreScp.Jobs;
using VoxDose.StoreScp.Scheduling;

namespace VoxDose.StoreScp.Tests.Jobs;

/// <summary>
/// The node's timers on a real Quartz scheduler (in memory, never started, so nothing fires): which triggers a job has
/// after a sequence of schedules, and what its description says (recovery).
/// </summary>
public sealed class QuartzJobSchedulerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddHours(1);
    private ServiceProvider _services = null!;
    private IScheduler _quartz = null!;
    private QuartzJobScheduler _scheduler = null!;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddQuartz(q => q.UseInMemoryStore(_ => { }));
        _services = services.BuildServiceProvider();
        var factory = _services.GetRequiredService<ISchedulerFactory>();
        _quartz = await factory.GetScheduler();
        _scheduler = new QuartzJobScheduler(factory);
    }

    public async Task DisposeAsync()
    {
        await _quartz.Shutdown(false);
        await _services.DisposeAsync();
    }

    private async Task<List<DateTimeOffset>> PendingAsync(JobKind kind, string key) =>
        [.. (await _quartz.GetTriggersOfJob(new JobKey(key, QuartzJobScheduler.GroupOf(kind)))).Select(t => t.NextFireTimeUtc!.Value).Order()];

    [Fact]
    public async Task A_later_schedule_never_replaces_a_trigger_already_due_sooner()
    {
        // Was: ScheduleJob(..., Replace = true) with one trigger per key: the last schedule won, so a pipeline due now
        // (an association closed) was pushed to a later fallback time by a schedule that came second.
        await _scheduler.SchedulePipelineAsync("1.2.3", T0);
        await _scheduler.SchedulePipelineAsync("1.2.3", T0.AddMinutes(5));
        Assert.Equal([T0], await PendingAsync(JobKind.Pipeline, "1.2.3"));
        await _scheduler.SchedulePipelineAsync("1.2.3", T0);
        Assert.Equal([T0], await PendingAsync(JobKind.Pipeline, "1.2.3"));

        await _scheduler.ScheduleSeriesCheckAsync("1.2.3.4", T0.AddSeconds(30));
        await _scheduler.ScheduleSeriesCheckAsync("1.2.3.4", T0.AddSeconds(60));
        Assert.Equal([T0.AddSeconds(30)], await PendingAsync(JobKind.SeriesCheck, "1.2.3.4"));
    }

    [Fact]
    public async Task Armed_means_a_trigger_not_yet_fired_due_by_the_given_time()
    {
        // The arrival path of a study without a Y-90 PET skips its reads and its schedule when the check is already due
        // before the end of the new quiet period; it must not skip when the only trigger is due later, or for another key.
        Assert.False(await _scheduler.IsArmedAsync(JobKind.Pipeline, "1.2.3", T0));
        await _scheduler.SchedulePipelineAsync("1.2.3", T0);
        Assert.True(await _scheduler.IsArmedAsync(JobKind.Pipeline, "1.2.3", T0));
        Assert.True(await _scheduler.IsArmedAsync(JobKind.Pipeline, "1.2.3", T0.AddSeconds(30)));
        Assert.False(await _scheduler.IsArmedAsync(JobKind.Pipeline, "1.2.3", T0.AddSeconds(-1)));
        Assert.False(await _scheduler.IsArmedAsync(JobKind.Pipeline, "1.2.3.9", T0.AddSeconds(30)));
        Assert.False(await _scheduler.IsArmedAsync(JobKind.SeriesCheck, "1.2.3", T0.AddSeconds(30)));
    }

    [Fact]
    public async Task A_sooner_schedule_moves_the_job_earlier_and_leaves_one_trigger()
    {
        await _scheduler.ScheduleExportAsync("pacs", T0.AddMinutes(10));
        await _scheduler.ScheduleExportAsync("pacs", T0.AddMinutes(2));
        await _scheduler.ScheduleExportAsync("pacs", T0);
        Assert.Equal([T0], await PendingAsync(JobKind.Export, "pacs"));
        Assert.True(await _scheduler.IsActiveAsync(JobKind.Export, "pacs"));
        Assert.False(await _scheduler.IsActiveAsync(JobKind.Export, "other"));
        Assert.False(await _scheduler.IsActiveAsync(JobKind.Pipeline, "pacs"));
    }

    [Fact]
    public async Task Every_job_requests_recovery_and_carries_only_its_key_as_a_string()
    {
        // Was: jobs without RequestRecovery(): Quartz's cluster recovery dropped the job a killed node was running.
        await _scheduler.ScheduleSeriesCheckAsync("1.2.3.4", T0);
        await _scheduler.SchedulePipelineAsync("1.2.3", T0);
        await _scheduler.ScheduleExportAsync("pacs", T0);
        foreach (var (kind, key) in new[] { (JobKind.SeriesCheck, "1.2.3.4"), (JobKind.Pipeline, "1.2.3"), (JobKind.Export, "pacs") })
        {
            var job = await _quartz.GetJobDetail(new JobKey(key, QuartzJobScheduler.GroupOf(kind)));
            Assert.NotNull(job);
            Assert.True(job.RequestsRecovery, $"{kind} must request recovery");
            Assert.False(job.Durable);
            var entry = Assert.Single(job.JobDataMap);
            Assert.Equal((QuartzJobScheduler.KeyData, (object)key), (entry.Key, entry.Value));
        }
    }
}
