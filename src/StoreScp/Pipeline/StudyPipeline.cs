using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoxDose.StoreScp.Assembly;
using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Planning;
using VoxDose.StoreScp.Scheduling;
using VoxDose.StoreScp.Storage;
using VoxDose.StoreScp.Telemetry;

namespace VoxDose.StoreScp.Pipeline;

/// <summary>
/// Moves one study through Assembled → Computed → Reported → (exports queued) → Exported (or NotExported when there is
/// nowhere to send), persisting each step, so a
/// restart at any point resumes from the last saved state. Transitions are conditional on the revision: if new
/// input arrives while computing, the stale result is recorded but not reported, and the new revision is computed.
/// </summary>
public sealed class StudyPipeline(StudyRepository studies, InstanceRepository instances, ComputationRepository computations,
    ExportRepository exports, EventRepository events, AuditDatabase database, IStudyProcessor processor, IJobScheduler scheduler,
    ActiveTransfers transfers, StudyAssembler assembler, NodeMeter meter, IOptions<VoxDoseOptions> options, TimeProvider time, ILogger<StudyPipeline> logger,
    PlanRepository plans, PlanLinker planLinker)
{
    public async Task RunAsync(string studyUid, CancellationToken ct)
    {
        for (var step = 0; step < 16; step++)
        {
            var study = await studies.GetAsync(studyUid, ct).ConfigureAwait(false);
            if (study is null) return;
            if (study.State == StudyState.Assembled && await WaitForTransferAsync(study, ct).ConfigureAwait(false)) return;
            if (study.State == StudyState.Assembled && await WaitForRtStructAsync(study, ct).ConfigureAwait(false)) return;
            var advanced = study.State switch
            {
                StudyState.Received => await CheckReceivedAsync(study, ct).ConfigureAwait(false),
                StudyState.Failed => await RetryIfDueAsync(study, ct).ConfigureAwait(false),
                StudyState.Assembled => await ComputeAsync(study, ct).ConfigureAwait(false),
                StudyState.Computed => await ReportAsync(study, ct).ConfigureAwait(false),
                StudyState.Reported => await QueueExportsAsync(study, ct).ConfigureAwait(false),
                _ => false,
            };
            if (!advanced) return;
        }
    }

    /// <summary>
    /// True when an open association (on any node of a cluster) is still delivering this study (its RTSTRUCT may be on the way): the computation
    /// waits for that association to close (which schedules this job again), at most one quiet period after assembly.
    /// </summary>
    private async Task<bool> WaitForTransferAsync(StudyRecord study, CancellationToken ct)
    {
        if (!await transfers.IsReceivingAsync(study.StudyUid, ct).ConfigureAwait(false)) return false;
        var latest = study.StateChangedAt + TimeSpan.FromSeconds(options.Value.Processing.SeriesQuietSeconds);
        if (time.GetUtcNow() >= latest) return false;
        await scheduler.SchedulePipelineAsync(study.StudyUid, latest, ct).ConfigureAwait(false);
        // The association may have closed (and scheduled this job for now) between the first check and the line above,
        // whose trigger then replaced that one: look again, so the study never waits for the fallback needlessly.
        if (!await transfers.IsReceivingAsync(study.StudyUid, ct).ConfigureAwait(false)) return false;
        PipelineLog.WaitingForTransfer(logger, study.StudyUid);
        return true;
    }

    /// <summary>
    /// Processing:RtStructGraceSeconds: the first revision of a study without an RTSTRUCT waits that long after
    /// assembly for its contours (an arriving RTSTRUCT schedules this job at once).
    /// </summary>
    private async Task<bool> WaitForRtStructAsync(StudyRecord study, CancellationToken ct)
    {
        var grace = TimeSpan.FromSeconds(options.Value.Processing.RtStructGraceSeconds);
        if (grace <= TimeSpan.Zero || study.Revision > 1) return false;
        var latest = study.StateChangedAt + grace;
        if (time.GetUtcNow() >= latest) return false;
        if ((await studies.SeriesAsync(study.StudyUid, ct).ConfigureAwait(false)).Any(s => s.Role == SeriesRole.RtStruct)) return false;
        await scheduler.SchedulePipelineAsync(study.StudyUid, latest, ct).ConfigureAwait(false);
        PipelineLog.WaitingForRtStruct(logger, study.StudyUid, latest);
        return true;
    }

    private async Task<bool> ComputeAsync(StudyRecord study, CancellationToken ct)
    {
        var inputs = await GatherInputsAsync(study, ct).ConfigureAwait(false);
        var outputDir = OutputDirectory(study);
        var staging = ResultDirectory.StagingFor(outputDir);
        PipelineLog.Computing(logger, study.StudyUid, study.Revision, inputs.PetFiles.Count, inputs.RtStructFile is not null);
        var processing = options.Value.Processing;
        var computationId = await computations.StartAsync(study.StudyUid, study.Revision, (inputs.Method ?? processing.Method).ToString().ToLowerInvariant(),
            "", JsonSerializer.Serialize(new { processing.DoseGridMm, processing.Method, options.Value.Dosimetry }),
            SoftwareVersion.Current, JsonSerializer.Serialize(inputs), ct).ConfigureAwait(false);
        var watch = Stopwatch.StartNew();
        try
        {
            // Written beside the results folder and renamed into place: whole or not at all, even with two nodes on one storage root.
            var outcome = await processor.ComputeAsync(inputs, staging, ct).ConfigureAwait(false);
            if (!ResultDirectory.Publish(staging, outputDir, d => File.Exists(Path.Combine(d, DosePipelineProcessor.OutputsManifestFile)))
                && File.Exists(Path.Combine(outputDir, DosePipelineProcessor.ResultsFile)))
                outcome = outcome with { ResultsJson = await File.ReadAllTextAsync(Path.Combine(outputDir, DosePipelineProcessor.ResultsFile), ct).ConfigureAwait(false) };
            await using (var c = await database.OpenAsync(ct).ConfigureAwait(false))
            {
                await c.ExecuteAsync(null, "UPDATE computations SET method = @m, kernel = @k, parameters = @p WHERE id = @id", ct,
                    ("@m", outcome.Method), ("@k", outcome.Kernel), ("@p", outcome.ParametersJson), ("@id", computationId)).ConfigureAwait(false);
            }
            await computations.FinishAsync(computationId, outcome.ResultsJson, outputDir, ct).ConfigureAwait(false);
            await RecordPlanningAsync(study, inputs, outputDir, outcome, ct).ConfigureAwait(false);
            // The lesion registry (docs/outcomes.md): this revision's lesions and figures, from the results just written
            // (a Y-90 study's; an MAA study's plan.json is not delivered dose).
            if (!inputs.IsPlan)
                await Outcomes.RegistryRecorder.RecordAsync(database, time, events, logger, study, inputs.PetFiles.Count > 0 ? inputs.PetFiles[0] : null, computationId,
                    outcome.ResultsJson, ct).ConfigureAwait(false);
        }
        catch (InvalidStudyException invalid)
        {
            meter.Computations.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            await FailAsync(study, computationId, invalid.Message, ct).ConfigureAwait(false);
            return false;
        }
        catch (Exception e) when (IsTransient(e))
        {
            meter.Computations.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
            await computations.FailAsync(computationId, e.Message, ct).ConfigureAwait(false);
            await FailTransientAsync(study, $"computing: {e.Message}", ct).ConfigureAwait(false);
            return false;
        }
        finally
        {
            ResultDirectory.Discard(staging); // gone already when published
        }
        meter.Computations.Add(1, new KeyValuePair<string, object?>("outcome", "computed"));
        meter.ComputationDuration.Record(watch.Elapsed.TotalSeconds);
        PipelineLog.Computed(logger, study.StudyUid, study.Revision, watch.ElapsedMilliseconds);
        if (await studies.TransitionAsync(study.StudyUid, study.Revision, StudyState.Assembled, StudyState.Computed, ct: ct).ConfigureAwait(false))
            return true;
        PipelineLog.Superseded(logger, study.StudyUid, study.Revision);
        return true;
    }

    /// <summary>
    /// An MAA study: its plan joins the patient's plans (table plans). A Y-90 study: which plan it linked, or why none,
    /// and the lesion match (table plan_links). Both audited (events planned, plan-linked, plan-not-linked).
    /// </summary>
    private async Task RecordPlanningAsync(StudyRecord study, StudyInputs inputs, string outputDir, ComputeOutcome outcome, CancellationToken ct)
    {
        if (inputs.IsPlan)
        {
            var key = PatientKey.Read(inputs.SpectFiles![0]);
            var planJson = Path.Combine(outputDir, MaaPlanRunner.PlanJsonFile);
            var lesions = Dosimetry.Planning.PlannedVersusDelivered.LesionsFromPlanJson(planJson);
            var series = await studies.SeriesAsync(study.StudyUid, ct).ConfigureAwait(false);
            var frameOfReference = series.Where(s => s.Role == SeriesRole.MaaSpect).Select(s => s.FrameOfReferenceUid).FirstOrDefault(f => f is not null);
            await plans.RecordAsync(study.StudyUid, study.Revision, key.PatientId, key.IssuerOfPatientId, key.StudyDate, planJson, frameOfReference,
                JsonSerializer.Serialize(lesions.Select(l => new { name = l.Name, tdpGy = l.PartitionDoseGy })), ct).ConfigureAwait(false);
            var detail = $"revision {study.Revision}: plan computed ({lesions.Count} lesion(s) with TDp: "
                + string.Join(", ", lesions.Select(l => $"{l.Name} {(l.PartitionDoseGy is { } d ? d.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " Gy" : "none")}"))
                + "); kept for the patient's Y-90 study";
            await events.AddAsync("pipeline", "planned", study.StudyUid, detail, ct).ConfigureAwait(false);
            PipelineLog.Planned(logger, study.StudyUid, study.Revision, lesions.Count);
            return;
        }
        if (inputs.Plan is not { } link) return;
        string? match = null;
        using (var results = JsonDocument.Parse(outcome.ResultsJson))
        {
            if (results.RootElement.TryGetProperty("plannedVersusDelivered", out var section)) match = section.GetRawText();
        }
        await plans.RecordLinkAsync(study.StudyUid, study.Revision, link.PlanId, link.Statement, match, ct).ConfigureAwait(false);
        await events.AddAsync("pipeline", link.PlanId is null ? "plan-not-linked" : "plan-linked", study.StudyUid, $"revision {study.Revision}: {link.Statement}", ct)
            .ConfigureAwait(false);
        PipelineLog.PlanLink(logger, study.StudyUid, study.Revision, link.PlanId is not null);
    }

    private async Task<bool> ReportAsync(StudyRecord study, CancellationToken ct)
    {
        var computation = await computations.GetAsync(study.StudyUid, study.Revision, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Study {study.StudyUid} is computed but has no computation row for revision {study.Revision}.");
        var inputs = await GatherInputsAsync(study, ct).ConfigureAwait(false);
        IReadOnlyList<OutputObject> outputs;
        try
        {
            outputs = await processor.WriteReportsAsync(inputs, OutputDirectory(study), ct).ConfigureAwait(false);
        }
        catch (InvalidStudyException invalid)
        {
            await FailAsync(study, computation.Id, invalid.Message, ct).ConfigureAwait(false);
            return false;
        }
        catch (Exception e) when (IsTransient(e))
        {
            // The computation stays 'computed' (its results are on disk): the retry resumes here, without recomputing.
            await FailTransientAsync(study, $"writing reports: {e.Message}", ct).ConfigureAwait(false);
            return false;
        }
        var wanted = options.Value.Processing.Outputs.Count > 0 ? options.Value.Processing.Outputs : [.. ProcessingOptions.DefaultOutputs];
        var destinations = options.Value.Destinations;
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
        if (!await studies.TransitionAsync(c, tx, study.StudyUid, study.Revision, StudyState.Computed, StudyState.Reported, null, ct).ConfigureAwait(false))
            return true; // superseded: the loop re-reads the new state
        await computations.SetOutputsAsync(c, tx, computation.Id, JsonSerializer.Serialize(outputs), ct).ConfigureAwait(false);
        foreach (var destination in destinations)
        {
            var kinds = destination.Objects.Count > 0 ? destination.Objects : wanted;
            foreach (var output in outputs.Where(o => kinds.Contains(o.Kind, StringComparer.OrdinalIgnoreCase)))
                await exports.EnqueueAsync(c, tx, computation.Id, study.StudyUid, destination.Name, output.Kind, output.SopInstanceUid, output.Path,
                    options.Value.Export.RequireApproval, ct).ConfigureAwait(false);
        }
        if (options.Value.Export.RequireApproval && destinations.Count > 0)
            await events.AddAsync(c, tx, "pipeline", "held-for-approval", study.StudyUid, $"revision {study.Revision}: exports wait for approval in the console", ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        PipelineLog.Reported(logger, study.StudyUid, study.Revision, outputs.Count, destinations.Count);
        return true;
    }

    private async Task<bool> QueueExportsAsync(StudyRecord study, CancellationToken ct)
    {
        var computation = await computations.GetAsync(study.StudyUid, study.Revision, ct).ConfigureAwait(false);
        var rows = computation is null ? [] : await exports.ForComputationAsync(computation.Id, ct).ConfigureAwait(false);
        if (rows.Count == 0)
        {
            // Reports written, nothing to send them to: say so, never "exported".
            var reason = options.Value.Destinations.Count == 0
                ? "no destination configured (VoxDose:Destinations is empty); reports kept in " + OutputDirectory(study)
                : "no configured destination takes the objects written; reports kept in " + OutputDirectory(study);
            if (await studies.EndAsync(study.StudyUid, study.Revision, StudyState.Reported, StudyState.NotExported, reason, ct).ConfigureAwait(false))
            {
                PipelineLog.NotExported(logger, study.StudyUid, study.Revision, reason);
                await events.AddAsync("pipeline", "not-exported", study.StudyUid, $"revision {study.Revision}: {reason}", ct).ConfigureAwait(false);
            }
            return false;
        }
        if (rows.All(r => r.Status == ExportRepository.Sent))
        {
            // Nothing (left) to send: the study is done.
            await studies.TransitionAsync(study.StudyUid, study.Revision, StudyState.Reported, StudyState.Exported, ct: ct).ConfigureAwait(false);
            return false;
        }
        if (rows.Any(r => r.Status == ExportRepository.Failed) && rows.All(r => r.Status != ExportRepository.Pending))
        {
            await studies.TransitionAsync(study.StudyUid, study.Revision, StudyState.Reported, StudyState.Failed,
                "export failed: " + string.Join(", ", rows.Where(r => r.Status == ExportRepository.Failed).Select(r => $"{r.ObjectKind} to {r.Destination}").Distinct()),
                ct).ConfigureAwait(false);
            return false;
        }
        foreach (var destination in rows.Where(r => r.Status == ExportRepository.Pending).Select(r => r.Destination).Distinct())
            await scheduler.ScheduleExportAsync(destination, time.GetUtcNow(), ct).ConfigureAwait(false);
        return false;
    }

    /// <summary>The input is invalid: Failed, not retried automatically (the same input would fail again).</summary>
    private async Task FailAsync(StudyRecord study, long computationId, string reason, CancellationToken ct)
    {
        PipelineLog.Failed(logger, study.StudyUid, study.Revision, reason);
        await computations.FailAsync(computationId, reason, ct).ConfigureAwait(false);
        await studies.FailAsync(study.StudyUid, study.Revision, study.State, reason, null, ct).ConfigureAwait(false);
        await events.AddAsync("pipeline", "failed", study.StudyUid, $"revision {study.Revision}: {reason}; not retried automatically", ct).ConfigureAwait(false);
    }

    /// <summary>Errors that may pass (disk full, a file system error): the study is Failed and retried on the schedule.</summary>
    private static bool IsTransient(Exception e) => e is IOException or UnauthorizedAccessException;

    private async Task FailTransientAsync(StudyRecord study, string error, CancellationToken ct)
    {
        var retryAt = StudyRetrySchedule.From(options.Value.Processing).NextAttempt(study.Attempts + 1, time.GetUtcNow());
        PipelineLog.FailedWillRetry(logger, study.StudyUid, study.Revision, error, retryAt);
        if (!await studies.FailAsync(study.StudyUid, study.Revision, study.State, error, retryAt, ct).ConfigureAwait(false)) return;
        await events.AddAsync("pipeline", "failed", study.StudyUid, $"revision {study.Revision}: {error}; " +
            (retryAt is null ? "retries exhausted, not retried automatically" : $"retry at {AuditTime.Format(retryAt.Value)}"), ct).ConfigureAwait(false);
        if (retryAt is not null)
            await scheduler.SchedulePipelineAsync(study.StudyUid, retryAt.Value, ct).ConfigureAwait(false);
    }

    /// <summary>A Received study: without a Y-90 PET it may be due to end Ignored.</summary>
    private async Task<bool> CheckReceivedAsync(StudyRecord study, CancellationToken ct)
    {
        await assembler.CheckStudyAsync(study.StudyUid, ct).ConfigureAwait(false);
        return false;
    }

    /// <summary>A Failed study whose retry is due resumes where it stopped (see <see cref="StudyResumption"/>).</summary>
    private async Task<bool> RetryIfDueAsync(StudyRecord study, CancellationToken ct)
    {
        if (study.RetryAt is null || study.RetryAt > time.GetUtcNow()) return false;
        var to = await StudyResumption.ResumeAsync(study, studies, computations, exports, false, ct).ConfigureAwait(false);
        if (to is null) return false;
        await events.AddAsync("pipeline", "retry", study.StudyUid, $"revision {study.Revision}: attempt {study.Attempts + 1}, resuming at {to.Value.ToText()}", ct).ConfigureAwait(false);
        return true;
    }

    private string OutputDirectory(StudyRecord study) =>
        Path.Combine(Path.GetFullPath(options.Value.Storage.Root), "results", study.StudyUid, $"r{study.Revision}");

    private async Task<StudyInputs> GatherInputsAsync(StudyRecord study, CancellationToken ct)
    {
        var series = await studies.SeriesAsync(study.StudyUid, ct).ConfigureAwait(false);
        var pet = series.Where(s => s.Role == SeriesRole.Y90Pet && s.CompletedAt is not null).OrderByDescending(s => s.CompletedAt).FirstOrDefault();
        var petFiles = pet is null ? [] : (await instances.LatestOfSeriesAsync(pet.SeriesUid, ct).ConfigureAwait(false)).Select(i => i.Path).ToList();
        // Without a Y-90 PET, a Tc-99m MAA SPECT makes the study a plan (docs/planning.md); its RTSTRUCT is matched the same way.
        var spect = pet is not null ? null
            : series.Where(s => s.Role == SeriesRole.MaaSpect && s.CompletedAt is not null).OrderByDescending(s => s.CompletedAt).FirstOrDefault();
        var spectFiles = spect is null ? null : (await instances.LatestOfSeriesAsync(spect.SeriesUid, ct).ConfigureAwait(false)).Select(i => i.Path).ToList();
        var driving = pet ?? spect;
        string? rtStruct = null;
        var rtSeries = series.Where(s => s.Role == SeriesRole.RtStruct && (driving is null || s.FrameOfReferenceUid is null || s.FrameOfReferenceUid == driving.FrameOfReferenceUid))
            .OrderByDescending(s => s.LastReceivedAt).FirstOrDefault();
        if (rtSeries is not null)
            rtStruct = (await instances.LatestOfSeriesAsync(rtSeries.SeriesUid, ct).ConfigureAwait(false)).OrderByDescending(i => i.ReceivedAt).FirstOrDefault()?.Path;
        // Every CT series of the study: the pipeline keeps the one in the PET's frame of reference and records why the others are not used.
        var ctFiles = new List<string>();
        foreach (var ctSeries in series.Where(s => s.Role == SeriesRole.Ct))
            ctFiles.AddRange((await instances.LatestOfSeriesAsync(ctSeries.SeriesUid, ct).ConfigureAwait(false)).Select(i => i.Path));
        Configuration.DoseMethodOption? method = Enum.TryParse<Configuration.DoseMethodOption>(study.Method, ignoreCase: true, out var m) ? m : null;
        var previous = (await computations.ForStudyAsync(study.StudyUid, ct).ConfigureAwait(false))
            .Where(c => c.Revision < study.Revision && c.Status == "reported" && c.OutputUids is not null).MaxBy(c => c.Revision);
        var predecessorSr = previous is null ? null
            : JsonSerializer.Deserialize<List<OutputObject>>(previous.OutputUids!)?.FirstOrDefault(o => o.Kind == "Sr");
        var plan = petFiles.Count > 0 ? await planLinker.LinkAsync(study.StudyUid, petFiles[0], ct).ConfigureAwait(false) : null;
        return new StudyInputs(study.StudyUid, study.Revision, petFiles, rtStruct, ctFiles, method, predecessorSr?.Path,
            predecessorSr is null ? null : previous!.Revision, spectFiles, plan);
    }
}
