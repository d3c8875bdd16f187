using VoxDose.Tests.Shared;

namespace VoxDose.Dicom.Tests.IO;

/// <summary>Issue 10, "  " (two spaces) VR: read as DCMTK reads it (2-byte length, value as UN, one warning).</summary>
public class NonStandardVrTests
{
    [Fact]
    public void Pixel_padding_value_with_the_two_spaces_VR_reads_as_DCMTK_does_regression()
    {
        // The bug: the explicit-VR element with VR "  " was read as implicit VR (a 4-byte length), whose length
        // 139296 ran past the end of the data, and the file was refused.
        var file = DicomFile.Read(new MemoryStream(TwoSpacesVrFile.Bytes()));
        var padding = file.Dataset.Find(DicomTag.PixelPaddingValue);
        Assert.NotNull(padding);
        Assert.Equal(DicomVR.UN, padding.VR);
        Assert.Equal(TwoSpacesVrFile.PaddingBytes, padding.Data.ToArray());
        Assert.Equal("40", file.Dataset.GetString(DicomTag.WindowCenter));
        Assert.Contains(file.Warnings, w => w.Contains("non-standard VR (20\\20)", StringComparison.Ordinal));
    }
}
