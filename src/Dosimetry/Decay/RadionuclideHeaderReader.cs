using VoxDose.Dicom;

namespace VoxDose.Dosimetry.Decay;

/// <summary>
/// Reads the radionuclide facts of a PET instance that <see cref="Y90Recognizer"/> decides on: the first item of the
/// Radiopharmaceutical Information Sequence (0054,0016) (half-life, total dose, radionuclide code, radiopharmaceutical)
/// and the Series Description. Used by the PET loader and by the node's ingest, so both decide on the same facts.
/// </summary>
public static class RadionuclideHeaderReader
{
    public static PetAcquisitionHeader Read(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var radiopharm = dataset.GetSequence(DicomTag.RadiopharmaceuticalInformationSequence);
        var item = radiopharm.Count > 0 ? radiopharm[0] : null;
        var codes = item?.GetSequence(DicomTag.RadionuclideCodeSequence);
        var code = codes is { Count: > 0 } ? codes[0] : null;
        double? halfLife = item is not null && item.TryGetDouble(DicomTag.RadionuclideHalfLife, out var h) ? h : null;
        double? totalDose = item is not null && item.TryGetDouble(DicomTag.RadionuclideTotalDose, out var d) ? d : null;
        return new PetAcquisitionHeader
        {
            RadionuclideHalfLifeS = halfLife,
            RadionuclideTotalDoseBq = totalDose,
            RadionuclideCodeValue = code?.GetString(DicomTag.CodeValue),
            RadionuclideCodingScheme = code?.GetString(DicomTag.CodingSchemeDesignator),
            RadionuclideCodeMeaning = code?.GetString(DicomTag.CodeMeaning),
            Radiopharmaceutical = item?.GetString(DicomTag.Radiopharmaceutical),
            SeriesDescription = dataset.GetString(DicomTag.SeriesDescription),
        };
    }
}
