using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests;

/// <summary>The external reference programs that the interop tests rely on are installed and answer.</summary>
public class ToolchainTests
{
    [Theory]
    [InlineData("dcmdump", "--version")]
    [InlineData("dcm2json", "--version")]
    [InlineData("storescp", "--version")]
    public void Dcmtk_programs_are_installed(string program, string argument)
    {
        var result = ExternalTool.Run(program, argument).EnsureSuccess();
        Assert.Contains("dcmtk", result.StdOut + result.StdErr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Pydicom_is_importable_by_the_debian_python()
    {
        var result = ExternalTool.Run("/usr/bin/python3", "-c", "import pydicom, scipy; print(pydicom.__version__)").EnsureSuccess();
        Assert.Matches(@"^\d+\.\d+", result.StdOut.Trim());
        Assert.True(Directory.Exists(TestPaths.PydicomTestFiles), "pydicom's test corpus is missing");
    }
}
