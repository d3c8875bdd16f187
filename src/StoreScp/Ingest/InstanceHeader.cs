namespace VoxDose.StoreScp.Ingest;

/// <summary>
/// The few attributes of a received instance the node routes on. No patient data in the log: the
/// PHI it carries for the audit database (<see cref="StudyIdentifiers"/>) prints as withheld. The radionuclide
/// fields are those <see cref="VoxDose.Dosimetry.Decay.Y90Recognizer"/> decides on; for an NM image, <c>Nm</c> holds what
/// <see cref="VoxDose.Dosimetry.Nm.Tc99mRecognizer"/> decides on and <c>NmTomographic</c> whether Image Type says RECON TOMO.
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
    string? RadiopharmaceuticalDescription = null,
    StudyIdentifiers? Identifiers = null,
    string? SeriesDescription = null,
    string? RadionuclideCodeMeaning = null,
    string? RadionuclideCodingScheme = null,
    VoxDose.Dosimetry.Nm.NmRadiopharmaceutical? Nm = null,
    bool NmTomographic = false);
