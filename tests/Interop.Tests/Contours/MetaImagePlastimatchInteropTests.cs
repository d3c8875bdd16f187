using System.Globalization;
using System.Text.RegularExpressions;
using VoxDose.Dosimetry.IO;
using VoxDose.Dosimetry.Volumes;
using VoxDose.Tests.Shared;

namespace VoxDose.Interop.Tests.Contours;

/// <summary>plastimatch (ITK) reads VoxDose's MetaImage files with the same geometry and values.</summary>
public class MetaImagePlastimatchInteropTests
{
    [Fact]
    public void Plastimatch_reads_origin_spacing_oblique_direction_and_voxels()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-mha");
        try
        {
            var row = new Vec3(0.8, 0.6, 0);
            var column = new Vec3(-0.6, 0.8, 0);
            var volume = new Volume(5, 6, 7, new Vec3(2, 3, 4), new Vec3(-10, 20.5, 30), row, column);
            for (var i = 0; i < volume.Count; i++) volume.Voxels[i] = i * 0.5f;
            var path = Path.Combine(dir, "v.mha");
            MetaImageWriter.Write(volume, path);

            var header = ExternalTool.Run("plastimatch", "header", path).EnsureSuccess().StdOut;
            Assert.Equal([-10, 20.5, 30], Numbers(header, "Origin"));
            Assert.Equal([5, 6, 7], Numbers(header, "Size"));
            Assert.Equal([2, 3, 4], Numbers(header, "Spacing"));
            var m = Numbers(header, "Direction"); // row-major: the columns are the axis directions
            Assert.Equal([0.8, 0.6, 0], new[] { m[0], m[3], m[6] });
            Assert.Equal([-0.6, 0.8, 0], new[] { m[1], m[4], m[7] });
            Assert.Equal([0, 0, 1], new[] { m[2], m[5], m[8] });

            var stats = ExternalTool.Run("plastimatch", "stats", path).EnsureSuccess().StdOut;
            Assert.Equal((volume.Count - 1) * 0.5, double.Parse(Regex.Match(stats, @"MAX ([-\d.eE+]+)").Groups[1].Value, CultureInfo.InvariantCulture), 4);
            Assert.Equal((volume.Count - 1) * 0.25, double.Parse(Regex.Match(stats, @"AVE ([-\d.eE+]+)").Groups[1].Value, CultureInfo.InvariantCulture), 3);
        }
        finally { Directory.Delete(dir, true); }
    }

    private static double[] Numbers(string text, string key)
    {
        var line = text.Split('\n').First(l => l.TrimStart().StartsWith(key + " =", StringComparison.Ordinal));
        return [.. line[(line.IndexOf('=') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => Math.Round(double.Parse(s, CultureInfo.InvariantCulture), 4))];
    }
}
