namespace VoxDose.Dicom.Tests.Values;

public class PersonNameTests
{
    [Fact]
    public void Components_and_groups_are_parsed()
    {
        var pn = DicomPersonName.Parse("Yamada^Tarou^^Dr^III=山田^太郎=やまだ^たろう");
        Assert.Equal("Yamada", pn.FamilyName);
        Assert.Equal("Tarou", pn.GivenName);
        Assert.Equal("Dr", pn.Alphabetic.Prefix);
        Assert.Equal("III", pn.Alphabetic.Suffix);
        Assert.Equal("", pn.Alphabetic.MiddleName);
        Assert.Equal("山田", pn.Ideographic!.FamilyName);
        Assert.Equal("たろう", pn.Phonetic!.GivenName);
    }

    [Fact]
    public void Encoding_drops_trailing_empty_components()
    {
        var pn = new DicomPersonName(new DicomPersonNameGroup("Doe", "Jane", "", "", ""));
        Assert.Equal("Doe^Jane", pn.ToString());
        var ds = new DicomDataset().AddOrUpdate(DicomTag.PatientName, pn);
        Assert.Equal("Doe^Jane", ds.GetString(DicomTag.PatientName));
        Assert.Equal("Jane", ds.GetPersonName(DicomTag.PatientName)!.GivenName);
        Assert.Null(ds.GetPersonName(DicomTag.ReferringPhysicianName));
    }
}
