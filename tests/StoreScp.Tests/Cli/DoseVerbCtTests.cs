using System.CommandLine;
using System.Text;
using System.Text.Json;
using VoxDose.Dicom;
using VoxDose.StoreScp.Cli;
using VoxDose.StoreScp.Phantom;
using VoxDose.Tests.Shared;

namespace VoxDose.StoreScp.Tests.Cli;

/// <summary>
/// Issue 14: <c>voxdose dose</c> with the PET/CT's CT. With LDM the dose with and without the CT differ only where the
/// density differs from soft tissue, by exactly that ratio; a named CT that cannot be used, or a bad calibration table,
/// is an error (exit 2).
/// </summary>
public class DoseVerbCtTests
{
    private static readonly PhantomSpec Spec = new() { Columns = 80, Rows = 80, PixelSpacingMm = 10.175, Slices = 40, SliceSpacingMm = 5.6 };

    // Independent of the product's table: Schneider 2000 segments by hand (-1000 HU 0.00121 .. -98 HU 0.93; 23 HU 1.031 .. 100 HU 1.1199).
    private static readonly double LungGPerMl = 0.00121 + 300.0 / 902.0 * (0.93 - 0.00121);
    private static readonly double SoftGPerMl = 1.031 + 17.0 / 77.0 * (1.1199 - 1.031);

    private static int Dose(params string[] args) => new RootCommand { DoseCommand.Create() }.Parse(["dose", .. args]).Invoke();

    [Fact]
    public void With_and_without_the_ct_the_ldm_dose_differs_only_where_the_density_differs_and_by_its_ratio()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-dose-ct");
        try
        {
            var phantom = PhantomStudyWriter.Write(Spec, Path.Combine(dir, "phantom"), withCt: true);
            var pet = Path.Combine(dir, "phantom", "pet");
            Assert.Equal(0, Dose(pet, "--rtstruct", phantom.RtStructFile, "--method", "ldm", "--ct", Path.Combine(dir, "phantom", "ct"), "--out", Path.Combine(dir, "ct")));
            Assert.Equal(0, Dose(pet, "--rtstruct", phantom.RtStructFile, "--method", "ldm", "--out", Path.Combine(dir, "no-ct")));
            var withCt = ReadMha(Path.Combine(dir, "ct", "dose.mha"));
            var without = ReadMha(Path.Combine(dir, "no-ct", "dose.mha"));
            Assert.Equal(without.Length, withCt.Length);

            var lungs = Spec.Regions.Where(r => r.Kind == "lung").ToList();
            int lungVoxels = 0, softVoxels = 0, differing = 0;
            for (var k = 0; k < Spec.Slices; k++)
            for (var j = 0; j < Spec.Rows; j++)
            for (var i = 0; i < Spec.Columns; i++)
            {
                var index = i + Spec.Columns * (j + Spec.Rows * k);
                double a = without[index], b = withCt[index];
                if (a == 0 && b == 0) continue;
                if (a != b) differing++;
                // Every ratio is a density ratio of the body's tissues (1.04 / rho, rho between lung and soft tissue).
                Assert.InRange(a / b, LungGPerMl / 1.04 * 0.999, SoftGPerMl / 1.04 * 1.001);
                var corners = Corners(i, j, k).ToList();
                if (corners.All(c => lungs.Any(l => l.Contains(c.X, c.Y, c.Z))))
                {
                    Assert.Equal(LungGPerMl / 1.04, a / b, 4);
                    lungVoxels++;
                }
                else if (corners.All(c => PhantomBuilder.InBody(c.X, c.Y) && !lungs.Any(l => Grown(l).Contains(c.X, c.Y, c.Z))))
                {
                    Assert.Equal(SoftGPerMl / 1.04, a / b, 4);
                    softVoxels++;
                }
            }
            Assert.True(lungVoxels > 50 && softVoxels > 1000 && differing > 0, $"lung {lungVoxels}, soft {softVoxels}, differing {differing}");

            using var results = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "ct", "results.json")));
            Assert.True(results.RootElement.GetProperty("density").GetProperty("ctUsed").GetBoolean());
            using var noCt = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "no-ct", "results.json")));
            Assert.Equal("soft tissue (1.04 g/mL) assumed", noCt.RootElement.GetProperty("density").GetProperty("assumption").GetString());
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public void A_named_ct_in_another_frame_of_reference_or_a_bad_calibration_table_exits_2()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-dose-ct-bad");
        try
        {
            var small = Spec with { Slices = 24 };
            var phantom = PhantomStudyWriter.Write(small, Path.Combine(dir, "phantom"));
            var foreign = PhantomCtWriter.Write(small, phantom.Identity with { FrameOfReferenceUid = DicomUid.Generate() }, phantom.Truth, Path.Combine(dir, "foreign-ct"));
            var named = Voxdose("dose", Path.Combine(dir, "phantom", "pet"), "--ct", Path.Combine(dir, "foreign-ct"), "--out", Path.Combine(dir, "out"));
            Assert.Equal(2, named.ExitCode);
            Assert.Contains("Frame of Reference UID", named.StdErr, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(dir, "out", "results.json")));

            var config = Path.Combine(dir, "bad.json");
            File.WriteAllText(config, """{ "VoxDose": { "Dosimetry": { "HuToDensity": { "Points": [ { "Hu": 0, "DensityGPerMl": 1 }, { "Hu": -100, "DensityGPerMl": 0.9 } ] } } } }""");
            var run = Voxdose("dose", Path.Combine(dir, "phantom", "pet"), "--out", Path.Combine(dir, "out2"), "--config", config);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("VoxDose:Dosimetry:HuToDensity:Points:1:Hu must be larger", run.StdErr + run.StdOut, StringComparison.Ordinal);
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private static ToolResult Voxdose(params string[] args) =>
        ExternalTool.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "voxdose.dll"), .. args], TimeSpan.FromMinutes(2));

    private static PhantomRegion Grown(PhantomRegion r) => r with { SemiAxesMm = r.SemiAxesMm + new VoxDose.Dosimetry.Volumes.Vec3(12, 12, 12) };

    private static IEnumerable<VoxDose.Dosimetry.Volumes.Vec3> Corners(int i, int j, int k)
    {
        for (var c = 0; c < 8; c++)
            yield return Spec.VoxelCentreMm(i + ((c & 1) - 0.5), j + (((c >> 1) & 1) - 0.5), k + (((c >> 2) & 1) - 0.5));
    }

    /// <summary>The float voxels of a MetaImage written with its data in the same file (after "ElementDataFile = LOCAL").</summary>
    private static float[] ReadMha(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var marker = Encoding.ASCII.GetBytes("ElementDataFile = LOCAL\n");
        var start = bytes.AsSpan().IndexOf(marker) + marker.Length;
        var header = Encoding.ASCII.GetString(bytes, 0, start);
        Assert.Contains("ElementType = MET_FLOAT", header, StringComparison.Ordinal);
        var values = new float[(bytes.Length - start) / 4];
        Buffer.BlockCopy(bytes, start, values, 0, values.Length * 4);
        return values;
    }
}
