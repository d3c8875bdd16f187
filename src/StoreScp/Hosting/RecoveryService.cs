using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VoxDose.StoreScp.Assembly;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Scheduling;

namespace VoxDose.StoreScp.Hosting;

/// <summary>
/// At start, re-arms every study not in a final state from the audit database (the source of truth): incomplete
/// Y-90 PET series get their quiet-period timer back, assembled/computed/reported studies their pipeline job, and
/// destinations with pending exports their export job. Timers lost in a crash (kill -9 included) are thus rebuilt.
/// In a cluster the timers live in the shared Quartz store: work another node holds (a job scheduled or running, a dead
/// node's job being recovered) is left to it, so a node starting never re-runs or moves another node's work.
/// </summary>
public sealed class RecoveryService(StudyRepository studies, ExportRepository exports, StudyAssembler assembler, IJobScheduler scheduler,
    TimeProvider time, ILogger<RecoveryService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var pending = await studies.NotFinalAsync(cancellationToken).ConfigureAwait(false);
        if (pending.Count > 0) HostLog.Resuming(logger, pending.Count);
        foreach (var study in pending)
        {
            if (await scheduler.IsActiveAsync(JobKind.Pipeline, study.StudyUid, cancellationToken).ConfigureAwait(false)) continue;
            HostLog.ResumingStudy(logger, study.StudyUid, study.State, study.Revision);
            if (study.State == StudyState.Received)
            {
                await assembler.CheckStudyAsync(study.StudyUid, cancellationToken).ConfigureAwait(false);
                foreach (var series in await studies.SeriesAsync(study.StudyUid, cancellationToken).ConfigureAwait(false))
                {
                    if (series.Role.Drives() && series.CompletedAt is null
                        && !await scheduler.IsActiveAsync(JobKind.SeriesCheck, series.SeriesUid, cancellationToken).ConfigureAwait(false))
                        await assembler.CheckSeriesAsync(series.SeriesUid, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                await scheduler.SchedulePipelineAsync(study.StudyUid, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }
        }
        // Failed studies with a retry scheduled get their timer back (a due one fires now).
        foreach (var study in await studies.RetryDueAsync(DateTimeOffset.MaxValue, cancellationToken).ConfigureAwait(false))
            if (!await scheduler.IsActiveAsync(JobKind.Pipeline, study.StudyUid, cancellationToken).ConfigureAwait(false))
                await scheduler.SchedulePipelineAsync(study.StudyUid, study.RetryAt!.Value, cancellationToken).ConfigureAwait(false);
        foreach (var destination in await exports.DestinationsWithPendingAsync(cancellationToken).ConfigureAwait(false))
            if (!await scheduler.IsActiveAsync(JobKind.Export, destination, cancellationToken).ConfigureAwait(false))
                await scheduler.ScheduleExportAsync(destination, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
