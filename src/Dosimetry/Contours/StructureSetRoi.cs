namespace VoxDose.Dosimetry.Contours;

/// <summary>
/// One ROI of an RT Structure Set: its Structure Set ROI Sequence entry, its contours from the ROI Contour
/// Sequence and its RT ROI Interpreted Type (3006,00A4) from the RT ROI Observations Sequence (null when absent).
/// </summary>
public sealed record StructureSetRoi
{
    /// <summary>ROI Number (3006,0022).</summary>
    public required int Number { get; init; }

    /// <summary>ROI Name (3006,0026) exactly as written (empty when the Type 2 attribute is empty).</summary>
    public required string Name { get; init; }

    /// <summary>RT ROI Interpreted Type (3006,00A4), e.g. GTV, PTV, CTV, ORGAN; null when not given.</summary>
    public string? InterpretedType { get; init; }

    /// <summary>Referenced Frame of Reference UID (3006,0024) of this ROI; null when absent.</summary>
    public string? ReferencedFrameOfReferenceUid { get; init; }

    public IReadOnlyList<Contour> Contours { get; init; } = [];
}
