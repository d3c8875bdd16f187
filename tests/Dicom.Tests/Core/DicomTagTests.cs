using VoxDose.Dicom.Dictionary;

namespace VoxDose.Dicom.Tests.Core;

public class DicomTagTests
{
    [Fact]
    public void Keyword_fields_and_ToString_use_the_standard_tags()
    {
        Assert.Equal(new DicomTag(0x0010, 0x0020), DicomTag.PatientID);
        Assert.Equal("(0010,0020)", DicomTag.PatientID.ToString());
        Assert.Equal("7FE00010", DicomTag.PixelData.ToHexString());
    }

    [Theory]
    [InlineData("(0010,0020)")]
    [InlineData("0010,0020")]
    [InlineData("00100020")]
    [InlineData("PatientID")]
    public void Parse_accepts_the_usual_forms(string text) => Assert.Equal(DicomTag.PatientID, DicomTag.Parse(text));

    [Fact]
    public void Parse_rejects_garbage() => Assert.Throws<FormatException>(() => DicomTag.Parse("(0010,00ZZ)"));

    [Fact]
    public void Private_tags_are_odd_groups_above_0008()
    {
        Assert.True(new DicomTag(0x0029, 0x1010).IsPrivate);
        Assert.True(new DicomTag(0x0029, 0x0010).IsPrivateCreator);
        Assert.False(new DicomTag(0x0028, 0x0010).IsPrivate);
        Assert.False(new DicomTag(0x0001, 0x0010).IsPrivate);
    }

    [Fact]
    public void Dictionary_knows_keywords_names_vrs_and_repeating_groups()
    {
        var e = DicomDictionary.Lookup(DicomTag.PatientName)!;
        Assert.Equal("PatientName", e.Keyword);
        Assert.Equal("Patient Name", e.Name);
        Assert.Equal([DicomVR.PN], e.ValueRepresentations);
        Assert.Equal("1", e.ValueMultiplicity);
        Assert.Equal(DicomTag.PatientName, DicomDictionary.Lookup("PatientName")!.Tag);
        Assert.Equal([DicomVR.US, DicomVR.SS], DicomDictionary.Lookup(DicomTag.SmallestImagePixelValue)!.ValueRepresentations);
        var overlay = DicomDictionary.Lookup(new DicomTag(0x6002, 0x3000))!;
        Assert.Equal("OverlayData", overlay.Keyword);
        Assert.Null(DicomDictionary.Lookup(new DicomTag(0x6001, 0x3000)));
        Assert.Equal(DicomVR.UL, DicomDictionary.DefaultVR(new DicomTag(0x0018, 0x0000)));
        Assert.Equal(DicomVR.LO, DicomDictionary.DefaultVR(new DicomTag(0x0029, 0x0011)));
    }
}
