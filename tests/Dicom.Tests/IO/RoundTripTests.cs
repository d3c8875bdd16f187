using VoxDose.Tests.Shared;

namespace VoxDose.Dicom.Tests.IO;

public class RoundTripTests
{
    private static string Corpus(string name) => Path.Combine(TestPaths.PydicomTestFiles, name);

    [Fact]
    public void CT_small_reads_known_values()
    {
        var file = DicomFile.Open(Corpus("CT_small.dcm"));
        Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian, file.TransferSyntax);
        Assert.Equal("CompressedSamples^CT1", file.Dataset.GetString(DicomTag.PatientName));
        Assert.Equal(128, file.Dataset.GetInt(DicomTag.Rows));
        Assert.Equal(128 * 128 * 2, file.Dataset.GetBytes(DicomTag.PixelData).Length);
        Assert.Equal(DicomUids.CTImageStorage, file.Meta.GetString(DicomTag.MediaStorageSOPClassUID));
    }

    [Theory]
    [InlineData("CT_small.dcm")]
    [InlineData("MR_small_implicit.dcm")]
    [InlineData("MR_small_bigendian.dcm")]
    [InlineData("image_dfl.dcm")]
    [InlineData("rtstruct.dcm")]
    public void Written_explicit_little_endian_rereads_identically(string name)
    {
        var original = DicomFile.Open(Corpus(name));
        var copy = DicomFile.Create(original.Dataset);
        using var ms = new MemoryStream();
        copy.Save(ms);
        ms.Position = 0;
        var reread = DicomFile.Read(ms);
        Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian, reread.TransferSyntax);
        DatasetAssert.Equal(original.Dataset, reread.Dataset);
    }

    [Fact]
    public void Writing_twice_gives_the_same_bytes()
    {
        var ds = DicomFile.Open(Corpus("rtstruct.dcm")).Dataset;
        var a = DicomDatasetWriter.ToBytes(ds, DicomTransferSyntax.ExplicitVRLittleEndian);
        var b = DicomDatasetWriter.ToBytes(ds.Clone(), DicomTransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Stop_before_pixel_data_reads_the_header_only()
    {
        var file = DicomFile.Open(Corpus("CT_small.dcm"), new DicomReadOptions { StopBeforePixelData = true });
        Assert.True(file.StoppedBeforePixelData);
        Assert.False(file.Dataset.Contains(DicomTag.PixelData));
        Assert.Equal(128, file.Dataset.GetInt(DicomTag.Columns));
    }
}
