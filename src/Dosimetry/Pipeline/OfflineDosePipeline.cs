using VoxDose.Dicom;
using VoxDose.Dosimetry.Accuracy;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Ct;
using VoxDose.Dosimetry.Diagnostics;
using VoxDose.Dosimetry.Dose;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Pet;
using VoxDose.Dosimetry.Results;

namespace VoxDose.Dosimetry.Pipeline;

/// <summary>
/// The whole offline dosimetry on files: finds the PET series and the RTSTRUCTs among the inputs, computes the dose
/// map (with the density of the PET/CT's CT when one is offered), applies the structure sets (or the perfused region) and computes the ROI metrics. The CLI verb
/// <c>voxdose dose</c> and the node run this same class; report outputs (RT Dose, SR, PDF) are added from its result.
/// </summary>
/// <param name="calibration">HU to density for the CT (<c>Dosimetry:HuToDensity</c>); null: the documented default.</param>
public sealed class OfflineDosePipeline(RoiAnalyzer analyzer, HuDensityCalibration? calibration = null)
{
    public OfflineDosePipeline() : this(new RoiAnalyzer()) { }

    private readonly HuDensityCalibration _calibration = calibration ?? new HuDensityCalibration();

    /// <exception cref="DoseInputException">No usable PET series, or the PET is unusable (the message names the attribute).</exception>
    /// <param name="maskSink">Receives each region's partial-volume mask with its metrics (see <see cref="RoiAnalyzer.Analyze"/>).</param>
    public DoseStudyResult Run(DosePipelineRequest request, Action<Results.RoiMetrics, RoiMask>? maskSink = null)
    {
        var readStage = StageProfile.Measure("read");
        var scan = DicomInputScanner.Scan(request.Inputs);
        var notes = new List<string>(scan.Notes);
        var pet = ChoosePetSeries(scan, request.SeriesInstanceUid, notes);

        var datasets = new List<DicomDataset>(pet.Files.Count);
        foreach (var file in pet.Files)
        {
            try { datasets.Add(DicomFile.Open(file).Dataset); }
            catch (Exception e) when (e is DicomDataException or IOException or InvalidDataException or EndOfStreamException)
            {
                throw new DoseInputException($"{file}: the PET image cannot be read ({e.Message}).", e);
            }
        }
        var structureSets = new List<StructureSet>();
        var unreadable = new List<StructureSetMatch>();
        var rtstructFiles = scan.StructureSetFiles.Concat(request.StructureSetFiles.Select(Path.GetFullPath)).Distinct(StringComparer.Ordinal);
        foreach (var file in rtstructFiles)
        {
            try
            {
                var set = scan.StructureSetDatasets.TryGetValue(file, out var parsed) ? RtStructReader.Read(parsed, file) : RtStructReader.Read(file);
                structureSets.Add(set);
                notes.AddRange(set.Notes.Select(n => $"{Path.GetFileName(file)}: {n}"));
            }
            catch (Exception e) when (e is InvalidDataException or DicomDataException or IOException)
            {
                unreadable.Add(new StructureSetMatch(new StructureSet { Source = file }, false, $"The RTSTRUCT cannot be read: {e.Message}", [], []));
            }
        }

        var ctFiles = scan.CtFiles.ToList();
        if (request.CtInputs.Count > 0)
        {
            var named = DicomInputScanner.Scan(request.CtInputs).CtFiles;
            if (named.Count == 0) throw new DoseInputException($"No CT image (CT Image Storage) was found in {string.Join(", ", request.CtInputs)}.");
            ctFiles.AddRange(named.Where(f => !ctFiles.Contains(f, StringComparer.Ordinal)));
        }

        readStage.Dispose();
        var result = Run(datasets, structureSets, request.Dose, notes, maskSink, ctFiles, ctRequired: request.CtInputs.Count > 0);
        return result with { Rois = result.Rois with { StructureSets = [.. result.Rois.StructureSets, .. unreadable] } };
    }

