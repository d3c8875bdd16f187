using System.Globalization;
using VoxDose.Dicom;
using VoxDose.Dosimetry.Decay;
using VoxDose.Dosimetry.Nm;
using VoxDose.Dosimetry.Planning;

namespace VoxDose.StoreScp.Ingest;

/// <summary>Reads the routing attributes of a received instance (and the study's identifiers, for the audit database only) from its data set.</summary>
public static class InstanceHeaderReader
{
    /// <summary>The header, or the name of the first missing required attribute (→ status A900).</summary>
    public static (InstanceHeader? Header, string? Missing) Read(DicomDataset dataset, string? sopClassUid = null, string? sopInstanceUid = null)
    {
        var study = dataset.GetString(DicomTag.StudyInstanceUID);
        var series = dataset.GetString(DicomTag.SeriesInstanceUID);
        var sopInstance = sopInstanceUid ?? dataset.GetString(DicomTag.SOPInstanceUID);
        var sopClass = sopClassUid ?? dataset.GetString(DicomTag.SOPClassUID);
        if (string.IsNullOrEmpty(study)) return (null, "Study Instance UID (0020,000D)");
        if (string.IsNullOrEmpty(series)) return (null, "Series Instance UID (0020,000E)");
        if (string.IsNullOrEmpty(sopInstance)) return (null, "SOP Instance UID (0008,0018)");
        if (string.IsNullOrEmpty(sopClass)) return (null, "SOP Class UID (0008,0016)");

        int? numberOfSlices = dataset.TryGetInt(DicomTag.NumberOfSlices, out var n) && n > 0 ? n : null;
        // The same facts, read the same way, as the PET loader gives the engine's Y90Recognizer.
        var radionuclide = RadionuclideHeaderReader.Read(dataset);
        var isNm = sopClass == DicomUids.NMImageStorage;
        return (new InstanceHeader(study, series, sopInstance, sopClass, dataset.GetString(DicomTag.Modality) ?? "",
            dataset.GetString(DicomTag.FrameOfReferenceUID), numberOfSlices, radionuclide.RadionuclideCodeValue, radionuclide.RadionuclideHalfLifeS,
            radionuclide.Radiopharmaceutical,
            new StudyIdentifiers(Blank(dataset.GetString(DicomTag.PatientID)), Blank(dataset.GetString(DicomTag.AccessionNumber)),
                Blank(dataset.GetString(DicomTag.StudyDate))),
            SeriesDescription: radionuclide.SeriesDescription, RadionuclideCodeMeaning: radionuclide.RadionuclideCodeMeaning,
            RadionuclideCodingScheme: radionuclide.RadionuclideCodingScheme,
            Nm: isNm ? NmHeaderReader.Radiopharmaceutical(dataset) : null,
            NmTomographic: isNm && PlanInputScanner.IsTomographic(dataset.GetStrings(DicomTag.ImageType))), null);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string Describe(InstanceHeader header) =>
        string.Create(CultureInfo.InvariantCulture, $"{header.Modality} {header.SopInstanceUid}");
}
