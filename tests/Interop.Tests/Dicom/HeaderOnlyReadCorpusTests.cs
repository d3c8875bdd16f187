using VoxDose.Dicom;
using VoxDose.Dicom.IO;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Dicom;

/// <summary>
/// pydicom corpus (no external program): a header-only read (<see cref="DicomReadOptions.StopBeforePixelData"/>) must
/// succeed wherever the full read does and give the same meta group, transfer syntax and elements before the pixel
/// data. Regression for the network helper's report that header-only reads failed on rtdose_rle*.dcm ("(0008,0016) has
/// VR UN, which is not text") and priv_SQ.dcm while full reads worked. Each file is read header-only three ways: from a
/// file (the real 16 KiB / 256 KiB prefix scan), from a file with tiny prefixes so that the scan is cut inside every kind
/// of structure, and from a stream that cannot seek (one pass, no prefixes).
/// </summary>
[Trait("Category", "Interop")]
public class HeaderOnlyReadCorpusTests
{
    private static readonly DicomReadOptions HeaderOnly = new() { StopBeforePixelData = true };
    private static readonly int[] TinyChunks = [16, 100, 333, 1024, 4099];

    /// <summary>Files the full read refuses only because of the pixel data: the header before it is intact.</summary>
    private static readonly IReadOnlyDictionary<string, string> HeaderIntactPixelDataBroken = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["MR_truncated.dcm"] = "only the Pixel Data value is truncated",
    };

    [Fact]
    public void Header_only_read_succeeds_exactly_where_the_full_read_does_and_matches_it_before_pixel_data()
    {
        var failures = new List<string>();
        var files = PydicomCorpus.AllFiles();
        Assert.True(files.Count > 100, $"only {files.Count} corpus files");
        Parallel.ForEach(files, name =>
        {
            var problems = Check(name);
            lock (failures) failures.AddRange(problems.Select(p => $"{name}: {p}"));
        });
        failures.Sort(StringComparer.Ordinal);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Theory]
    [InlineData("rtdose_rle.dcm")]
    [InlineData("rtdose_rle_1frame.dcm")]
    public void Header_only_read_of_rtdose_rle_with_UN_elements_gives_SOP_class_and_instance_regression(string name)
    {
        // Every element of these files is UN in explicit VR (gdcmconv output); the SCU reads (0008,0016)/(0008,0018).
        var path = PydicomCorpus.PathOf(name);
        var header = DicomFile.Open(path, HeaderOnly);
        var full = DicomFile.Open(path);
        Assert.True(header.StoppedBeforePixelData);
        Assert.Equal(DicomVR.UN, header.Dataset.Find(DicomTag.SOPClassUID)!.VR);
        Assert.Equal(DicomUids.RTDoseStorage, header.Dataset.GetString(DicomTag.SOPClassUID));
        Assert.Equal(full.Dataset.GetString(DicomTag.SOPInstanceUID), header.Dataset.GetString(DicomTag.SOPInstanceUID));
        Assert.Equal("1.9.999.999.99.9.9999.9999.20030818153516", header.Dataset.GetString(DicomTag.SOPInstanceUID));
        Assert.Equal(DicomUids.RLELossless, header.TransferSyntax.Uid);
    }

    [Fact]
    public void Header_only_read_of_priv_SQ_keeps_the_private_UN_sequence_regression()
    {
        var path = PydicomCorpus.PathOf("priv_SQ.dcm");
        var full = DicomFile.Open(path);
        var header = DicomFile.Open(path, HeaderOnly);
        Assert.False(header.StoppedBeforePixelData);
        Assert.Null(DatasetDifference.Find(full.Dataset, header.Dataset));
        Assert.True(header.Dataset.Find(new DicomTag(0x3F03, 0x1001)) is { } e && e.Data.Length + e.Items.Count > 0);
        Assert.Equal(DicomUids.MRImageStorage, header.Meta.GetString(DicomTag.MediaStorageSOPClassUID));
    }

    private static List<string> Check(string name)
    {
        var path = PydicomCorpus.PathOf(name);
        DicomFile? full = null;
        string? fullError = null;
        try
        {
            full = DicomFile.Open(path);
        }
        catch (DicomDataException ex)
        {
            fullError = ex.Message;
        }

        var problems = new List<string>();
        foreach (var (how, read) in HeaderReads(path))
        {
            DicomFile? header = null;
            string? error = null;
            try
            {
                header = read();
            }
            catch (DicomDataException ex)
            {
                error = ex.Message;
            }
            catch (Exception ex)
            {
                problems.Add($"{how}: {ex.GetType().Name} (not a DicomDataException): {ex.Message}");
                continue;
            }
            if (full is null)
            {
                if (HeaderIntactPixelDataBroken.TryGetValue(name, out var reason))
                {
                    if (header is null) problems.Add($"{how}: header-only read failed ({error}) although {reason}");
                    else if (!header.StoppedBeforePixelData) problems.Add($"{how}: listed as '{reason}' but the header read did not reach the pixel data");
                }
                else if (header is not null)
                {
                    problems.Add($"{how}: header-only read succeeded where the full read failed ({fullError})");
                }
                continue;
            }
            if (header is null)
            {
                problems.Add($"{how}: header-only read failed where the full read succeeds: {error}");
                continue;
            }
            if (Compare(full, header) is { } difference) problems.Add($"{how}: {difference}");
        }
        return problems;
    }

    private static IEnumerable<(string How, Func<DicomFile> Read)> HeaderReads(string path)
    {
        yield return ("file", () => DicomFile.Open(path, HeaderOnly));
        yield return ("tiny prefixes", () =>
        {
            using var fs = File.OpenRead(path);
            return DicomFileReader.Read(fs, HeaderOnly, TinyChunks);
        });
        yield return ("non-seekable stream", () =>
        {
            using var fs = File.OpenRead(path);
            using var stream = new NonSeekableStream(fs);
            return DicomFile.Read(stream, HeaderOnly);
        });
    }

    private static string? Compare(DicomFile full, DicomFile header)
    {
        if (full.TransferSyntax != header.TransferSyntax) return $"transfer syntax {header.TransferSyntax.Uid}, full read {full.TransferSyntax.Uid}";
        if (full.HadPreamble != header.HadPreamble) return "preamble detected differently";
        if (DatasetDifference.Find(full.Meta, header.Meta) is { } meta) return "meta group: " + meta;
        // The header read stops at the first top-level (7FE0,0008), (7FE0,0009) or (7FE0,0010).
        var stop = full.Dataset.Where(e => e.Tag.Value is 0x7FE00008 or 0x7FE00009 or 0x7FE00010).Select(e => (uint?)e.Tag.Value).FirstOrDefault();
        if (header.StoppedBeforePixelData != stop.HasValue) return $"StoppedBeforePixelData {header.StoppedBeforePixelData}, but the file {(stop.HasValue ? "has" : "has no")} pixel data";
        if (header.Dataset.Any(e => stop.HasValue && e.Tag.Value >= stop.Value)) return "elements at or after the pixel data were read";
        return DatasetDifference.Find(full.Dataset, header.Dataset, tag => stop is not { } s || tag.Value < s) is { } d ? "data set: " + d : null;
    }

    /// <summary>A read-only stream that cannot seek, as a network or pipe stream.</summary>
    private sealed class NonSeekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
