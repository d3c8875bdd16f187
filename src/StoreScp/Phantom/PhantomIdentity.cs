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
}
