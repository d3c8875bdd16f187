using System.Text.Json.Nodes;
using VoxDose.StoreScp.Cli;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Dicom;

/// <summary>Interop (DCMTK dcm2json, dcmdump): the <c>voxdose dump</c> verb run as a real process.</summary>
[Trait("Category", "Interop")]
public class DumpVerbDcmtkTests
{
    private static ToolResult Voxdose(params string[] args) =>
        ExternalTool.Run("dotnet", new[] { typeof(DumpCommand).Assembly.Location }.Concat(args));

    [Theory]
    [InlineData("CT_small.dcm")]
    [InlineData("rtstruct.dcm")]
    [InlineData("MR_small_bigendian.dcm")]
    public void Dump_json_equals_dcm2json(string name)
    {
        var path = Path.Combine(TestPaths.PydicomTestFiles, name);
        var ours = Voxdose("dump", "--json", path).EnsureSuccess();
        var dcmtk = ExternalTool.Run("dcm2json", "-fc", path).EnsureSuccess();
        var diffs = DicomJsonComparer.Compare(JsonNode.Parse(dcmtk.StdOut), JsonNode.Parse(ours.StdOut));
        Assert.True(diffs.Count == 0, string.Join('\n', diffs));
    }

    [Fact]
    public void Two_spaces_VR_dump_json_equals_dcm2json_regression()
    {
        // Issue 10: DCMTK reads the non-standard VR "  " with a 2-byte length (a warning); we refused the file.
        var path = Path.Combine(TestPaths.NewTempDirectory(), "two-spaces-vr.dcm");
        File.WriteAllBytes(path, TwoSpacesVrFile.Bytes());
        var ours = Voxdose("dump", "--json", path).EnsureSuccess();
        var dcmtk = ExternalTool.Run("dcm2json", "-fc", path).EnsureSuccess();
        Assert.Contains("Non-standard VR", dcmtk.StdErr, StringComparison.Ordinal);
        var diffs = DicomJsonComparer.Compare(JsonNode.Parse(dcmtk.StdOut), JsonNode.Parse(ours.StdOut));
        Assert.True(diffs.Count == 0, string.Join('\n', diffs));
        Assert.Equal("UN", JsonNode.Parse(ours.StdOut)!["00280120"]!["vr"]!.GetValue<string>());
    }

    [Fact]
    public void Dump_json_of_a_file_cut_to_its_meta_group_fails_regression()
    {
        // Issue 11: a file cut to 300 bytes (its meta group and nothing more) printed {} and exited 0.
        var whole = Path.Combine(TestPaths.PydicomTestFiles, "CT_small.dcm");
        var bytes = File.ReadAllBytes(whole);
        var metaEnd = 132 + 12 + (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(140));
        var path = Path.Combine(TestPaths.NewTempDirectory(), "cut.dcm");
        File.WriteAllBytes(path, bytes[..metaEnd]);
        var result = Voxdose("dump", "--json", path);
        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("{}", result.StdOut, StringComparison.Ordinal);
        Assert.Contains("no data set", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Deflate_bomb_dump_header_only_stays_small_regression()
    {
        // Issue 11: a 1 MB file that inflates to 1 GiB took `dump --header-only` to 4.3 GB; now only the header is inflated.
        var path = Path.Combine(TestPaths.NewTempDirectory(), "bomb.dcm");
        using (var fs = File.Create(path)) DeflateBomb.Write(fs, 1L << 30);
        Assert.True(new FileInfo(path).Length < 4 << 20);
        var result = ExternalTool.Run("/usr/bin/time", new[] { "-f", "maxrss_kb=%M", "dotnet", typeof(DumpCommand).Assembly.Location, "dump", "--header-only", path }).EnsureSuccess();
        Assert.Contains("2.25.31337", result.StdOut, StringComparison.Ordinal);
        var maxRssKb = long.Parse(result.StdErr.Split("maxrss_kb=")[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(maxRssKb < 400_000, $"dump --header-only peaked at {maxRssKb} kB");
    }

    [Fact]
    public void Text_dump_lists_the_same_top_level_tags_as_dcmdump()
    {
        var path = Path.Combine(TestPaths.PydicomTestFiles, "CT_small.dcm");
        var ours = Voxdose("dump", path).EnsureSuccess().StdOut;
        var dcmdump = ExternalTool.Run("dcmdump", path).EnsureSuccess().StdOut;
        static List<string> TopLevelTags(string text) => text.Split('\n')
            .Where(l => l.StartsWith('(') && !l.StartsWith("(fffe", StringComparison.Ordinal)).Select(l => l[..11]).ToList();
        Assert.Equal(TopLevelTags(dcmdump), TopLevelTags(ours));
        Assert.Contains("(0010,0010) PN [CompressedSamples^CT1]", ours, StringComparison.Ordinal);
    }

    [Fact]
    public void Dump_of_a_non_DICOM_file_fails_with_a_message()
    {
        var result = Voxdose("dump", Path.Combine(TestPaths.PydicomTestFiles, "README.txt"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Not a DICOM file", result.StdErr, StringComparison.Ordinal);
    }
}
