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
    /// <summary>
    /// When this node started listening. Time the node was down is not silence from the sender: after a restart the
    /// quiet period counts from the start, so a sender resuming its transfer is not cut off (regression: a study
    /// killed at 81 of 200 instances was computed on 81 when the quiet period had passed during the restart).
    /// </summary>
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    private TimeSpan Quiet => TimeSpan.FromSeconds(options.Value.Processing.SeriesQuietSeconds);

    public async Task OnArrivalAsync(InstanceArrival arrival, ArrivalOutcome outcome, CancellationToken ct = default)
    {
        if (arrival.Role == SeriesRole.Ignored && outcome.Kind == ArrivalKind.NewInstance)
        {
            var series = outcome.Series ?? await studies.GetSeriesAsync(arrival.SeriesUid, ct).ConfigureAwait(false);
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
        if (arrival.Role == SeriesRole.RtStruct && !outcome.RevisionBumped && outcome.StudyState == StudyState.Assembled)
            await scheduler.SchedulePipelineAsync(arrival.StudyUid, time.GetUtcNow(), ct).ConfigureAwait(false); // the contours it may wait for
        if (arrival.Role.Drives())
            await CheckSeriesAsync(arrival.SeriesUid, outcome.Series, ct).ConfigureAwait(false);
        else if (outcome.StudyState == StudyState.Received
            // The study's check is already due before the end of this arrival's quiet period: it will read this arrival
            // (committed) when it runs, and re-arm itself then; nothing to read or schedule now.
            && !await scheduler.IsArmedAsync(JobKind.Pipeline, arrival.StudyUid, time.GetUtcNow() + Quiet, ct).ConfigureAwait(false))
            await CheckStudyAsync(arrival.StudyUid, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A study still Received with no Y-90 PET series at all ends Ignored, with its reason, once the quiet period has
    /// passed since its last arrival; before that, the check is (re-)armed. A study with a Y-90 PET series is left to
    /// that series' completion. Called on arrival, by the pipeline job, and by the sweeper.
    /// </summary>
    public async Task CheckStudyAsync(string studyUid, CancellationToken ct = default)
    {
        var study = await studies.GetAsync(studyUid, ct).ConfigureAwait(false);
        if (study is not { State: StudyState.Received }) return;
        var series = await studies.SeriesAsync(studyUid, ct).ConfigureAwait(false);
        if (series.Any(s => s.Role.Drives())) return;
        var now = time.GetUtcNow();
        var lastActivity = study.LastReceivedAt > _startedAt ? study.LastReceivedAt : _startedAt;
        if (now - lastActivity < Quiet)
        {
            await scheduler.SchedulePipelineAsync(studyUid, lastActivity + Quiet, ct).ConfigureAwait(false);
            return;
        }
        var reason = IgnoreReason(series);
        if (await studies.IgnoreAsync(studyUid, study.LastReceivedAt, reason, ct).ConfigureAwait(false))
        {
            AssemblyLog.StudyIgnored(logger, studyUid, reason);
            await events.AddAsync("assembly", "study-ignored", studyUid, reason, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Why a study without a Y-90 PET series is not processed, in words a user acts on.</summary>
    public static string IgnoreReason(IReadOnlyList<SeriesRecord> series)
    {
        var pet = series.FirstOrDefault(s => s.Role == SeriesRole.Ignored && s.Modality == "PT");
        if (pet is not null) return $"no Y-90 PET: {pet.Reason ?? "the PET is not Y-90"}";
        if (series.Count > 0 && series.All(s => s.Role == SeriesRole.Ct)) return "no Y-90 PET: CT only";
        var received = series.Select(s => s.Role == SeriesRole.Ignored ? s.Modality : s.Role == SeriesRole.RtStruct ? "RTSTRUCT" : s.Modality)
            .Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return $"no Y-90 PET (received: {string.Join(", ", received)})";
    }

    /// <summary>Completes the series if the rule says so, otherwise (re-)arms its timer. Called on arrival, by the timer, and at start.</summary>
    public Task CheckSeriesAsync(string seriesUid, CancellationToken ct = default) => CheckSeriesAsync(seriesUid, null, ct);

    /// <param name="written">On arrival: the series row as the arrival's committed transaction returned it (not read again).
    /// A later arrival may have moved it on since; its own check judges that, and completing is conditional on
    /// last_received_at (<see cref="StudyRepository.CompleteSeriesAsync"/>), so a stale row can only arm a check too early.</param>
    private async Task CheckSeriesAsync(string seriesUid, SeriesRecord? written, CancellationToken ct)
    {
        var series = written ?? await studies.GetSeriesAsync(seriesUid, ct).ConfigureAwait(false);
        if (series is null || series.CompletedAt is not null) return;
        var now = time.GetUtcNow();
        var lastActivity = series.LastReceivedAt > _startedAt ? series.LastReceivedAt : _startedAt;
        if (!SeriesCompletionRule.IsComplete(series.ExpectedInstances, series.ReceivedInstances, lastActivity, now, Quiet))
        {
            await scheduler.ScheduleSeriesCheckAsync(seriesUid,
                SeriesCompletionRule.CheckAt(series.ExpectedInstances, series.ReceivedInstances, lastActivity, now, Quiet), ct).ConfigureAwait(false);
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
