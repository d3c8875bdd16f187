using VoxDose.Dicom;

namespace VoxDose.Dosimetry.Contours;

/// <summary>An RT Structure Set as VoxDose uses it: its identity, the frames of reference it refers to and its ROIs.</summary>
public sealed record StructureSet
{
    /// <summary>SOP Instance UID of the RTSTRUCT (null when built in memory).</summary>
    public string? SopInstanceUid { get; init; }

    /// <summary>Structure Set Label (3006,0002).</summary>
    public string? Label { get; init; }

    /// <summary>Where it came from (a file path, or a description), for messages.</summary>
    public string? Source { get; init; }

    /// <summary>Frame of Reference UIDs of the Referenced Frame of Reference Sequence (3006,0010).</summary>
    public IReadOnlyList<string> FrameOfReferenceUids { get; init; } = [];

    public IReadOnlyList<StructureSetRoi> Rois { get; init; } = [];

    /// <summary>The RTSTRUCT data set it was read from (for reports that reference it); null when built in memory.</summary>
    public DicomDataset? SourceDataset { get; init; }

    /// <summary>What was tolerated or skipped while reading (missing optional attributes, POINT contours...).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
