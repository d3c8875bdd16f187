using VoxDose.Dicom;
using VoxDose.Dosimetry.Metrics;
using VoxDose.Dosimetry.Pet;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Pipeline;

/// <summary>Everything the offline pipeline produced for one PET study (what results.json, the report and the node use).</summary>
public sealed record DoseStudyResult
{
    public string? StudyInstanceUid { get; init; }
    public string? PetSeriesInstanceUid { get; init; }
    public required DoseMethod Method { get; init; }

    /// <summary>Total activity in the PET field of view, decay-corrected to the injection time, in MBq.</summary>
    public required double TotalActivityMBq { get; init; }

    /// <summary>The dose map in Gy on the PET grid (keeps the PET's Frame of Reference UID).</summary>
    public required Volume DoseGy { get; init; }

    /// <summary>The dose engine's full result (kernel, decay correction, Y-90 identification, energy balance), for the reports; null when built by hand.</summary>
    public DoseMapResult? DoseMap { get; init; }

    /// <summary>The first PET image's data set without pixel data (patient, study, frame of reference), for the reports.</summary>
    public DicomDataset? PetHeader { get; init; }

    /// <summary>The loaded PET (activity in Bq/mL as stored, header facts); null when built by hand.</summary>
    public PetSeries? Pet { get; init; }

    /// <summary>The PET data sets as read (with pixel data), for reports that reference or re-encode them.</summary>
    public IReadOnlyList<DicomDataset> PetDatasets { get; init; } = [];

    /// <summary>The structure sets that were read (applied or not); each keeps its data set in <see cref="Contours.StructureSet.SourceDataset"/>.</summary>
    public IReadOnlyList<Contours.StructureSet> StructureSets => [.. Rois.StructureSets.Select(s => s.StructureSet)];

    public required RoiAnalysisResult Rois { get; init; }

    /// <summary>The metrics options the ROIs were evaluated with (thresholds, radiobiology, partial volume), for the report; null when built by hand.</summary>
    public MetricsOptions? MetricsOptions { get; init; }

    /// <summary>Study-level flags, not bound to one ROI (activity recovery, half-life override), each with its source.</summary>
    public IReadOnlyList<RoiFlag> Flags { get; init; } = [];

    /// <summary>Where the tissue density came from (the CT used, or soft tissue assumed, with the reasons); null when built by hand.</summary>
    public DensityProvenance? DensitySource { get; init; }

    /// <summary>Lung mass, lung dose and PET lung shunt fraction from the lung ROIs; null without a lung ROI.</summary>
    public LungDosimetry? Lung { get; init; }

    /// <summary>What the pipeline noticed (isotope identification, skipped files, ...), for the user.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
