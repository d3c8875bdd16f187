namespace VoxDose.Reporting.Common;

/// <summary>
/// The identity of one object VoxDose creates: a new series in the PET's study (Series Instance UID, number and
/// description) and the SOP Instance UID. Series numbers are offset from 9000 so they sort after the scanner's.
/// </summary>
public sealed record OutputSeries(string SopClassUid, string SopInstanceUid, string SeriesInstanceUid, int SeriesNumber, string SeriesDescription)
{
    public static OutputSeries New(string sopClassUid, int seriesNumber, string seriesDescription) =>
        new(sopClassUid, Dicom.DicomUid.Generate(), Dicom.DicomUid.Generate(), seriesNumber, seriesDescription);
}
