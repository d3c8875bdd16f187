using System.Globalization;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Dosimetry;

/// <summary>The <c>voxdose kernel</c> verb, run as a process, prints the octant a physicist can lay beside Lanconelli 2012.</summary>
public class KernelVerbProcessTests
{
    private static readonly string Voxdose = Path.Combine(AppContext.BaseDirectory, "voxdose.dll");

    [Fact]
    public void Kernel_verb_prints_the_3mm_octant_matching_Lanconelli_2012()
    {
        var result = ExternalTool.Run("dotnet", [Voxdose, "kernel", "--spacing", "3", "3", "3"]).EnsureSuccess();
        var ours = Parse(result.StdOut);
        var reference = Parse(File.ReadAllText(Path.Combine(TestPaths.SharedReference, "y90-vsv-lanconelli2012", "90Y3mmsoft.txt")));
        Assert.Equal(5 * 5 * 5, ours.Count); // half-extent 4 at 3 mm: the beta range in soft tissue is 11.5 mm
        foreach (var key in new[] { (0, 0, 0), (0, 0, 1), (0, 1, 1), (1, 1, 1), (0, 0, 2) })
            Assert.Equal(1.0, ours[key] / reference[key], 0.02);
        Assert.Contains("sum(S x voxel mass) = 0.9299", result.StdOut);
    }

    [Fact]
    public void Kernel_verb_refuses_bad_spacing_and_density()
    {
        Assert.Equal(2, ExternalTool.Run("dotnet", [Voxdose, "kernel", "--spacing", "3", "0", "3"]).ExitCode);
        var density = ExternalTool.Run("dotnet", [Voxdose, "kernel", "--spacing", "3", "3", "3", "--density", "100"]);
        Assert.Equal(2, density.ExitCode);
        Assert.Contains("--density", density.StdErr);
    }

    private static Dictionary<(int, int, int), double> Parse(string text)
    {
        var values = new Dictionary<(int, int, int), double>();
        foreach (var line in text.Split('\n'))
        {
            var parts = line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 4 && int.TryParse(parts[0], out var i) && int.TryParse(parts[1], out var j) && int.TryParse(parts[2], out var k))
                values[(i, j, k)] = double.Parse(parts[3], CultureInfo.InvariantCulture);
        }
        return values;
    }
}
