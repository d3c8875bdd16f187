namespace VoxDose.StoreScp.Ingest;

/// <summary>
/// The few attributes of a received instance the node routes on. No patient data: this record is logged at Information.
/// </summary>
public sealed record InstanceHeader(
    string StudyUid,
    string SeriesUid,
    string SopInstanceUid,
    string SopClassUid,
    string Modality,
    string? FrameOfReferenceUid = null,
    int? NumberOfSlices = null,
    string? RadionuclideCode = null,
    double? RadionuclideHalfLifeS = null,
    string? RadiopharmaceuticalDescription = null);
