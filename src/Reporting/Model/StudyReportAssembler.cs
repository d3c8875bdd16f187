using VoxDose.Dicom;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Pet;
using VoxDose.Dosimetry.Pipeline;
using VoxDose.Dosimetry.Results;

namespace VoxDose.Reporting.Model;

/// <summary>
/// Turns the pipeline's <see cref="DoseStudyResult"/> and the PET data sets it ran on into a <see cref="DosimetryReport"/>:
/// takes each ROI's mask on the dose grid for the images from the analysis (<see cref="RoiMaskCollector"/>), or, when
/// a caller has none, rebuilds it (contours rasterised again; the derived normal liver and the perfused region with
/// default options), and finds the RTSTRUCT each ROI comes from.
/// </summary>
public static class StudyReportAssembler
{
    /// <summary>The report from the pipeline's result alone (it carries the PET, its data sets and the RTSTRUCT data sets).</summary>
    /// <param name="masks">The masks the analysis computed (<see cref="RoiMaskCollector.Masks"/>); null to rebuild them.</param>
    public static DosimetryReport Build(DoseStudyResult study, string softwareVersion, DateTimeOffset createdAt,
        IReadOnlyDictionary<RoiMetrics, RoiMask>? masks = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        if (study.PetDatasets.Count == 0)
            throw new ArgumentException("The study result carries no PET data set; pass them to the other overload.", nameof(study));
        return Build(study, study.PetDatasets, softwareVersion, createdAt, study.Pet, masks);
    }

    /// <param name="study">The pipeline's result (its <see cref="DoseStudyResult.DoseMap"/> is required).</param>
    /// <param name="petDatasets">The PET data sets the pipeline ran on (any order).</param>
    /// <param name="pet">The loaded PET when the caller has it; loaded from <paramref name="petDatasets"/> otherwise.</param>
    /// <param name="masks">The masks the analysis computed (<see cref="RoiMaskCollector.Masks"/>); null to rebuild them.</param>
    public static DosimetryReport Build(DoseStudyResult study, IReadOnlyList<DicomDataset> petDatasets, string softwareVersion, DateTimeOffset createdAt,
        PetSeries? pet = null, IReadOnlyDictionary<RoiMetrics, RoiMask>? masks = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        var dose = study.DoseMap ?? throw new ArgumentException("The study result has no dose engine result (DoseMap); the reports need it.", nameof(study));
        pet ??= PetSeriesLoader.Load(petDatasets);
        var grid = study.DoseGy;

        var rasterised = new Dictionary<RoiMetrics, (RoiMask Mask, RtStructReference? From, DicomDataset? Header)>();
        var headers = new Dictionary<string, DicomDataset?>(StringComparer.Ordinal);
        foreach (var metrics in study.Rois.Rois.Where(m => m.RoiNumber is not null))
        {
            var match = study.Rois.StructureSets.Where(s => s.Applies)
                .Select(s => (Set: s.StructureSet, Roi: s.ApplicableRois.FirstOrDefault(r => r.Number == metrics.RoiNumber && r.Name == metrics.Name)))
                .FirstOrDefault(x => x.Roi is not null);
            if (match.Roi is null) continue;
            var header = HeaderOf(match.Set, headers);
            var mask = masks is not null && masks.TryGetValue(metrics, out var analysed) ? analysed : ContourRasterizer.Rasterize(grid, match.Roi.Contours);
            rasterised[metrics] = (mask, ReferenceOf(header), header);
        }

        var rois = new List<ReportRoi>();
        foreach (var metrics in study.Rois.Rois)
        {
            RoiMask? mask = null;
            RtStructReference? from = null;
            if (rasterised.TryGetValue(metrics, out var r)) (mask, from) = (r.Mask, r.From);
            else if (masks is not null && masks.TryGetValue(metrics, out var analysed)) mask = analysed;
            else if (metrics.Role == RoiRole.PerfusedRegion) mask = PerfusedRegionFinder.Find(pet.ActivityBqPerMl);
            else if (metrics.Role == RoiRole.NormalLiver && metrics.RoiNumber is null)
            {
                var liver = rasterised.Where(x => x.Key.Role == RoiRole.WholeLiver).Select(x => x.Value.Mask).MaxBy(m => m.VolumeMl);
                if (liver is not null)
                    mask = RoiMaskAlgebra.Subtract(liver, rasterised.Where(x => x.Key.Role == RoiRole.Lesion).Select(x => x.Value.Mask));
            }
            rois.Add(new ReportRoi { Metrics = metrics, Mask = mask?.Weights, MaskBounds = mask?.Bounds, StructureSet = from });
        }

        var main = rasterised.Values.FirstOrDefault(v => v.From is not null);
        var report = DosimetryReportBuilder.Build(dose, pet, petDatasets, rois, softwareVersion, createdAt, main.Header, study.Flags);
        var notes = report.Qa.Notes.Concat(study.Notes).Distinct(StringComparer.Ordinal).ToList();
        var calculation = report.Calculation with { Parameters = [.. report.Calculation.Parameters, .. DensityAndLungParameters(study)] };
        return report with { Qa = report.Qa with { Notes = notes }, MetricsOptions = study.MetricsOptions ?? report.MetricsOptions, Calculation = calculation };
    }

    /// <summary>The CT used (or soft tissue assumed), the calibration, lung mass, lung dose and PET lung shunt: for the PDF and the SR's parameters.</summary>
    private static IEnumerable<ReportParameter> DensityAndLungParameters(DoseStudyResult study)
    {
        string F(double v, string format) => v.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        if (study.DensitySource is { } density)
        {
            yield return new("CT used", density.CtUsed ? $"yes, CT series {density.CtSeriesInstanceUid}" : $"no: {DensityProvenance.SoftTissueAssumed}");
            if (density.Calibration is { } calibration) yield return new("HU to density", calibration);
        }
        if (study.Lung is { } lung)
        {
            yield return new("Lung mass", F(lung.MassKg, "F3"), "kg");
            yield return new("Lung mass from", lung.MassSource);
            yield return new("Lung dose (EANM)", F(lung.DoseGy, "F2"), "Gy");
            yield return new("Lung shunt on PET", F(100 * lung.PetLungShuntFraction, "F2"), "%");
            yield return new("Lung shunt defined", LungDosimetry.ShuntDefinition);
        }
    }

    /// <summary>The RTSTRUCT's own data set (for its SOP Class, Instance and Series UIDs): kept by the reader, or read again from its file.</summary>
    private static DicomDataset? HeaderOf(StructureSet set, Dictionary<string, DicomDataset?> cache)
    {
        if (set.SourceDataset is { } kept) return kept;
        if (set.Source is not { } path || !File.Exists(path)) return null;
        if (cache.TryGetValue(path, out var known)) return known;
        DicomDataset? header;
        try { header = DicomFile.Open(path).Dataset; }
        catch (Exception e) when (e is DicomDataException or IOException or InvalidDataException or EndOfStreamException) { header = null; }
        cache[path] = header;
        return header;
    }

    private static RtStructReference? ReferenceOf(DicomDataset? header)
    {
        if (header is null) return null;
        var sopClass = header.GetString(DicomTag.SOPClassUID);
        var sopInstance = header.GetString(DicomTag.SOPInstanceUID);
        var series = header.GetString(DicomTag.SeriesInstanceUID);
        return string.IsNullOrEmpty(sopClass) || string.IsNullOrEmpty(sopInstance) || string.IsNullOrEmpty(series)
            ? null
            : new RtStructReference(new SopReference(sopClass, sopInstance), series);
    }
}
