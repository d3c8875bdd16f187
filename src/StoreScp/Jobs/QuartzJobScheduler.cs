using Quartz;
using VoxDose.StoreScp.Assembly;
using VoxDose.StoreScp.Export;
using VoxDose.StoreScp.Pipeline;
using VoxDose.StoreScp.Scheduling;

namespace VoxDose.StoreScp.Jobs;

/// <summary>Quartz.NET implementation: one job per series check, per study pipeline, per destination export, keyed by its UID or name.</summary>
public sealed class QuartzJobScheduler(ISchedulerFactory factory) : IJobScheduler
{
    public const string KeyData = "key";

    public Task ScheduleSeriesCheckAsync(string seriesUid, DateTimeOffset at, CancellationToken ct = default) =>
        ReplaceAsync<SeriesCheckJob>("series-check", seriesUid, at, ct);

    public Task SchedulePipelineAsync(string studyUid, DateTimeOffset at, CancellationToken ct = default) =>
        ReplaceAsync<PipelineJob>("pipeline", studyUid, at, ct);

    public async Task ScheduleExportAsync(string destination, DateTimeOffset at, CancellationToken ct = default)
    {
        var scheduler = await factory.GetScheduler(ct).ConfigureAwait(false);
        var existing = await scheduler.GetTrigger(new TriggerKey(destination, "export"), ct).ConfigureAwait(false);
        var next = existing?.NextFireTimeUtc;
        if (next is not null && next <= at) return;
        await ReplaceAsync<ExportJob>("export", destination, at, ct).ConfigureAwait(false);
    }

    public async Task<bool> IsActiveAsync(JobKind kind, string key, CancellationToken ct = default)
    {
        var group = kind switch { JobKind.SeriesCheck => "series-check", JobKind.Pipeline => "pipeline", _ => "export" };
        var scheduler = await factory.GetScheduler(ct).ConfigureAwait(false);
        // Jobs are not durable: the job exists while it has a trigger or is running, and is deleted after its last run.
        return await scheduler.Exists(new JobKey(key, group), ct).ConfigureAwait(false);
    }

    private async Task ReplaceAsync<TJob>(string group, string key, DateTimeOffset at, CancellationToken ct) where TJob : IJob
    {
        var scheduler = await factory.GetScheduler(ct).ConfigureAwait(false);
        var job = JobBuilder.Create<TJob>().WithIdentity(key, group).UsingJobData(KeyData, key).Build();
        var trigger = TriggerBuilder.Create().WithIdentity(key, group).ForJob(job).StartAt(at).Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, ct).ConfigureAwait(false);
    }
}
