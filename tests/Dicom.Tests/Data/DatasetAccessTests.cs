namespace VoxDose.Dicom.Tests.Data;

public class DatasetAccessTests
{
    [Fact]
    public void Strings_are_trimmed_and_split()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.ImageType, DicomVR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.AddOrUpdate(DicomTag.PatientID, DicomVR.LO, " 12345 ");
        Assert.Equal("ORIGINAL\\PRIMARY\\AXIAL", ds.GetString(DicomTag.ImageType));
        Assert.Equal(["ORIGINAL", "PRIMARY", "AXIAL"], ds.GetStrings(DicomTag.ImageType));
        Assert.Equal("12345", ds.GetString(DicomTag.PatientID));
        Assert.Null(ds.GetString(DicomTag.PatientName));
        Assert.Empty(ds.GetStrings(DicomTag.PatientName));
    }

    [Fact]
    public void Numbers_read_from_every_numeric_vr()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.PixelSpacing, DicomVR.DS, 1.5, 2.25);
        ds.AddOrUpdate(DicomTag.InstanceNumber, DicomVR.IS, 7);
        ds.AddOrUpdate(DicomTag.Rows, DicomVR.US, 512);
        ds.AddOrUpdate(DicomTag.PixelPaddingValue, DicomVR.SS, -2000);
        ds.AddOrUpdate(DicomTag.SimpleFrameList, DicomVR.UL, 4000000000);
        ds.AddOrUpdate(DicomTag.ReferencePixelX0, DicomVR.SL, -5);
        ds.AddOrUpdate(DicomTag.RecommendedDisplayFrameRateInFloat, DicomVR.FL, 0.5);
        ds.AddOrUpdate(DicomTag.SliceLocationVector, DicomVR.FD, 1e-300, 3);
        ds.AddOrUpdate(DicomTag.SelectorSVValue, DicomVR.SV, -(1L << 40));
        ds.AddOrUpdate(DicomTag.SelectorUVValue, DicomVR.UV, 1L << 50);
        Assert.Equal([1.5, 2.25], ds.GetDoubles(DicomTag.PixelSpacing));
        Assert.Equal(7, ds.GetInt(DicomTag.InstanceNumber));
        Assert.Equal(512, ds.GetInt(DicomTag.Rows));
        Assert.Equal(-2000, ds.GetInt(DicomTag.PixelPaddingValue));
        Assert.Equal(4000000000d, ds.GetDouble(DicomTag.SimpleFrameList));
        Assert.Equal(-5, ds.GetInt(DicomTag.ReferencePixelX0));
        Assert.Equal(0.5, ds.GetDouble(DicomTag.RecommendedDisplayFrameRateInFloat));
        Assert.Equal(3, ds.GetDouble(DicomTag.SliceLocationVector, 1));
        Assert.Equal(-(double)(1L << 40), ds.GetDouble(DicomTag.SelectorSVValue));
        Assert.Equal((double)(1L << 50), ds.GetDouble(DicomTag.SelectorUVValue));
        Assert.Equal(new ushort[] { 512 }, ds.GetValues<ushort>(DicomTag.Rows));
    }

    [Fact]
    public void Bad_or_absent_numbers_throw_naming_the_tag()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SliceThickness, DicomVR.DS, "abc");
        var ex = Assert.Throws<DicomDataException>(() => ds.GetDouble(DicomTag.SliceThickness));
        Assert.Contains("(0018,0050)", ex.Message);
        Assert.Contains("SliceThickness", ex.Message);
        Assert.False(ds.TryGetDouble(DicomTag.SliceThickness, out _));
        var absent = Assert.Throws<DicomDataException>(() => ds.GetDouble(DicomTag.RescaleSlope));
        Assert.Contains("(0028,1053)", absent.Message);
        Assert.Equal(DicomTag.RescaleSlope, absent.Tag);
    }

    [Fact]
    public void Sequences_nest_and_clone_deeply()
    {
        var inner = new DicomDataset().AddOrUpdate(DicomTag.CodeValue, DicomVR.SH, "C-B1031");
        var item = new DicomDataset().AddOrUpdateSequence(DicomTag.RadionuclideCodeSequence, inner);
        var ds = new DicomDataset().AddOrUpdateSequence(DicomTag.RadiopharmaceuticalInformationSequence, item);
        var clone = ds.Clone();
        clone.GetSequence(DicomTag.RadiopharmaceuticalInformationSequence)[0]
            .GetSequence(DicomTag.RadionuclideCodeSequence)[0].AddOrUpdate(DicomTag.CodeValue, DicomVR.SH, "changed");
        Assert.Equal("C-B1031", ds.GetSequence(DicomTag.RadiopharmaceuticalInformationSequence)[0]
            .GetSequence(DicomTag.RadionuclideCodeSequence)[0].GetString(DicomTag.CodeValue));
        Assert.Empty(ds.GetSequence(DicomTag.ReferencedSeriesSequence));
    }

    [Fact]
    public void Elements_stay_in_tag_order_and_remove_works()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.Rows, DicomVR.US, 2);
        ds.AddOrUpdate(DicomTag.PatientID, DicomVR.LO, "x");
        ds.AddOrUpdate(DicomTag.Modality, DicomVR.CS, "PT");
        Assert.Equal([DicomTag.Modality, DicomTag.PatientID, DicomTag.Rows], ds.Select(e => e.Tag));
        Assert.True(ds.Remove(DicomTag.PatientID));
        Assert.False(ds.Contains(DicomTag.PatientID));
        Assert.False(ds.Remove(DicomTag.PatientID));
    }
}

public class PatientDataInMessagesTests
{
    [Fact]
    public void Errors_about_patient_values_name_the_tag_but_not_the_value()
    {
        var ds = new DicomDataset().AddOrUpdate(DicomTag.PatientBirthDate, DicomVR.DA, "19601345");
        var ex = Assert.Throws<DicomDataException>(() => ds.GetDate(DicomTag.PatientBirthDate));
        Assert.Contains("(0010,0030)", ex.Message);
        Assert.DoesNotContain("19601345", ex.Message);
        ds.AddOrUpdate(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
        var pn = Assert.Throws<DicomDataException>(() => ds.AddOrUpdate(DicomTag.PatientName, DicomVR.PN, "Ŝmith"));
        Assert.DoesNotContain("mith", pn.Message);
        ds.AddOrUpdate(DicomTag.StudyDate, DicomVR.DA, "2024");
        ds.AddOrUpdate(DicomTag.SeriesDate, DicomVR.DA, "x");
        Assert.Contains("'x'", Assert.Throws<DicomDataException>(() => ds.GetDate(DicomTag.SeriesDate)).Message);
    }

    [Fact]
    public void File_errors_keep_the_tag()
    {
        var dir = VoxDose.Tests.Shared.TestPaths.NewTempDirectory();
        var path = Path.Combine(dir, "t.dcm");
        File.WriteAllBytes(path, [.. new byte[128], .. "DICM"u8.ToArray(), 0x08, 0x00, 0x20, 0x00, (byte)'D', (byte)'A', 8, 0, (byte)'2']);
        var ex = Assert.Throws<DicomDataException>(() => DicomFile.Open(path));
        Assert.Equal(DicomTag.StudyDate, ex.Tag);
        Assert.Contains(path, ex.Message);
        Directory.Delete(dir, true);
    }
}
