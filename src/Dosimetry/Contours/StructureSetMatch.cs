namespace VoxDose.Dosimetry.Contours;

/// <summary>An ROI that is not used, with the reason.</summary>
public sealed record RejectedRoi(int Number, string Name, string Reason);

/// <summary>Whether an RTSTRUCT applies to a dose grid, which of its ROIs do, and why not.</summary>
public sealed record StructureSetMatch(StructureSet StructureSet, bool Applies, string? Reason,
    IReadOnlyList<StructureSetRoi> ApplicableRois, IReadOnlyList<RejectedRoi> RejectedRois);
