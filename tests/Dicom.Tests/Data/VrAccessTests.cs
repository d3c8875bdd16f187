namespace VoxDose.Dicom.Tests.Data;

/// <summary>Typed access for every VR of PS3.5 6.2, through set, write, read back.</summary>
public class VrAccessTests
{
    private static DicomDataset RoundTrip(DicomDataset ds, DicomTransferSyntax? ts = null)
    {
        var t = ts ?? DicomTransferSyntax.ExplicitVRLittleEndian;
        return DicomDatasetReader.Read(DicomDatasetWriter.ToBytes(ds, t), t);
    }

    [Theory]
    [InlineData(DicomVR.AE, "STORESCP")]
    [InlineData(DicomVR.AS, "045Y")]
    [InlineData(DicomVR.CS, "PT")]
    [InlineData(DicomVR.LO, "Sirtex SIR-Spheres")]
    [InlineData(DicomVR.LT, "  leading spaces kept in text")]
    [InlineData(DicomVR.SH, "Y-90")]
    [InlineData(DicomVR.ST, "short text")]
    [InlineData(DicomVR.UC, "unlimited characters")]
    [InlineData(DicomVR.UR, "http://example.org/a%20b")]
    [InlineData(DicomVR.UT, "unlimited text")]
    [InlineData(DicomVR.UI, "1.2.840.10008.5.1.4.1.1.128")]
    [InlineData(DicomVR.DA, "20240131")]
    [InlineData(DicomVR.TM, "101500.25")]
    [InlineData(DicomVR.DT, "20240131101500.25+0100")]
    [InlineData(DicomVR.PN, "Doe^Jane")]
    public void String_vrs_round_trip(DicomVR vr, string value)
    {
        var tag = new DicomTag(0x0009, 0x1001);
        var ds = new DicomDataset().AddOrUpdate(tag, vr, value);
        var back = RoundTrip(ds, DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal(vr, back.Find(tag)!.VR);
        Assert.Equal(value, back.GetString(tag));
    }

    [Theory]
    [InlineData(DicomVR.US, 65535d)]
    [InlineData(DicomVR.SS, -32768d)]
    [InlineData(DicomVR.UL, 4294967295d)]
    [InlineData(DicomVR.SL, -2147483648d)]
    [InlineData(DicomVR.FL, 0.25d)]
    [InlineData(DicomVR.FD, 1.0 / 3)]
    [InlineData(DicomVR.SV, -1099511627776d)]
    [InlineData(DicomVR.UV, 1125899906842624d)]
    [InlineData(DicomVR.DS, 123.456)]
    [InlineData(DicomVR.IS, -42d)]
    [InlineData(DicomVR.OW, 513d)]
    [InlineData(DicomVR.OF, 1.5d)]
    [InlineData(DicomVR.OD, 2.75d)]
    [InlineData(DicomVR.OL, 70000d)]
    [InlineData(DicomVR.OV, 5e15)]
    public void Numeric_vrs_round_trip_through_both_little_endian_encodings(DicomVR vr, double value)
    {
        var tag = new DicomTag(0x0009, 0x1002);
        var ds = new DicomDataset().AddOrUpdate(tag, vr, value, value);
        foreach (var ts in new[] { DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.ExplicitVRBigEndian })
        {
            var back = RoundTrip(ds, ts);
            Assert.Equal([value, value], back.GetDoubles(tag));
        }
    }

    [Fact]
    public void Binary_values_are_little_endian()
    {
        var ds = new DicomDataset().AddOrUpdate(DicomTag.Rows, DicomVR.US, 0x0102);
        Assert.Equal(new byte[] { 0x02, 0x01 }, ds.GetBytes(DicomTag.Rows).ToArray());
        ds.AddOrUpdate(DicomTag.RescaleSlope, DicomVR.DS, 0.5);
        Assert.Equal("0.5", ds.GetString(DicomTag.RescaleSlope));
    }

    [Fact]
    public void AT_values_read_as_tags_and_hex_strings()
    {
        var ds = new DicomDataset().AddOrUpdate(DicomTag.FrameIncrementPointer, DicomTag.FrameTime, DicomTag.SliceLocation);
        var back = RoundTrip(ds, DicomTransferSyntax.ExplicitVRBigEndian);
        Assert.Equal([DicomTag.FrameTime, DicomTag.SliceLocation], back.GetTags(DicomTag.FrameIncrementPointer));
        Assert.Equal(["00181063", "00201041"], back.GetStrings(DicomTag.FrameIncrementPointer));
    }

    [Fact]
    public void OB_and_UN_keep_their_bytes()
    {
        var ob = new DicomTag(0x0009, 0x1003);
        var un = new DicomTag(0x0009, 0x1004);
        var ds = new DicomDataset().AddOrUpdate(ob, DicomVR.OB, [1, 2, 3]).AddOrUpdate(un, DicomVR.UN, [9, 8]);
        var back = RoundTrip(ds);
        Assert.Equal(new byte[] { 1, 2, 3, 0 }, back.GetBytes(ob).ToArray());
        Assert.Equal(new byte[] { 9, 8 }, back.GetBytes(un).ToArray());
        Assert.Equal(DicomVR.UN, back.Find(un)!.VR);
    }

    [Fact]
    public void Multi_valued_strings_and_empty_values()
    {
        var ds = new DicomDataset().AddOrUpdate(DicomTag.ImageType, DicomVR.CS, "ORIGINAL", "", "AXIAL");
        Assert.Equal(["ORIGINAL", "", "AXIAL"], ds.GetStrings(DicomTag.ImageType));
        Assert.Equal(3, ds.GetValueCount(DicomTag.ImageType));
        ds.AddOrUpdate(DicomTag.PatientName, DicomVR.PN, Array.Empty<string>());
        Assert.Equal("", ds.GetString(DicomTag.PatientName));
        Assert.Empty(ds.GetStrings(DicomTag.PatientName));
    }

    [Fact]
    public void Dictionary_vr_overloads_use_the_registry()
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.Modality, "PT");
        ds.AddOrUpdate(DicomTag.SliceThickness, 3.27);
        ds.AddOrUpdate(DicomTag.Rows, 200.0);
        Assert.Equal(DicomVR.CS, ds.Find(DicomTag.Modality)!.VR);
        Assert.Equal(DicomVR.DS, ds.Find(DicomTag.SliceThickness)!.VR);
        Assert.Equal(DicomVR.US, ds.Find(DicomTag.Rows)!.VR);
        Assert.Throws<DicomDataException>(() => ds.AddOrUpdate(new DicomTag(0x0009, 0x1010), "x"));
    }

    [Fact]
    public void Out_of_range_numbers_are_refused_naming_the_tag()
    {
        var ds = new DicomDataset();
        var ex = Assert.Throws<DicomDataException>(() => ds.AddOrUpdate(DicomTag.Rows, DicomVR.US, 70000));
        Assert.Contains("(0028,0010)", ex.Message);
        Assert.Throws<DicomDataException>(() => ds.AddOrUpdate(DicomTag.Rows, DicomVR.US, 1.5));
        Assert.Throws<DicomDataException>(() => ds.AddOrUpdate(DicomTag.InstanceNumber, DicomVR.IS, 2.5));
        Assert.Throws<DicomDataException>(() => ds.AddOrUpdate(DicomTag.SliceThickness, DicomVR.DS, double.NaN));
        Assert.Throws<DicomDataException>(() => ds.AddOrUpdate(DicomTag.PatientName, DicomVR.PN, 1.0));
    }

    [Fact]
    public void GetInt_refuses_fractions_and_reports_the_tag()
    {
        var ds = new DicomDataset().AddOrUpdate(DicomTag.SliceThickness, DicomVR.DS, 2.5);
        var ex = Assert.Throws<DicomDataException>(() => ds.GetInt(DicomTag.SliceThickness));
        Assert.Contains("SliceThickness", ex.Message);
        Assert.False(ds.TryGetInt(DicomTag.SliceThickness, out _));
        Assert.Throws<DicomDataException>(() => ds.GetDouble(DicomTag.SliceThickness, 1));
    }

    [Fact]
    public void UN_elements_of_known_tags_read_with_the_dictionary_vr()
    {
        var ds = new DicomDataset().AddOrUpdate(DicomTag.SOPClassUID, DicomVR.UN, "1.2.3\0"u8.ToArray());
        Assert.Equal("1.2.3", ds.GetString(DicomTag.SOPClassUID));
    }
}
