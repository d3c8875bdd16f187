using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Scheduling;

namespace VoxDose.StoreScp.Assembly;

/// <summary>
/// Turns arrivals into completed series and assembled studies. A Y-90 PET series completes at Number of Slices or
/// after the quiet period; its completion assembles the study and schedules the pipeline. An RTSTRUCT (or a new
/// PET version) arriving for a study already processed gives it a new revision, which is processed again.
/// </summary>
public sealed class StudyAssembler(StudyRepository studies, EventRepository events, IJobScheduler scheduler,
    IOptions<VoxDoseOptions> options, TimeProvider time, ILogger<StudyAssembler> logger)
{
    private TimeSpan Quiet => TimeSpan.FromSeconds(options.Value.Processing.SeriesQuietSeconds);

    public async Task OnArrivalAsync(InstanceArrival arrival, ArrivalOutcome outcome, CancellationToken ct = default)
    {
        if (arrival.Role == SeriesRole.Ignored && outcome.Kind == ArrivalKind.NewInstance)
        {
            var series = await studies.GetSeriesAsync(arrival.SeriesUid, ct).ConfigureAwait(false);
            if (series?.ReceivedInstances == 1)
            {
                await events.AddAsync("assembly", "ignored", arrival.StudyUid, $"series {arrival.SeriesUid} ignored: {arrival.RoleReason}", ct).ConfigureAwait(false);
            }
        }
        if (outcome.RevisionBumped)
        {
            AssemblyLog.Reprocess(logger, arrival.StudyUid, outcome.StudyRevision);
            await events.AddAsync("assembly", "new-revision", arrival.StudyUid,
                $"revision {outcome.StudyRevision}: new {arrival.Role.ToText()} input {arrival.SopInstanceUid}", ct).ConfigureAwait(false);
            if (outcome.StudyState == StudyState.Assembled)
                await scheduler.SchedulePipelineAsync(arrival.StudyUid, time.GetUtcNow(), ct).ConfigureAwait(false);
        }
        if (arrival.Role == SeriesRole.Y90Pet)
            await CheckSeriesAsync(arrival.SeriesUid, ct).ConfigureAwait(false);
    }

    /// <summary>Completes the series if the rule says so, otherwise (re-)arms its timer. Called on arrival, by the timer, and at start.</summary>
    public async Task CheckSeriesAsync(string seriesUid, CancellationToken ct = default)
    {
        var series = await studies.GetSeriesAsync(seriesUid, ct).ConfigureAwait(false);
        if (series is null || series.CompletedAt is not null) return;
        var now = time.GetUtcNow();
        if (!SeriesCompletionRule.IsComplete(series.ExpectedInstances, series.ReceivedInstances, series.LastReceivedAt, now, Quiet))
        {
            await scheduler.ScheduleSeriesCheckAsync(seriesUid,
                SeriesCompletionRule.CheckAt(series.ExpectedInstances, series.ReceivedInstances, series.LastReceivedAt, now, Quiet), ct).ConfigureAwait(false);
            return;
        }
        AssemblyLog.SeriesComplete(logger, seriesUid, series.ReceivedInstances, series.ExpectedInstances);
        if (await studies.CompleteSeriesAsync(seriesUid, series.LastReceivedAt, ct).ConfigureAwait(false))
        {
            AssemblyLog.StudyAssembled(logger, series.StudyUid);
            await scheduler.SchedulePipelineAsync(series.StudyUid, now, ct).ConfigureAwait(false);
        }
        else
        {
            // Either a later arrival re-armed it (its own check is scheduled) or the study is past Received:
            // a new PET version of a processed study re-opened the series, so move it back to Assembled.
            var study = await studies.GetAsync(series.StudyUid, ct).ConfigureAwait(false);
            if (study?.State == StudyState.Assembled)
                await scheduler.SchedulePipelineAsync(series.StudyUid, now, ct).ConfigureAwait(false);
        }
    }
}
