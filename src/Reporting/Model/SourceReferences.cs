namespace VoxDose.Reporting.Model;

/// <summary>A SOP instance the output objects reference (SOP Class UID and SOP Instance UID).</summary>
public sealed record SopReference(string SopClassUid, string SopInstanceUid);

/// <summary>An RTSTRUCT instance and its series (the SR's evidence lists series and instances).</summary>
public sealed record RtStructReference(SopReference Instance, string SeriesInstanceUid);

/// <summary>
/// The DICOM objects the dose map was computed from: the PET series (every slice or the one Enhanced PET
/// instance) and, when contours were applied, the RTSTRUCT. The output objects reference them.
/// </summary>
public sealed record SourceReferences
{
    public required string PetSeriesInstanceUid { get; init; }

    /// <summary>The PET instances in the order of the dose grid's slices (one for an Enhanced PET).</summary>
    public required IReadOnlyList<SopReference> PetInstances { get; init; }

    /// <summary>The PET's Frame of Reference UID (0020,0052); the dose grid shares it.</summary>
    public required string FrameOfReferenceUid { get; init; }

    public string PetSeriesDescription { get; init; } = "";

    /// <summary>The RTSTRUCT the ROIs come from, or null when none was used.</summary>
    public SopReference? RtStruct { get; init; }

    public string? RtStructSeriesInstanceUid { get; init; }

    /// <summary>The report's RTSTRUCT with its series, or null.</summary>
    public RtStructReference? RtStructReference =>
        RtStruct is null ? null : new RtStructReference(RtStruct, RtStructSeriesInstanceUid
            ?? throw new InvalidOperationException("RtStructSeriesInstanceUid is required with RtStruct."));
}
