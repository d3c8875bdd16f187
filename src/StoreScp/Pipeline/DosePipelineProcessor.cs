using System.Text.Json;
using Microsoft.Extensions.Options;
using VoxDose.Dicom;
using VoxDose.Dosimetry;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Dose;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Pet;
using VoxDose.Dosimetry.Pipeline;
using VoxDose.Dosimetry.Planning;
using VoxDose.Dosimetry.Results;
using VoxDose.Reporting;
using VoxDose.Reporting.Model;
using VoxDose.StoreScp.Configuration;
using VoxDose.StoreScp.Planning;
using VoxDose.StoreScp.Storage;

namespace VoxDose.StoreScp.Pipeline;

/// <summary>
/// The node's dose pipeline: the offline pipeline (<see cref="OfflineDosePipeline"/>: PET loading, dose map, structure
/// sets, ROI metrics) on the spooled files, results.json and the report writers (RT Dose, SR, PDF as Encapsulated PDF), all
/// written durably before the study is marked Computed. Nothing is kept in memory between the stages: the report stage
/// reads what is on disk, so a restart, or a second node, resumes without computing the dose again.
/// </summary>
public sealed class DosePipelineProcessor(IOptions<VoxDoseOptions> options, TimeProvider time, Storage.DiskWatermark? watermark = null) : IStudyProcessor
{
    /// <summary>The report objects of a computed revision, written (fsync, rename) after them: the Computed boundary on disk.</summary>
    public const string OutputsManifestFile = "outputs.json";

    public const string ResultsFile = "results.json";

    /// <summary>
    /// Computes the dose and writes, durably, everything the later stages need: results.json and the report objects
    /// (the RT Dose is the dose map), each fsynced, then the manifest naming them (temporary file, fsync, rename). The
    /// PET and the volumes go out of scope here: nothing is kept in memory for the next stage.
    /// </summary>
    public Task<ComputeOutcome> ComputeAsync(StudyInputs inputs, string outputDirectory, CancellationToken ct) =>
        Task.Run(async () =>
        {
            var outcome = await ComputeAndWriteAsync(inputs, outputDirectory, ct).ConfigureAwait(false);
            // The study's PET, volumes and dose grids (hundreds of MB on the large-object heap) are garbage now: give
            // the memory back to the system at once instead of holding it until some later study (bench/node/memory.sh).
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return outcome;
        }, ct);

    private async Task<ComputeOutcome> ComputeAndWriteAsync(StudyInputs inputs, string outputDirectory, CancellationToken ct)
    {
        if (inputs.IsPlan) return await PlanAndWriteAsync(inputs, outputDirectory, ct).ConfigureAwait(false);
        var computed = Compute(inputs, ct);
        await WriteDurablyAsync(computed, inputs, outputDirectory, ct).ConfigureAwait(false);
        var dose = computed.Result.DoseMap!;
        var parameters = JsonSerializer.Serialize(new
        {
            dose.Options.Method,
            dose.Options.ResampleSpacingMm,
            dose.DensityGPerCm3,
            dose.MeanBetaEnergyMeV,
            HalfLifeS = dose.Y90.HalfLifeUsedS,
            dose.Y90.HalfLifeSource,
            DecayCorrection = dose.Decay.Mode.ToString(),
            Y90 = dose.Y90.Summary,
        });
        return new ComputeOutcome(dose.Method.ToString().ToLowerInvariant(), dose.KernelDescription, parameters,
            await File.ReadAllTextAsync(Path.Combine(outputDirectory, ResultsFile), ct).ConfigureAwait(false));
    }

