using System.Globalization;
using VoxDose.Dicom;

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
        string? code = null;
        double? halfLifeS = null;
        string? description = dataset.GetString(DicomTag.Radiopharmaceutical);
        var radiopharmaceutical = dataset.GetSequence(DicomTag.RadiopharmaceuticalInformationSequence);
        if (radiopharmaceutical.Count > 0)
        {
            var item = radiopharmaceutical[0];
            if (item.TryGetDouble(DicomTag.RadionuclideHalfLife, out var h)) halfLifeS = h;
            var codes = item.GetSequence(DicomTag.RadionuclideCodeSequence);
            if (codes.Count > 0) code = codes[0].GetString(DicomTag.CodeValue);
            description = item.GetString(DicomTag.Radiopharmaceutical) ?? description;
        }
        return (new InstanceHeader(study, series, sopInstance, sopClass, dataset.GetString(DicomTag.Modality) ?? "",
            dataset.GetString(DicomTag.FrameOfReferenceUID), numberOfSlices, code, halfLifeS, description,
            new StudyIdentifiers(Blank(dataset.GetString(DicomTag.PatientID)), Blank(dataset.GetString(DicomTag.AccessionNumber)),
                Blank(dataset.GetString(DicomTag.StudyDate)))), null);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static string Describe(InstanceHeader header) =>
        string.Create(CultureInfo.InvariantCulture, $"{header.Modality} {header.SopInstanceUid}");
}
