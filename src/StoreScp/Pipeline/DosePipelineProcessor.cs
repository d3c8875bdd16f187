using System.Text.Json;
using Microsoft.Extensions.Options;
using VoxDose.Dicom;
using VoxDose.Dosimetry;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Dose;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Pet;
using VoxDose.Dosimetry.Pipeline;
using VoxDose.Dosimetry.Results;
using VoxDose.Reporting;
using VoxDose.Reporting.Model;
using VoxDose.StoreScp.Configuration;
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
        return await Task.Run(async () => await WriteDurablyAsync(Compute(inputs, ct), inputs, outputDirectory, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
    }

    /// <summary>The outputs named by a complete manifest whose files all exist, else null.</summary>
    public static async Task<IReadOnlyList<OutputObject>?> ReadManifestAsync(string outputDirectory, CancellationToken ct)
    {
        var manifest = Path.Combine(outputDirectory, OutputsManifestFile);
        if (!File.Exists(manifest)) return null;
        var outputs = JsonSerializer.Deserialize<List<OutputObject>>(await File.ReadAllBytesAsync(manifest, ct).ConfigureAwait(false));
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
        ResultsJsonWriter.Write(computed.Result, resultsPath, SoftwareVersion.Current);
        // ROI masks rasterised on the dose grid for the images, and the RTSTRUCT each ROI comes from.
        var report = StudyReportAssembler.Build(computed.Result, computed.PetDatasets, SoftwareVersion.Current, time.GetUtcNow(), computed.Pet,
            computed.Masks) with { Revision = RevisionOf(inputs) };
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
            return new Computed(result, result.Pet ?? PetSeriesLoader.Load(datasets), datasets, rtStruct, masks.Masks);
        }
        catch (DoseInputException e)
        {
            throw new InvalidStudyException(e.Message, e);
        }
    }

    private sealed record Computed(DoseStudyResult Result, PetSeries Pet, IReadOnlyList<DicomDataset> PetDatasets, DicomDataset? RtStruct,
        IReadOnlyDictionary<RoiMetrics, RoiMask> Masks);
}