    /// <summary>
    /// The report objects of the computed revision, read from its manifest (no recomputation, whichever process
    /// computed it). A revision computed by a version that kept results in memory has no manifest: computed again.
    /// </summary>
    public async Task<IReadOnlyList<OutputObject>> WriteReportsAsync(StudyInputs inputs, string outputDirectory, CancellationToken ct)
    {
        var stored = await ReadManifestAsync(outputDirectory, ct).ConfigureAwait(false);
        if (stored is not null) return stored;
        if (inputs.IsPlan)
        {
            await Task.Run(async () => await PlanAndWriteAsync(inputs, outputDirectory, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            return (await ReadManifestAsync(outputDirectory, ct).ConfigureAwait(false))!;
        }
        return await Task.Run(async () => await WriteDurablyAsync(Compute(inputs, ct), inputs, outputDirectory, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    /// <summary>The outputs named by a complete manifest whose files all exist, else null.</summary>
    public static async Task<IReadOnlyList<OutputObject>?> ReadManifestAsync(string outputDirectory, CancellationToken ct)
    {
        var manifest = Path.Combine(outputDirectory, OutputsManifestFile);
        if (!File.Exists(manifest)) return null;
        var outputs = JsonSerializer.Deserialize<List<OutputObject>>(await File.ReadAllBytesAsync(manifest, ct).ConfigureAwait(false));
        // Paths are taken relative to the folder the manifest is in: written in a staging folder, read after the rename.
        outputs = outputs?.Select(o => o with { Path = Path.Combine(outputDirectory, Path.GetFileName(o.Path)) }).ToList();
        return outputs is { Count: > 0 } && outputs.All(o => File.Exists(o.Path)) ? outputs : null;
    }

    /// <summary>Revision N of the study's reports, superseding the SR of the latest reported earlier revision (if it is still on disk).</summary>
    public static ReportRevision RevisionOf(StudyInputs inputs)
    {
        SopInstanceReference? predecessor = null;
        if (inputs.PredecessorSrPath is { } path && File.Exists(path))
        {
            var sr = DicomFile.Open(path).Dataset;
            predecessor = new SopInstanceReference(sr.GetString(DicomTag.StudyInstanceUID) ?? inputs.StudyUid, sr.GetString(DicomTag.SeriesInstanceUID) ?? "",
                sr.GetString(DicomTag.SOPClassUID) ?? "", sr.GetString(DicomTag.SOPInstanceUID) ?? "");
        }
        return new ReportRevision((int)inputs.Revision, predecessor, inputs.PredecessorRevision is { } r ? (int)r : null);
    }

    private async Task<IReadOnlyList<OutputObject>> WriteDurablyAsync(Computed computed, StudyInputs inputs, string outputDirectory, CancellationToken ct)
    {
        // The one watermark (Storage:MinFreeMegabytes): below it an IOException, so the study fails and is retried.
        watermark?.EnsureRoom("results and reports");
        VoxDose.Dicom.IO.PrivateFiles.CreateDirectory(outputDirectory); // 0700: the writers below use their own file modes
        var resultsPath = Path.Combine(outputDirectory, ResultsFile);
        ResultsJsonWriter.Write(computed.Result, resultsPath, SoftwareVersion.Current, computed.PlanLink);
        // ROI masks rasterised on the dose grid for the images, and the RTSTRUCT each ROI comes from.
        var report = StudyReportAssembler.Build(computed.Result, computed.PetDatasets, SoftwareVersion.Current, time.GetUtcNow(), computed.Pet,
            computed.Masks) with { Revision = RevisionOf(inputs), PlannedVersusDelivered = computed.PlanLink };
        var written = ReportWriter.WriteAll(report, outputDirectory, options.Value.Processing.RtDoseBitsAllocated);
        foreach (var path in new[] { resultsPath, written.RtDosePath, written.SrPath, written.PdfPath, written.EncapsulatedPdfPath, written.SecondaryCapturePath })
            DurableFile.Sync(path);
        VoxDose.Dicom.IO.PrivateFiles.RestrictTree(outputDirectory); // patient data at rest: 0600 whatever the umask
        IReadOnlyList<OutputObject> outputs =
        [
            new OutputObject("RtDose", written.RtDosePath, written.RtDose.SopInstanceUid),
            new OutputObject("Sr", written.SrPath, written.Sr.SopInstanceUid),
            new OutputObject("Pdf", written.EncapsulatedPdfPath, written.EncapsulatedPdf.SopInstanceUid),
            // The fused secondary capture: written always, sent where Processing:Outputs or a destination's Objects name "Sc".
            new OutputObject("Sc", written.SecondaryCapturePath, written.SecondaryCapture.SopInstanceUid),
        ];
        await DurableFile.WriteAllBytesAsync(Path.Combine(outputDirectory, OutputsManifestFile), JsonSerializer.SerializeToUtf8Bytes(outputs), ct).ConfigureAwait(false);
        return outputs;
    }

    private Computed Compute(StudyInputs inputs, CancellationToken ct)
    {
        if (inputs.PetFiles.Count == 0) throw new InvalidStudyException("no complete Y-90 PET series in the study");
        var datasets = new List<DicomDataset>(inputs.PetFiles.Count);
        foreach (var file in inputs.PetFiles)
        {
            ct.ThrowIfCancellationRequested();
            try { datasets.Add(DicomFile.Open(file).Dataset); }
            catch (Exception e) when (e is DicomDataException or IOException or InvalidDataException or EndOfStreamException)
            {
                throw new InvalidStudyException($"a PET instance cannot be read ({e.Message})", e);
            }
        }
        var structureSets = new List<StructureSet>();
        DicomDataset? rtStruct = null;
        if (inputs.RtStructFile is not null)
        {
            try
            {
                rtStruct = DicomFile.Open(inputs.RtStructFile).Dataset;
                structureSets.Add(RtStructReader.Read(rtStruct, inputs.RtStructFile));
            }
            catch (Exception e) when (e is InvalidDataException or DicomDataException or IOException)
            {
                throw new InvalidStudyException($"the RTSTRUCT cannot be read ({e.Message})", e);
            }
        }
        // The same settings, made the same way, as voxdose dose computes with (a reprocess may choose the method).
        var settings = DosimetrySettings.From(options.Value, methodOverride: inputs.Method);
        try
        {
            var masks = new RoiMaskCollector();
            // The CT series of the study: the pipeline keeps the one in the PET's frame of reference and records why any other is not used.
            var result = settings.CreatePipeline().Run(datasets, structureSets, settings.Dose, maskSink: masks.Sink, ctFiles: inputs.CtFiles);
            return new Computed(result, result.Pet ?? PetSeriesLoader.Load(datasets), datasets, rtStruct, masks.Masks, CompareWithPlan(inputs.Plan, result));
        }
        catch (DoseInputException e)
        {
            throw new InvalidStudyException(e.Message, e);
        }
    }

    private sealed record Computed(DoseStudyResult Result, PetSeries Pet, IReadOnlyList<DicomDataset> PetDatasets, DicomDataset? RtStruct,
        IReadOnlyDictionary<RoiMetrics, RoiMask> Masks, PlanLinkReport? PlanLink);

    /// <summary>
    /// TDp of the linked plan beside this study's TDv per lesion, matched by normalised ROI name (the dose verb's
    /// <see cref="PlannedVersusDelivered"/>); without a linked plan, the section says why. Null: no plan lookup was made.
    /// </summary>
    private static PlanLinkReport? CompareWithPlan(PlanLink? link, DoseStudyResult result)
    {
        if (link is null) return null;
        if (link.PlanJsonPath is not { } path) return new PlanLinkReport(link.Statement, null, null, null, link.VoxelComparison);
        try
        {
            var comparison = PlannedVersusDelivered.Compare(PlannedVersusDelivered.LesionsFromPlanJson(path), result.Rois.Rois);
            var report = new PlanLinkReport(link.Statement, link.PlanStudyUid, link.PlanStudyDate, comparison, link.VoxelComparison);
            return CompareVoxels(link, result, report);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return new PlanLinkReport($"{link.Statement} Its plan.json cannot be read ({e.Message}): no per-lesion comparison.",
                link.PlanStudyUid, link.PlanStudyDate, null, link.VoxelComparison);
        }
    }

    /// <summary>
    /// The seam of the voxel-wise comparison: the plan's predicted map, mapped through the Spatial Registration the link
    /// found (identity in a shared frame), against this study's dose map (<see cref="VoxelDoseComparison"/>). Anything
    /// unreadable leaves the comparison per lesion only, and the statement says why.
    /// </summary>
    private static PlanLinkReport CompareVoxels(PlanLink link, DoseStudyResult result, PlanLinkReport report)
    {
        if (link.PredictedDosePath is not { } predictedPath) return report;
        var sameFrame = link.PlanFrameOfReferenceUid is not null && link.PlanFrameOfReferenceUid == link.PetFrameOfReferenceUid;
        if (link.RegistrationFile is null && !sameFrame) return report;
        try
        {
            string? registrationUid = null;
            var transform = AffineTransform.Identity;
            if (link.RegistrationFile is { } file)
            {
                var registration = DicomFile.Open(file).Dataset;
                registrationUid = registration.GetString(DicomTag.SOPInstanceUID);
                transform = SpatialRegistration.TransformBetween(registration, link.PlanFrameOfReferenceUid!, link.PetFrameOfReferenceUid!)
                    ?? throw new InvalidDataException("the registration no longer relates the two frames of reference");
            }
            var predicted = VoxDose.Dosimetry.IO.MetaImageReader.Read(predictedPath);
            var voxels = VoxelDoseComparison.Compare(predicted, result.DoseGy, transform);
            if (voxels.VoxelsCompared == 0)
                return report with { VoxelComparison = "not performed: the registered predicted dose map does not overlap this study's dose above the threshold; per lesion only" };
            return report with { Voxel = voxels, RegistrationSopInstanceUid = registrationUid };
        }
        catch (Exception e) when (e is IOException or InvalidDataException or DicomDataException or EndOfStreamException)
        {
            return report with { VoxelComparison = $"not performed: {e.Message}; per lesion only" };
        }
    }

    /// <summary>
    /// An MAA study: the plan as <c>voxdose plan</c> computes it (<see cref="MaaPlanRunner"/>, with VoxDose:Planning and the
    /// Dosimetry limits), written durably: plan.json, plan.pdf, the predicted dose as RT Dose and the PDF as Encapsulated
    /// PDF, then the manifest naming the two objects the destinations get.
    /// </summary>
    private async Task<ComputeOutcome> PlanAndWriteAsync(StudyInputs inputs, string outputDirectory, CancellationToken ct)
    {
        watermark?.EnsureRoom("plan and plan report");
        var planning = DosimetrySettings.Planning(options.Value);
        MaaPlanRun run;
        try
        {
            var scan = new PlanInputs([new PlanNmSeries("", true, inputs.SpectFiles!)], inputs.RtStructFile is { } rt ? [rt] : [], []);
            run = MaaPlanRunner.Run(scan, planning, outputDirectory, time.GetUtcNow(), encapsulatePdf: true, options.Value.Processing.RtDoseBitsAllocated);
        }
        catch (DoseInputException e)
        {
            throw new InvalidStudyException(e.Message, e);
        }
        catch (Exception e) when (e is DicomDataException or InvalidDataException or EndOfStreamException)
        {
            throw new InvalidStudyException($"the MAA SPECT cannot be read ({e.Message})", e);
        }
        foreach (var path in run.Written.Select(f => Path.Combine(outputDirectory, f)))
            DurableFile.Sync(path);
        var outputs = new List<OutputObject>();
        if (run.RtDosePath is { } rtDosePath) outputs.Add(new OutputObject("RtDose", rtDosePath, SopInstanceUidOf(rtDosePath)));
        outputs.Add(new OutputObject("Pdf", run.EncapsulatedPdfPath!, SopInstanceUidOf(run.EncapsulatedPdfPath!)));
        await DurableFile.WriteAllBytesAsync(Path.Combine(outputDirectory, OutputsManifestFile), JsonSerializer.SerializeToUtf8Bytes(outputs), ct).ConfigureAwait(false);
        var parameters = JsonSerializer.Serialize(new
        {
            planning.TargetTumourGy,
            planning.AdministeredActivityMBq,
            planning.LungShuntFraction,
            Microspheres = planning.Decision.Microspheres.ToString(),
            run.Plan.LungShuntSource,
        });
        return new ComputeOutcome("plan", run.Plan.KernelDescription ?? "", parameters, await File.ReadAllTextAsync(run.PlanJsonPath, ct).ConfigureAwait(false));
    }

    private static string SopInstanceUidOf(string path) =>
        DicomFile.Open(path, new DicomReadOptions { StopBeforePixelData = true }).Dataset.GetString(DicomTag.SOPInstanceUID) ?? "";
}
