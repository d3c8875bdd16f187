using VoxDose.Tests.Shared;

namespace VoxDose.Dicom.Tests.IO;

/// <summary>
/// The header scan (<see cref="DicomReadOptions.StopBeforePixelData"/> on a seekable stream) parses a 16 KiB prefix,
/// then 256 KiB, then everything: a prefix must never be mistaken for the whole header.
/// </summary>
public class HeaderScanTests
{
    private const int FirstPrefix = 16 * 1024;
    private static readonly DicomReadOptions HeaderOnly = new() { StopBeforePixelData = true };
    private static readonly DicomTag Filler = new(0x0009, 0x1001);

    [Fact]
    public void Header_scan_whose_first_prefix_ends_at_an_element_boundary_reads_the_rest_regression()
    {
        // The bug: when the 16 KiB prefix ended exactly after an element, the scan returned the prefix as the whole
        // header (no Patient Name, no Study UID, StoppedBeforePixelData false).
        var bytes = FileWithElementEndingAt(FirstPrefix);
        var full = DicomFile.Read(new MemoryStream(bytes));
        var header = DicomFile.Read(new MemoryStream(bytes), HeaderOnly);

        Assert.True(header.StoppedBeforePixelData);
        Assert.Equal("Boundary^Case", header.Dataset.GetString(DicomTag.PatientName));
        Assert.Equal("2.25.42", header.Dataset.GetString(DicomTag.StudyInstanceUID));
        Assert.Null(DatasetDifference.Find(full.Dataset, header.Dataset, tag => tag != DicomTag.PixelData));
    }

    [Fact]
    public void Header_scan_of_a_bare_data_set_whose_first_value_is_longer_than_the_prefix_regression()
    {
        // The bug: without preamble and meta group, a first value longer than the prefix was taken as implausible and
        // the header scan refused the file as "Not a DICOM file" while the full read accepted it.
        var big = new DicomDataset();
        big.AddOrUpdate(new DicomTag(0x0008, 0x0001), DicomVR.UN, new byte[FirstPrefix + 100]);
        big.AddOrUpdate(DicomTag.SOPInstanceUID, DicomVR.UI, "2.25.7");
        big.AddOrUpdateValues<ushort>(DicomTag.PixelData, DicomVR.OW, new ushort[8]);
        var bytes = DicomDatasetWriter.ToBytes(big, DicomTransferSyntax.ExplicitVRLittleEndian);

        var full = DicomFile.Read(new MemoryStream(bytes));
        var header = DicomFile.Read(new MemoryStream(bytes), HeaderOnly);

        Assert.Equal("2.25.7", full.Dataset.GetString(DicomTag.SOPInstanceUID));
        Assert.True(header.StoppedBeforePixelData);
        Assert.Equal("2.25.7", header.Dataset.GetString(DicomTag.SOPInstanceUID));
        Assert.Equal(FirstPrefix + 100, header.Dataset.GetBytes(new DicomTag(0x0008, 0x0001)).Length);
    }

    /// <summary>A Part 10 file in which the private filler element ends exactly at byte <paramref name="offset"/>.</summary>
    private static byte[] FileWithElementEndingAt(int offset)
    {
        var fillerLength = 1000;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var bytes = Write(fillerLength);
            var fillerEnd = EndOfFiller(bytes, fillerLength);
            if (fillerEnd == offset) return bytes;
            fillerLength += offset - fillerEnd;
        }
        throw new InvalidOperationException("could not place the filler element");
    }

    private static byte[] Write(int fillerLength)
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTag.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        ds.AddOrUpdate(DicomTag.SOPClassUID, DicomVR.UI, DicomUids.PETImageStorage);
        ds.AddOrUpdate(DicomTag.SOPInstanceUID, DicomVR.UI, "2.25.43");
        ds.AddOrUpdate(new DicomTag(0x0009, 0x0010), DicomVR.LO, "VOXDOSE TEST");
        ds.AddOrUpdate(Filler, DicomVR.OB, new byte[fillerLength]);
        ds.AddOrUpdate(DicomTag.PatientName, DicomVR.PN, "Boundary^Case");
        ds.AddOrUpdate(DicomTag.StudyInstanceUID, DicomVR.UI, "2.25.42");
        ds.AddOrUpdateValues<ushort>(DicomTag.PixelData, DicomVR.OW, new ushort[64]);
        using var ms = new MemoryStream();
        DicomFile.Create(ds).Save(ms);
        return ms.ToArray();
    }

    /// <summary>The file offset just after the filler's value (explicit VR OB header: tag, VR, 2 reserved, 4 length).</summary>
    private static int EndOfFiller(byte[] bytes, int fillerLength)
    {
        ReadOnlySpan<byte> header = [0x09, 0x00, 0x01, 0x10, (byte)'O', (byte)'B', 0, 0];
        var start = bytes.AsSpan().IndexOf(header);
        Assert.True(start > 0, "filler element not found");
        return start + 12 + fillerLength;
    }
}
