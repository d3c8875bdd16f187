using VoxDose.Dicom;

namespace VoxDose.StoreScp.Phantom;

/// <summary>The synthetic patient and the UIDs shared by the phantom's PET and RTSTRUCT. Nothing here is a real person.</summary>
public sealed record PhantomIdentity
{
    public string PatientName { get; init; } = "PHANTOM^YTTRIUM";
    public string PatientId { get; init; } = "VOXDOSE-PHANTOM";
    public string AccessionNumber { get; init; } = "VXD0001";
    public string StudyInstanceUid { get; init; } = DicomUid.Generate();
    public string PetSeriesInstanceUid { get; init; } = DicomUid.Generate();
    public string RtStructSeriesInstanceUid { get; init; } = DicomUid.Generate();
    public string FrameOfReferenceUid { get; init; } = DicomUid.Generate();
    public string CtSeriesInstanceUid { get; init; } = DicomUid.Generate();
    public string StudyDescription { get; init; } = "Post-TARE Y-90 PET (synthetic phantom)";

    public void WritePatientAndStudy(DicomDataset ds, PhantomSpec spec)
    {
        ds.AddOrUpdate(DicomTag.PatientName, PatientName);
        ds.AddOrUpdate(DicomTag.PatientID, PatientId);
        ds.AddOrUpdate(DicomTag.PatientBirthDate, "19600101");
        ds.AddOrUpdate(DicomTag.PatientSex, "O");
        ds.AddOrUpdate(DicomTag.PatientWeight, 70.0);
        ds.AddOrUpdate(DicomTag.StudyInstanceUID, StudyInstanceUid);
        ds.AddOrUpdate(DicomTag.StudyDate, DateOnly.FromDateTime(spec.AcquisitionDateTime));
        ds.AddOrUpdate(DicomTag.StudyTime, TimeOnly.FromDateTime(spec.AcquisitionDateTime));
        ds.AddOrUpdate(DicomTag.StudyID, "1");
        ds.AddOrUpdate(DicomTag.AccessionNumber, AccessionNumber);
        ds.AddOrUpdate(DicomTag.ReferringPhysicianName, "");
        ds.AddOrUpdate(DicomTag.StudyDescription, StudyDescription);
    }

    /// <summary>
    /// A new image of one of the phantom's series in its frame of reference: patient, study, series, acquisition and
    /// content date/time, equipment and instance number; the caller adds what its modality needs.
    /// </summary>
    public DicomDataset NewImage(PhantomSpec spec, ImageSeries series, int instanceNumber, DateTime acquisition, params string[] imageType)
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SpecificCharacterSet, "ISO_IR 100");
        ds.AddOrUpdate(DicomTag.ImageType, imageType);
        ds.AddOrUpdate(DicomTag.SOPClassUID, series.SopClassUid);
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, DicomUid.Generate());
        WritePatientAndStudy(ds, spec);
        ds.AddOrUpdate(DicomTag.Modality, series.Modality);
        ds.AddOrUpdate(DicomTag.SeriesInstanceUID, series.SeriesInstanceUid);
        ds.AddOrUpdate(DicomTag.SeriesNumber, series.SeriesNumber);
        ds.AddOrUpdate(DicomTag.SeriesDescription, series.Description);
        ds.AddOrUpdate(DicomTag.SeriesDate, DateOnly.FromDateTime(acquisition));
        ds.AddOrUpdate(DicomTag.SeriesTime, TimeOnly.FromDateTime(acquisition));
        ds.AddOrUpdate(DicomTag.AcquisitionDate, DateOnly.FromDateTime(acquisition));
        ds.AddOrUpdate(DicomTag.AcquisitionTime, TimeOnly.FromDateTime(acquisition));
        ds.AddOrUpdate(DicomTag.ContentDate, DateOnly.FromDateTime(acquisition));
        ds.AddOrUpdate(DicomTag.ContentTime, TimeOnly.FromDateTime(acquisition));
        ds.AddOrUpdate(DicomTag.Manufacturer, "VoxDose");
        ds.AddOrUpdate(DicomTag.ManufacturerModelName, "Synthetic Y-90 phantom");
        ds.AddOrUpdate(DicomTag.InstanceNumber, (double)instanceNumber);
        return ds;
    }

    /// <summary>One image series of the phantom study.</summary>
    public sealed record ImageSeries(string SopClassUid, string Modality, string SeriesInstanceUid, double SeriesNumber, string Description);
}
