namespace VoxDose.Dicom.Tests.Pixels;

public class PixelDataTests
{
    [Fact]
    public void Frames_are_typed_spans_and_rescale_applies_slope_and_intercept()
    {
        var ds = new DicomDataset();
        ushort[] values = [0, 1, 2, 3, 10, 11, 12, 13];
        DicomPixelData.Write<ushort>(ds, 2, 2, 2, values);
        ds.AddOrUpdate(DicomTag.RescaleSlope, DicomVR.DS, 0.5);
        ds.AddOrUpdate(DicomTag.RescaleIntercept, DicomVR.DS, -1);
        var pd = DicomPixelData.From(ds);
        Assert.Equal(2, pd.NumberOfFrames);
        Assert.Equal(new ushort[] { 10, 11, 12, 13 }, pd.GetFrame<ushort>(1).ToArray());
        Assert.Equal(new float[] { 4, 4.5f, 5, 5.5f }, pd.GetRescaledFrame(1));
        Assert.Equal(4.0, pd.Rescale(10));
        Assert.Throws<DicomDataException>(() => pd.GetFrame<short>(0));
        Assert.Throws<DicomDataException>(() => pd.GetFrame<byte>(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => pd.GetFrameBytes(2));
    }

    [Fact]
    public void Signed_values_with_fewer_stored_bits_are_sign_extended()
    {
        var ds = new DicomDataset();
        DicomPixelData.Write<short>(ds, 1, 2, 1, [unchecked((short)0x0FFF), 0x0001]);
        ds.AddOrUpdate(DicomTag.BitsStored, DicomVR.US, 12);
        ds.AddOrUpdate(DicomTag.HighBit, DicomVR.US, 11);
        var pd = DicomPixelData.From(ds);
        Assert.Equal([-1, 1], pd.GetStoredValues(0));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(32)]
    public void Eight_and_thirty_two_bit_frames(int bits)
    {
        var ds = new DicomDataset();
        if (bits == 8) DicomPixelData.Write<byte>(ds, 1, 3, 1, [1, 2, 255]);
        else DicomPixelData.Write<uint>(ds, 1, 3, 1, [1, 2, 4000000000]);
        var pd = DicomPixelData.From(ds);
        if (bits == 8) Assert.Equal(new byte[] { 1, 2, 255 }, pd.GetFrame<byte>(0).ToArray());
        else Assert.Equal(new uint[] { 1, 2, 4000000000 }, pd.GetFrame<uint>(0).ToArray());
    }

    [Fact]
    public void Inconsistent_or_compressed_pixel_data_is_refused_naming_the_tag()
    {
        var ds = new DicomDataset();
        DicomPixelData.Write<ushort>(ds, 2, 2, 1, [1, 2, 3, 4]);
        ds.AddOrUpdate(DicomTag.Rows, DicomVR.US, 3);
        var ex = Assert.Throws<DicomDataException>(() => DicomPixelData.From(ds));
        Assert.Contains("(7FE0,0010)", ex.Message);
        ds.AddOrUpdate(DicomTag.Rows, DicomVR.US, 2);
        ds.AddOrUpdate(DicomTag.RescaleSlope, DicomVR.DS, 0);
        Assert.Contains("(0028,1053)", Assert.Throws<DicomDataException>(() => DicomPixelData.From(ds)).Message);

        var jpeg = DicomFile.Open(Path.Combine(VoxDose.Tests.Shared.TestPaths.PydicomTestFiles, "JPEG2000.dcm")).Dataset;
        Assert.Contains("encapsulated", Assert.Throws<DicomDataException>(() => DicomPixelData.From(jpeg)).Message);
    }

    [Fact]
    public void Corpus_CT_matches_pydicom_known_values()
    {
        // CT_small.dcm: pydicom's test suite asserts pixel_array[0][0] == 175 (signed 16-bit), slope 1, intercept -1024.
        var pd = DicomPixelData.From(DicomFile.Open(Path.Combine(VoxDose.Tests.Shared.TestPaths.PydicomTestFiles, "CT_small.dcm")).Dataset);
        Assert.True(pd.IsSigned);
        Assert.Equal(175, pd.GetFrame<short>(0)[0]);
        Assert.Equal(175 - 1024, pd.GetRescaledFrame(0)[0]);
    }
}
