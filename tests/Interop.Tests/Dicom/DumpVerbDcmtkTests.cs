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
