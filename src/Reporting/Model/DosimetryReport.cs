using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Reporting.Model;

/// <summary>
/// Everything the report writers need: filled once from the dose and ROI results, then handed to the RT Dose,
/// SR, PDF and Secondary Capture writers so every output shows the same numbers.
/// </summary>
public sealed record DosimetryReport
{
    public required PatientStudyHeader Header { get; init; }
    public required SourceReferences Sources { get; init; }
    public required CalculationSummary Calculation { get; init; }
    public required QaSummary Qa { get; init; }
    public required IReadOnlyList<ReportRoi> Rois { get; init; }

    /// <summary>Flags not bound to one ROI (e.g. lung dose, activity recovery), each with its source.</summary>
    public IReadOnlyList<RoiFlag> GlobalFlags { get; init; } = [];

    /// <summary>The PET activity concentration in Bq/mL, on the same grid as the dose.</summary>
    public required Volume PetBqPerMl { get; init; }

    /// <summary>The absorbed dose map in Gy.</summary>
    public required Volume DoseGy { get; init; }

    /// <summary>The thresholds and radiobiology parameters the metrics and flags used (stated in the PDF).</summary>
    public Dosimetry.Metrics.MetricsOptions MetricsOptions { get; init; } = new();

    /// <summary>The VoxDose version that produced the report (Software Versions (0018,1020)).</summary>
    public required string SoftwareVersion { get; init; }

    /// <summary>When the report was created (Content Date/Time of the objects).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Which revision of the study's reports this is, and what it supersedes (first report by default).</summary>
    public ReportRevision Revision { get; init; } = ReportRevision.First;

    /// <summary>The node's planned-vs-delivered section (linked plan or why none, TDp/TDv per lesion); null: not part of this report.</summary>
    public Dosimetry.Planning.PlanLinkReport? PlannedVersusDelivered { get; init; }

    /// <summary>Every flag: the global ones first, then each ROI's, paired with the ROI name ("" for global).</summary>
    public IEnumerable<(string RoiName, RoiFlag Flag)> AllFlags =>
        GlobalFlags.Select(f => ("", f)).Concat(Rois.SelectMany(r => r.Metrics.Flags.Select(f => (r.Name, f))));

    /// <summary>Throws with a clear message when the inputs cannot make a consistent report.</summary>
    public void Validate()
    {
        if (!DoseGy.HasSameGrid(PetBqPerMl))
            throw new ArgumentException("The dose map and the PET are not on the same voxel grid; the report and RT Dose need the PET grid.");
        foreach (var roi in Rois)
            if (roi.Mask is { } mask && !mask.HasSameGrid(DoseGy))
                throw new ArgumentException($"The mask of ROI '{roi.Name}' is not on the dose grid.");
        if (Sources.PetInstances.Count == 0)
            throw new ArgumentException("No PET instance to reference (Sources.PetInstances is empty).");
    }
}