    /// <summary>
    /// The pipeline on data already in memory (e.g. the node's received instances): the datasets of one PET series
    /// and the structure sets offered with it.
    /// </summary>
    /// <param name="ctFiles">CT image files of the study (any series): the one in the PET's frame of reference gives the density.</param>
    /// <param name="ctRequired">The user named the CT: fail when it cannot be used, rather than assume soft tissue.</param>
    /// <exception cref="DoseInputException">The PET is unusable (the message names the attribute), or a required CT is.</exception>
    public DoseStudyResult Run(IReadOnlyList<DicomDataset> petDatasets, IReadOnlyList<StructureSet> structureSets, DoseOptions dose,
        IEnumerable<string>? notes = null, Action<Results.RoiMetrics, RoiMask>? maskSink = null, IReadOnlyList<string>? ctFiles = null, bool ctRequired = false)
    {
        PetSeries series;
        using (StageProfile.Measure("activity")) series = PetSeriesLoader.Load(petDatasets);
        var ctNotes = new List<string>();
        CtDensity ct;
        using (StageProfile.Measure("ct")) ct = CtDensityBuilder.Build(ctFiles ?? [], series.ActivityBqPerMl, _calibration, ctRequired, ctNotes);
        ctNotes.AddRange(ct.Provenance.CtNotUsed.Select(r => "CT not used: " + r));
        var doseMap = DoseCalculator.Compute(series, dose, ct.Map);
        var lungMasks = new List<(RoiMetrics Metrics, RoiMask Mask)>();
        void Sink(RoiMetrics metrics, RoiMask mask)
        {
            if (metrics.Role == RoiRole.Lung) lungMasks.Add((metrics, mask));
            maskSink?.Invoke(metrics, mask);
        }
        var analysis = analyzer.Analyze(doseMap.DoseGy, series.ActivityBqPerMl, structureSets, Sink, AccuracyInputs(series, doseMap, analyzer.Options));
        LungDosimetry? lung = null;
        if (lungMasks.Count > 0)
            using (StageProfile.Measure("metrics"))
                lung = LungDosimetryCalculator.Compute(lungMasks, analysis.StructureSets, ActivityAtInjection.From(series).ConcentrationBqPerMl,
                    doseMap.TotalActivityAtInjectionMBq, doseMap.ActivityScaling?.Factor ?? 1.0, ct);
        return new DoseStudyResult
        {
            StudyInstanceUid = petDatasets[0].GetString(DicomTag.StudyInstanceUID),
            PetSeriesInstanceUid = series.SeriesInstanceUid,
            Method = doseMap.Method,
            TotalActivityMBq = doseMap.TotalActivityAtInjectionMBq,
            DoseGy = doseMap.DoseGy,
            DoseMap = doseMap,
            PetHeader = HeaderOnly(petDatasets[0]),
            Pet = series,
            PetDatasets = petDatasets,
            Rois = analysis,
            MetricsOptions = analyzer.Options,
            Flags = StudyQaFlags.Evaluate(doseMap, series.Header.RadionuclideTotalDoseBq, analyzer.Options.Decision),
            Notes = [.. notes ?? [], .. ctNotes, .. doseMap.Notes],
            DensitySource = ct.Provenance,
            Lung = lung,
        };
    }

    /// <summary>The study's resolution (by scanner model) and timing for the lesion accuracy figures.</summary>
    private static StudyAccuracyInputs AccuracyInputs(PetSeries series, Results.DoseMapResult doseMap, MetricsOptions options)
    {
        var (fwhmMm, source) = options.PartialVolume.ResolutionFor(series.Header.ManufacturerModelName);
        var interval = doseMap.Decay.InjectionToAcquisitionS;
        return new StudyAccuracyInputs(fwhmMm, source, interval >= 0 ? interval : null, doseMap.Y90.HalfLifeUsedS, doseMap.ActivityScaling is not null);
    }

    private static PetSeriesFiles ChoosePetSeries(DicomInputSet scan, string? seriesUid, List<string> notes)
    {
        if (scan.PetSeries.Count == 0)
            throw new DoseInputException("No PET image (Modality PT, PET Image Storage) was found among the inputs.");
        if (seriesUid is not null)
            return scan.PetSeries.FirstOrDefault(s => s.SeriesInstanceUid == seriesUid)
                ?? throw new DoseInputException($"PET series {seriesUid} is not among the inputs (found: {string.Join(", ", scan.PetSeries.Select(s => s.SeriesInstanceUid))}).");
        var chosen = scan.PetSeries[0];
        if (scan.PetSeries.Count > 1)
            notes.Add($"{scan.PetSeries.Count} PET series found; used {chosen.SeriesInstanceUid} ({chosen.Files.Count} images), ignored "
                + string.Join(", ", scan.PetSeries.Skip(1).Select(s => $"{s.SeriesInstanceUid} ({s.Files.Count})")));
        return chosen;
    }

    /// <summary>A copy of the first PET image's data set without its pixel data (patient, study and geometry attributes for the reports).</summary>
    private static DicomDataset HeaderOnly(DicomDataset dataset)
    {
        var copy = dataset.Clone();
        copy.Remove(DicomTag.PixelData);
        return copy;
    }
}
