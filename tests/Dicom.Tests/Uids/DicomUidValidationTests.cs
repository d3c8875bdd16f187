
namespace VoxDose.Dicom.Tests.Uids;

public class DicomUidValidationTests
{
    [Theory]
    [InlineData("1.2.840.10008.5.1.4.1.1.128")]
    [InlineData("0")]
    [InlineData("1.0.2")]
    [InlineData("2.25.329800735698586629295641978511506172918")]
    public void Valid_uids_pass(string uid) => Assert.True(DicomUid.IsValid(uid));

    [Theory]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    [InlineData("1.2/3")]
    [InlineData("1..2")]
    [InlineData("1.2.")]
    [InlineData(".1.2")]
    [InlineData("1.02")]
    [InlineData("1.2.3 ")]
    [InlineData("1.2.3\0")]
    [InlineData("1.2.840.10008.5.1.4.1.1.128.1.2.840.10008.5.1.4.1.1.128.1.2.840.10008.5.1")]
    public void Invalid_uids_are_rejected_with_a_reason(string uid)
    {
        Assert.False(DicomUid.IsValid(uid));
        Assert.NotNull(DicomUid.Explain(uid));
    }
}
