using Quartz;
using VoxDose.StoreScp.Scheduling;

namespace VoxDose.StoreScp.Jobs;

/// <summary>
/// Quartz.NET implementation: one job per series check, per study pipeline, per destination export, keyed by its UID
/// or name. Every job requests recovery: in a cluster, the job a dead node was running is run again by a survivor
/// (the jobs are idempotent: each step is a conditional state transition in the audit database).
/// <para>
/// The earliest time wins, and no trigger is ever replaced: a schedule adds a trigger of its own unless one is already
/// due at or before it, and then removes the ones due later (moving the job earlier). Two nodes scheduling the same
/// job at once can at worst leave two triggers, each of which fires; a trigger due sooner is never overwritten by a
/// later one. The job data is one string (the key), so the persistent store serialises it as is.
/// </para>
/// </summary>
public sealed class QuartzJobScheduler(ISchedulerFactory factory) : IJobScheduler
{
    public const string KeyData = "key";

    public Task ScheduleSeriesCheckAsync(string seriesUid, DateTimeOffset at, CancellationToken ct = default) =>
        ScheduleAsync<SeriesCheckJob>(GroupOf(JobKind.SeriesCheck), seriesUid, at, ct);

    public Task SchedulePipelineAsync(string studyUid, DateTimeOffset at, CancellationToken ct = default) =>
        ScheduleAsync<PipelineJob>(GroupOf(JobKind.Pipeline), studyUid, at, ct);

    public Task ScheduleExportAsync(string destination, DateTimeOffset at, CancellationToken ct = default) =>
        ScheduleAsync<ExportJob>(GroupOf(JobKind.Export), destination, at, ct);

    public async Task<bool> IsActiveAsync(JobKind kind, string key, CancellationToken ct = default)
    {
        var scheduler = await factory.GetScheduler(ct).ConfigureAwait(false);
        // Jobs are not durable: the job exists while it has a trigger (a recovery trigger included) or is running, and
        // is deleted after its last run.
        return await scheduler.Exists(new JobKey(key, GroupOf(kind)), ct).ConfigureAwait(false);
    }

    public async Task<bool> IsArmedAsync(JobKind kind, string key, DateTimeOffset by, CancellationToken ct = default)
    {
        var scheduler = await factory.GetScheduler(ct).ConfigureAwait(false);
        // A running job may have read the database before the caller's commit: only a trigger still to fire counts.
        return (await PendingTriggersAsync(scheduler, new JobKey(key, GroupOf(kind)), ct).ConfigureAwait(false)).Any(t => t.NextFireTimeUtc <= by);
    }

    /// <summary>The job's triggers still to fire (one that has fired, its job running, has no next fire time).</summary>
    private static async Task<List<ITrigger>> PendingTriggersAsync(IScheduler scheduler, JobKey jobKey, CancellationToken ct) =>
        (await scheduler.GetTriggersOfJob(jobKey, ct).ConfigureAwait(false)).Where(t => t.NextFireTimeUtc is not null).ToList();

    /// <summary>The Quartz group of a kind of job (also the job's name space in the clustered store's tables).</summary>
    public static string GroupOf(JobKind kind) => kind switch { JobKind.SeriesCheck => "series-check", JobKind.Pipeline => "pipeline", _ => "export" };

    private async Task ScheduleAsync<TJob>(string group, string key, DateTimeOffset at, CancellationToken ct) where TJob : IJob
    {
        var scheduler = await factory.GetScheduler(ct).ConfigureAwait(false);
        var jobKey = new JobKey(key, group);
        var pending = await PendingTriggersAsync(scheduler, jobKey, ct).ConfigureAwait(false);
        if (pending.Any(t => t.NextFireTimeUtc <= at)) return;
        var job = JobBuilder.Create<TJob>().WithIdentity(jobKey).UsingJobData(KeyData, key).RequestRecovery().Build();
        var trigger = TriggerBuilder.Create().WithIdentity($"{key}|{Guid.NewGuid():N}", group).ForJob(job).StartAt(at).Build();
        // Replace applies to the job's description only (same class, same key, same data): its other triggers stay.
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, ct).ConfigureAwait(false);
        foreach (var later in pending)
            await scheduler.UnscheduleJob(later.Key, ct).ConfigureAwait(false);
    }
}
