using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Assembly;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Pipeline;
using VoxDose.StoreScp.Scheduling;
using VoxDose.StoreScp.Storage;

namespace VoxDose.StoreScp.Hosting;

/// <summary>
/// Finds work the timers lost: a study in an intermediate state with no job scheduled or running for it (an
/// unexpected error in a job, a job dropped by the scheduler, a state set by <c>voxdose studies retry</c> from another
/// process), a Failed study whose retry is due, pending exports whose destination has no job. Each rescue of the same
/// study revision waits longer (Processing:RetryDelaysSeconds) and is audited as an event.
/// </summary>
public sealed class StudySweeper(StudyRepository studies, ComputationRepository computations, ExportRepository exports, EventRepository events,
    StudyAssembler assembler, IJobScheduler scheduler, IOptions<VoxDoseOptions> options, TimeProvider time, ILogger<StudySweeper> logger)
{
    private static readonly TimeSpan StagingSweepInterval = TimeSpan.FromHours(1);
    private DateTimeOffset _stagingSweptAt = DateTimeOffset.MinValue;

    /// <summary>One pass; returns how many studies or destinations it rescheduled.</summary>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        // Work that changed state within one sweep period may not have armed its timer yet: leave it to the next pass.
        var settled = now - TimeSpan.FromSeconds(options.Value.Processing.SweepSeconds);
        var rescued = 0;
        foreach (var study in await studies.NotFinalAsync(ct).ConfigureAwait(false))
        {
            if (study.StateChangedAt > settled || study.LastReceivedAt > settled) continue;
            if (await scheduler.IsActiveAsync(JobKind.Pipeline, study.StudyUid, ct).ConfigureAwait(false)) continue;
            switch (study.State)
            {
                case StudyState.Received:
                    foreach (var series in await studies.SeriesAsync(study.StudyUid, ct).ConfigureAwait(false))
                    {
                        if (!series.Role.Drives() || series.CompletedAt is not null) continue;
                        if (await scheduler.IsActiveAsync(JobKind.SeriesCheck, series.SeriesUid, ct).ConfigureAwait(false)) continue;
                        await assembler.CheckSeriesAsync(series.SeriesUid, ct).ConfigureAwait(false);
                        rescued++;
                    }
                    await assembler.CheckStudyAsync(study.StudyUid, ct).ConfigureAwait(false);
                    break;
                case StudyState.Reported:
                    var computation = await computations.GetAsync(study.StudyUid, study.Revision, ct).ConfigureAwait(false);
                    var pending = computation is null ? [] : (await exports.ForComputationAsync(computation.Id, ct).ConfigureAwait(false))
                        .Where(e => e.Status == ExportRepository.Pending).ToList();
                    if (pending.Count > 0) break; // the destinations' jobs are checked below
                    await RescueAsync(study, ct).ConfigureAwait(false);
                    rescued++;
                    break;
                default:
                    await RescueAsync(study, ct).ConfigureAwait(false);
                    rescued++;
                    break;
            }
        }
        foreach (var study in await studies.RetryDueAsync(now, ct).ConfigureAwait(false))
        {
            if (await scheduler.IsActiveAsync(JobKind.Pipeline, study.StudyUid, ct).ConfigureAwait(false)) continue;
            await scheduler.SchedulePipelineAsync(study.StudyUid, now, ct).ConfigureAwait(false);
            rescued++;
        }
        foreach (var destination in await exports.DestinationsWithPendingAsync(ct).ConfigureAwait(false))
        {
            // Re-armed at the earliest due export unless already due sooner (voxdose exports retry makes exports due now).
            var active = await scheduler.IsActiveAsync(JobKind.Export, destination, ct).ConfigureAwait(false);
            var due = await exports.NextDueAsync(destination, ct).ConfigureAwait(false) ?? now;
            await scheduler.ScheduleExportAsync(destination, due, ct).ConfigureAwait(false);
            if (active) continue;
            HostLog.RescuedExports(logger, destination, due);
            rescued++;
        }
        // Staging folders of computations that never published (a node killed mid-computation) are garbage once old;
        // looked for once an hour, not at every pass (it lists every study's results folder).
        if (now - _stagingSweptAt < StagingSweepInterval) return rescued;
        _stagingSweptAt = now;
        var abandoned = ResultDirectory.SweepAbandoned(Path.Combine(Path.GetFullPath(options.Value.Storage.Root), "results"),
            (now - ResultDirectory.AbandonedAfter).UtcDateTime);
        if (abandoned > 0) HostLog.AbandonedStagingDeleted(logger, abandoned, ResultDirectory.AbandonedAfter.TotalHours);
        return rescued;
    }

    private async Task RescueAsync(StudyRecord study, CancellationToken ct)
    {
        var rescues = await studies.CountAttemptAsync(study.StudyUid, study.Revision, ct).ConfigureAwait(false);
        var at = time.GetUtcNow() + StudyRetrySchedule.From(options.Value.Processing).Delay(rescues - 1);
        HostLog.Rescued(logger, study.StudyUid, study.State, at);
        await events.AddAsync("sweeper", "rescheduled", study.StudyUid,
            $"revision {study.Revision} in state {study.State.ToText()} had no job; scheduled at {AuditTime.Format(at)} (attempt {rescues})", ct).ConfigureAwait(false);
        await scheduler.SchedulePipelineAsync(study.StudyUid, at, ct).ConfigureAwait(false);
    }
}
