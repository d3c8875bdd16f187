using VoxDose.Tests.Shared;

namespace VoxDose.Dicom.Tests.IO;

/// <summary>Issue 11, "Deflate bomb": inflation is capped and streamed; a header-only read inflates only the header.</summary>
public class DeflateBombTests
{
    private const long PixelBytes = 256L << 20;

    [Fact]
    public void Deflate_bomb_header_only_read_inflates_only_the_header_regression()
    {
        // The bug: DicomDatasetReader.Inflate read the whole body into an unbounded MemoryStream, header-only or not
        // (a 1 MB file inflating to 1 GiB took `dump --header-only` to 4.3 GB).
        var bytes = DeflateBomb.Bytes(PixelBytes);
        Assert.True(bytes.Length < PixelBytes / 500, $"the bomb is {bytes.Length} bytes");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var header = DicomFile.Read(new MemoryStream(bytes), new DicomReadOptions { StopBeforePixelData = true, MaxInflatedBytes = 1 << 20 });
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(header.StoppedBeforePixelData);
        Assert.Equal("2.25.31337", header.Dataset.GetString(DicomTag.SOPInstanceUID));
        Assert.True(allocated < 8 << 20, $"header-only read allocated {allocated} bytes");
    }

    [Fact]
    public void Deflate_bomb_full_read_is_refused_at_the_inflation_limit_regression()
    {
        var bytes = DeflateBomb.Bytes(PixelBytes);
        var options = new DicomReadOptions { MaxInflatedBytes = 16 << 20 };

        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = Assert.Throws<DicomDataException>(() => DicomFile.Read(new MemoryStream(bytes), options));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("inflates to more than 16777216 bytes", ex.Message);
        Assert.True(allocated < 64 << 20, $"refusing the bomb allocated {allocated} bytes");
        // The same cap guards bare data sets (network P-DATA in the deflated transfer syntax).
        var body = bytes.AsSpan(BodyStart(bytes)).ToArray();
        Assert.Throws<DicomDataException>(() => DicomDatasetReader.Read(body, DicomTransferSyntax.DeflatedExplicitVRLittleEndian, options));
    }

    [Fact]
    public void Deflated_file_within_the_limit_reads_whole_and_header_only()
    {
        var bytes = DeflateBomb.Bytes(1 << 20);
        var full = DicomFile.Read(new MemoryStream(bytes), new DicomReadOptions { MaxInflatedBytes = 2 << 20 });
        Assert.Equal(1 << 20, full.Dataset.GetBytes(DicomTag.PixelData).Length);
        var header = DicomFile.Read(new MemoryStream(bytes), new DicomReadOptions { StopBeforePixelData = true });
        Assert.Equal(full.Dataset.GetString(DicomTag.PatientName), header.Dataset.GetString(DicomTag.PatientName));
    }

    [Fact]
    public void Dump_json_of_a_file_cut_after_its_meta_group_is_an_error_regression()
    {
        // The bug: a file cut to 300 bytes (the end of its meta group) read as an empty data set: `dump --json` printed {} and exited 0.
        var ds = SyntheticDicom.PetImage(0, rows: 2, columns: 2);
        using var ms = new MemoryStream();
        DicomFile.Create(ds).Save(ms);
        var bytes = ms.ToArray();
        var cut = bytes[..BodyStart(bytes)];
        foreach (var options in new[] { DicomReadOptions.Default, new DicomReadOptions { StopBeforePixelData = true } })
        {
            var ex = Assert.Throws<DicomDataException>(() => DicomFile.Read(new MemoryStream(cut), options));
            Assert.Contains("no data set", ex.Message);
        }
    }

    private static int BodyStart(byte[] part10) => 132 + 12 + (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(part10.AsSpan(140));
}
