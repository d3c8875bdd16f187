namespace VoxDose.Dicom.Tests.Uids;

public class DicomUidTests
{
    [Theory]
    [InlineData("1.2.840.10008.1.2.1", true)]
    [InlineData("2.25.0", true)]
    [InlineData("1.2.03", false)]
    [InlineData("1..2", false)]
    [InlineData("1.2.", false)]
    [InlineData(".1.2", false)]
    [InlineData("1.2.a", false)]
    [InlineData("", false)]
    public void IsValid_follows_PS3_5_section_9(string uid, bool valid) => Assert.Equal(valid, DicomUid.IsValid(uid));

    [Fact]
    public void IsValid_rejects_more_than_64_characters()
    {
        Assert.True(DicomUid.IsValid("1." + new string('1', 62)));
        Assert.False(DicomUid.IsValid("1." + new string('1', 63)));
    }

    [Fact]
    public void Generated_uids_are_valid_unique_and_2_25()
    {
        var a = DicomUid.Generate();
        var b = DicomUid.Generate();
        Assert.NotEqual(a, b);
        Assert.StartsWith("2.25.", a);
        Assert.True(DicomUid.IsValid(a), a);
    }

    [Fact]
    public void FromUuid_is_the_decimal_value_of_the_uuid()
    {
        Assert.Equal("2.25.0", DicomUid.FromUuid(Guid.Empty));
        Assert.Equal("2.25.329800735698586629295641978511506172918", DicomUid.FromUuid(Guid.Parse("f81d4fae-7dec-11d0-a765-00a0c91e6bf6")));
    }

    [Fact]
    public void Rooted_uids_are_valid_and_start_with_the_root()
    {
        var uid = DicomUid.Generate("1.2.826.0.1.3680043.10.1234");
        Assert.StartsWith("1.2.826.0.1.3680043.10.1234.", uid);
        Assert.True(DicomUid.IsValid(uid), uid);
        Assert.Throws<ArgumentException>(() => DicomUid.Generate("1.02"));
    }

    [Fact]
    public void Implementation_class_uid_is_valid() => Assert.True(DicomUid.IsValid(DicomUids.ImplementationClassUid));
}
