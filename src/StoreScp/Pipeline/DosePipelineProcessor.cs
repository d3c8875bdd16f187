using System.Collections.Concurrent;
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

namespace VoxDose.StoreScp.Pipeline;

/// <summary>
/// The node's dose pipeline: the offline pipeline (<see cref="OfflineDosePipeline"/>: PET loading, dose map, structure
/// sets, ROI metrics) on the spooled files, results.json, then the report writers (RT Dose, SR, PDF as Encapsulated PDF).
/// The computed result is kept in memory between the two stages; after a restart between them it is computed again.
/// </summary>
public sealed class DosePipelineProcessor(IOptions<VoxDoseOptions> options, TimeProvider time) : IStudyProcessor
{
    private readonly ConcurrentDictionary<(string Study, long Revision), Computed> _computed = new();

    public Task<ComputeOutcome> ComputeAsync(StudyInputs inputs, string outputDirectory, CancellationToken ct) =>
        Task.Run(() =>
        {
            var computed = Compute(inputs, ct);
            _computed[(inputs.StudyUid, inputs.Revision)] = computed;
            Directory.CreateDirectory(outputDirectory);
            var resultsPath = Path.Combine(outputDirectory, "results.json");
            ResultsJsonWriter.Write(computed.Result, resultsPath, SoftwareVersion.Current);
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
            return new ComputeOutcome(dose.Method.ToString().ToLowerInvariant(), dose.KernelDescription, parameters, File.ReadAllText(resultsPath));
        }, ct);

    public Task<IReadOnlyList<OutputObject>> WriteReportsAsync(StudyInputs inputs, string outputDirectory, CancellationToken ct) =>
        Task.Run<IReadOnlyList<OutputObject>>(() =>
        {
            if (!_computed.TryRemove((inputs.StudyUid, inputs.Revision), out var computed)) computed = Compute(inputs, ct);
            // ROI masks rasterised on the dose grid for the images, and the RTSTRUCT each ROI comes from.
            var report = StudyReportAssembler.Build(computed.Result, computed.PetDatasets, SoftwareVersion.Current, time.GetUtcNow(), computed.Pet,
                computed.Masks);
            var written = ReportWriter.WriteAll(report, outputDirectory, options.Value.Processing.RtDoseBitsAllocated);
            return
            [
                new OutputObject("RtDose", written.RtDosePath, written.RtDose.SopInstanceUid),
                new OutputObject("Sr", written.SrPath, written.Sr.SopInstanceUid),
                new OutputObject("Pdf", written.EncapsulatedPdfPath, written.EncapsulatedPdf.SopInstanceUid),
                // The fused secondary capture: written always, sent where Processing:Outputs or a destination's Objects name "Sc".
                new OutputObject("Sc", written.SecondaryCapturePath, written.SecondaryCapture.SopInstanceUid),
            ];
        }, ct);

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
        var processing = options.Value.Processing;
        var dosimetry = options.Value.Dosimetry;
        var doseOptions = new DoseOptions
        {
            Method = processing.Method == DoseMethodOption.Ldm ? DoseMethod.Ldm : DoseMethod.Vsv,
            ResampleSpacingMm = processing.DoseGridMm,
        };
        var metrics = new MetricsOptions
        {
            Decision = new DecisionOptions
            {
                LesionMeanCutoffGy = dosimetry.TumourCutoffGy,
                NormalLiverLimitResinGy = dosimetry.NormalLiverLimitGy,
                LungLimitPerSessionGy = dosimetry.LungLimitGy,
                SmallLesionDiameterMm = dosimetry.SmallLesionDiameterMm,
            },
        };
        try
        {
            var masks = new RoiMaskCollector();
            var result = new OfflineDosePipeline(new RoiAnalyzer(metrics)).Run(datasets, structureSets, doseOptions, maskSink: masks.Sink);
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
