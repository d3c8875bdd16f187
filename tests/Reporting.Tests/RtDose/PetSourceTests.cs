using VoxDose.Dicom;
using VoxDose.Reporting.Common;

namespace VoxDose.Reporting.Tests.RtDose;

public class PetSourceTests
{
    private static DicomDataset Pet(int n)
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        ds.AddOrUpdate(DicomTag.SOPClassUID, DicomVR.UI, DicomUids.PETImageStorage);
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, DicomVR.UI, $"1.2.3.4.{n}");
        ds.AddOrUpdate(DicomTag.StudyInstanceUID, DicomVR.UI, "1.2.3");
        ds.AddOrUpdate(DicomTag.SeriesInstanceUID, DicomVR.UI, "1.2.3.4");
        ds.AddOrUpdate(DicomTag.FrameOfReferenceUID, DicomVR.UI, "1.2.3.9");
        ds.AddOrUpdate(DicomTag.PatientName, DicomVR.PN, "Müller^Jürgen");
        ds.AddOrUpdate(DicomTag.PatientID, DicomVR.LO, "P42");
        return ds;
    }

    [Fact]
    public void Header_and_references_come_from_the_pet()
    {
        var header = PetSource.HeaderFrom(Pet(1));
        Assert.Equal("Müller^Jürgen", header.PatientName);
        Assert.Equal("Müller, Jürgen", header.PatientNameForDisplay);
        Assert.Equal("1.2.3", header.StudyInstanceUid);
        Assert.Equal("", header.AccessionNumber);

        var refs = PetSource.ReferencesFrom([Pet(1), Pet(2)]);
        Assert.Equal("1.2.3.4", refs.PetSeriesInstanceUid);
        Assert.Equal("1.2.3.9", refs.FrameOfReferenceUid);
        Assert.Equal(["1.2.3.4.1", "1.2.3.4.2"], refs.PetInstances.Select(i => i.SopInstanceUid));
        Assert.Null(refs.RtStruct);
    }

    [Fact]
    public void A_pet_without_frame_of_reference_is_refused_naming_the_tag()
    {
        var pet = Pet(1);
        pet.Remove(DicomTag.FrameOfReferenceUID);
        var ex = Assert.Throws<DicomDataException>(() => PetSource.ReferencesFrom([pet]));
        Assert.Contains("0020,0052", ex.Message);
    }
}
