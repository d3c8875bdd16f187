using VoxDose.Dicom;
using VoxDose.Dosimetry.Nm;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests.Nm;

/// <summary>Malformed NM geometry is refused with the attribute named, as the PET loader does.</summary>
public class NmGeometryErrorTests
{
    private static DicomDataset Spect()
    {
        var counts = new Volume(4, 3, 5, new Vec3(4, 4, 4), new Vec3(-10, -20, -30), frameOfReferenceUid: "1.2.3.4");
        for (var i = 0; i < counts.Count; i++) counts.Voxels[i] = i;
        return NmSpectWriter.ToDataset(counts, "1.2.3", "1.2.3.5");
    }

    public static TheoryData<string, string> Cases => new()
    {
        { "no-spacing", "Spacing Between Slices (0018,0088)" },
        { "zero-spacing", "Spacing Between Slices (0018,0088)" },
        { "pointer-without-slice-vector", "Frame Increment Pointer (0028,0009)" },
        { "short-slice-vector", "Slice Vector (0054,0080)" },
        { "repeated-slice", "Slice Vector (0054,0080)" },
        { "no-position", "Image Position (Patient) (0020,0032)" },
        { "bad-orientation", "Image Orientation (Patient) (0020,0037)" },
        { "no-pixel-spacing", "Pixel Spacing (0028,0030)" },
        { "projections", "Image Type (0008,0008)" },
        { "slices-vs-frames", "Number of Slices (0054,0081)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_geometry_names_the_attribute(string fault, string attribute)
    {
        var ds = Spect();
        var detector = ds.GetSequence(DicomTag.DetectorInformationSequence)[0];
        switch (fault)
        {
            case "no-spacing": ds.Remove(DicomTag.SpacingBetweenSlices); break;
            case "zero-spacing": ds.AddOrUpdate(DicomTag.SpacingBetweenSlices, 0.0); break;
            case "pointer-without-slice-vector": ds.AddOrUpdate(DicomTag.FrameIncrementPointer, DicomTag.EnergyWindowVector); break;
            case "short-slice-vector": ds.AddOrUpdateValues<ushort>(DicomTag.SliceVector, DicomVR.US, new ushort[] { 1, 2, 3 }); break;
            case "repeated-slice": ds.AddOrUpdateValues<ushort>(DicomTag.SliceVector, DicomVR.US, new ushort[] { 1, 2, 3, 3, 5 }); break;
            case "no-position": detector.Remove(DicomTag.ImagePositionPatient); detector.Remove(DicomTag.ImageOrientationPatient); break;
            case "bad-orientation": detector.AddOrUpdate(DicomTag.ImageOrientationPatient, 1.0, 0, 0, 1, 0, 0); break;
            case "no-pixel-spacing": ds.Remove(DicomTag.PixelSpacing); break;
            case "projections": ds.AddOrUpdate(DicomTag.ImageType, "ORIGINAL", "PRIMARY", "TOMO", "EMISSION"); break;
            case "slices-vs-frames": ds.AddOrUpdate(DicomTag.NumberOfSlices, DicomVR.US, 6); break;
        }
        var ex = Assert.Throws<DoseInputException>(() => NmImageLoader.Load([ds]));
        Assert.Contains(attribute, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Well_formed_spect_places_frame_k_at_ipp_plus_k_spacings_along_the_normal()
    {
        var image = NmImageLoader.Load([Spect()]);
        Assert.Equal(new Vec3(-10, -20, -30), image.Counts!.OriginMm);
        Assert.Equal(new Vec3(-10, -20, -30 + 4 * 4), image.Counts.VoxelToPatient(0, 0, 4));
        Assert.Equal(59f, image.Counts[3, 2, 4], 0.01f);
        Assert.True(image.Recognition.IsTc99m && image.Recognition.IsMaa, image.Recognition.Summary);
    }

    [Fact]
    public void Tc99m_is_recognised_from_text_alone_and_other_nuclides_are_not()
    {
        var textOnly = Tc99mRecognizer.Recognize(new NmRadiopharmaceutical { EnergyWindows = [new NmEnergyWindow("99m Technetium", [])], Radiopharmaceutical = "MAA" });
        Assert.True(textOnly.IsTc99m && textOnly.IsMaa, textOnly.Summary);
        var window = Tc99mRecognizer.Recognize(new NmRadiopharmaceutical { EnergyWindows = [new NmEnergyWindow(null, [(129, 150)])] });
        Assert.True(window.IsTc99m && !window.IsMaa, window.Summary);
        var indium = Tc99mRecognizer.Recognize(new NmRadiopharmaceutical
        {
            RadionuclideCodeValue = "41444002", RadionuclideCodingScheme = "SCT", RadionuclideCodeMeaning = "^111^Indium",
            RadionuclideHalfLifeS = 67.3 * 3600, EnergyWindows = [new NmEnergyWindow("In111", [(154, 188), (220, 270)])],
        });
        Assert.False(indium.IsTc99m, indium.Summary);
        Assert.Single(indium.Warnings);
    }
}
