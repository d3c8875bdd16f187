using System.Text.Json;
using VoxDose.Dicom;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Tests.Pet;
using VoxDose.Dosimetry.Volumes;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.Interop.Tests.Contours;

/// <summary><c>voxdose dose</c> run as a process on DICOM files written to disk: table, results.json, dose.mha.</summary>
public class DoseCommandEndToEndTests(ITestOutputHelper output)
{
    private const string Frame = "1.2.826.0.1.3680043.10.1.99";

    private static List<Contour> Sphere(Vec3 c, double r)
    {
        var contours = new List<Contour>();
        for (var z = c.Z - r + 2; z < c.Z + r; z += 4)
        {
            var rr = Math.Sqrt(r * r - (z - c.Z) * (z - c.Z));
            contours.Add(Contour.Closed(Enumerable.Range(0, 96).Select(a => new Vec3(c.X + rr * Math.Cos(a * Math.PI / 48), c.Y + rr * Math.Sin(a * Math.PI / 48), z))));
        }
        return contours;
    }

    private static ToolResult Voxdose(params string[] args) =>
        ExternalTool.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "voxdose.dll"), .. args], TimeSpan.FromMinutes(3));

    [Fact]
    public void Dose_verb_writes_results_json_with_metrics_and_the_not_applicable_rtstruct()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-dose-verb");
        try
        {
            var activity = new Volume(40, 40, 30, new Vec3(4, 4, 4), new Vec3(-78, -78, -58), frameOfReferenceUid: Frame);
            double totalBq = 0;
            for (var k = 0; k < activity.SizeZ; k++)
                for (var j = 0; j < activity.SizeY; j++)
                    for (var i = 0; i < activity.SizeX; i++)
                    {
                        var p = activity.VoxelToPatient(i, j, k);
                        activity[i, j, k] = (p - new Vec3(10, 0, 0)).Length < 20 ? 3e6f : p.Length < 55 ? 0.5e6f : 0f;
                        totalBq += activity[i, j, k] * activity.VoxelVolumeMl;
                    }
            var petDir = Directory.CreateDirectory(Path.Combine(dir, "in", "pet")).FullName;
            var datasets = new SyntheticPetSeries().Build(activity);
            var studyUid = datasets[0].GetString(DicomTag.StudyInstanceUID)!;
            for (var n = 0; n < datasets.Count; n++) DicomFile.Create(datasets[n]).Save(Path.Combine(petDir, $"{n:D3}.dcm"));
            var onPet = Path.Combine(dir, "rs-pet.dcm");
            RtStructWriter.Write(new StructureSet
            {
                FrameOfReferenceUids = [Frame],
                Rois =
                [
                    new StructureSetRoi { Number = 1, Name = "HCC [seg 8]", InterpretedType = "GTV", Contours = Sphere(new Vec3(10, 0, 0), 16) },
                    new StructureSetRoi { Number = 2, Name = "Liver", InterpretedType = "ORGAN", Contours = Sphere(new Vec3(0, 0, 0), 50) },
                ],
            }, onPet, studyUid);
            RtStructWriter.Write(new StructureSet { FrameOfReferenceUids = ["1.2.3.4.5"], Rois = [new StructureSetRoi { Number = 1, Name = "GTV", Contours = Sphere(new Vec3(0, 0, 0), 10) }] },
                Path.Combine(dir, "in", "rs-ct.dcm"), studyUid);
            var outDir = Path.Combine(dir, "out");

            var run = Voxdose("dose", Path.Combine(dir, "in"), "--rtstruct", onPet, "--out", outDir, "--method", "vsv", "--masks").EnsureSuccess();

            output.WriteLine(run.StdOut);
            Assert.True(run.StdOut.Contains("HCC [seg 8]", StringComparison.Ordinal), run.StdOut);
            Assert.Contains("RTSTRUCT not applied", run.StdOut, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(outDir, "dose.mha")));
            Assert.Equal(["01-HCC__seg_8_.mha", "02-Liver.mha", "03-Normal_liver__derived__liver_minus_lesions_.mha"],
                Directory.GetFiles(Path.Combine(outDir, "masks")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "results.json")));
            var root = doc.RootElement;
            Assert.Equal(studyUid, root.GetProperty("studyInstanceUid").GetString());
            Assert.Equal("vsv", root.GetProperty("method").GetString());
            Assert.Equal(totalBq / 1e6, root.GetProperty("totalActivityMBq").GetDouble(), totalBq / 1e6 * 1e-3);
            var rois = root.GetProperty("rois").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
            var lesion = rois["HCC [seg 8]"];
            Assert.Equal("lesion", lesion.GetProperty("role").GetString());
            foreach (var field in new[] { "volumeMl", "meanGy", "sdGy", "cov", "minGy", "maxGy", "d70Gy", "v100Percent" })
                Assert.Equal(JsonValueKind.Number, lesion.GetProperty(field).ValueKind);
            Assert.True(lesion.GetProperty("meanGy").GetDouble() > rois["Liver"].GetProperty("meanGy").GetDouble());
            Assert.Equal(JsonValueKind.Array, lesion.GetProperty("flags").ValueKind);
            Assert.True(lesion.GetProperty("dvh").GetProperty("doseGy").GetArrayLength() > 10);
            Assert.Equal("normalLiver", rois[global::VoxDose.Dosimetry.Metrics.RoiAnalyzer.DerivedNormalLiverName].GetProperty("role").GetString());
            // Study-level flags: the synthetic header says 2000 MBq administered; far less is in the PET.
            var recovery = Assert.Single(root.GetProperty("flags").EnumerateArray(), f => f.GetProperty("code").GetString() == "ACTIVITY_RECOVERY");
            var percent = (totalBq / 2.0e9 * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains($"= {percent} % of the Radionuclide Total Dose (0018,1074) 2000.0 MBq", recovery.GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Contains("ACTIVITY_RECOVERY", run.StdOut, StringComparison.Ordinal);
            var notApplicable = Assert.Single(root.GetProperty("notApplicableStructureSets").EnumerateArray());
            Assert.EndsWith("rs-ct.dcm", notApplicable.GetProperty("source").GetString(), StringComparison.Ordinal);
            Assert.Contains("1.2.3.4.5", notApplicable.GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Contains(Frame, notApplicable.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Dose_verb_records_the_calculation_and_accepts_the_study_3_mm_variant()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-dose-verb-3mm");
        try
        {
            var activity = new Volume(30, 30, 20, new Vec3(4.07, 4.07, 5), new Vec3(-60, -60, -50), frameOfReferenceUid: Frame);
            for (var k = 0; k < activity.SizeZ; k++)
                for (var j = 0; j < activity.SizeY; j++)
                    for (var i = 0; i < activity.SizeX; i++)
                        activity[i, j, k] = activity.VoxelToPatient(i, j, k).Length < 30 ? 2e6f : 0f;
            var petDir = Directory.CreateDirectory(Path.Combine(dir, "pet")).FullName;
            var datasets = new SyntheticPetSeries().Build(activity);
            for (var n = 0; n < datasets.Count; n++) DicomFile.Create(datasets[n]).Save(Path.Combine(petDir, $"{n:D3}.dcm"));

            var native = Voxdose("dose", petDir, "--out", Path.Combine(dir, "native"));
            output.WriteLine(native.StdOut + native.StdErr);
            Assert.Equal(0, native.ExitCode);
            var resampled = Voxdose("dose", petDir, "--out", Path.Combine(dir, "r3"), "--resample-mm", "3");
            output.WriteLine(resampled.StdOut + resampled.StdErr);
            Assert.Equal(0, resampled.ExitCode);

            JsonElement Calculation(string sub) =>
                JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, sub, "results.json"))).RootElement.GetProperty("calculation");
            var nativeCalc = Calculation("native");
            var r3Calc = Calculation("r3");
            Assert.Equal(4.07, nativeCalc.GetProperty("calculationSpacingMm")[0].GetDouble(), 6);
            Assert.Equal(3.0, r3Calc.GetProperty("calculationSpacingMm")[0].GetDouble(), 6);
            Assert.Contains("resampled to 3 mm", r3Calc.GetProperty("kernel").GetString(), StringComparison.Ordinal);
            Assert.InRange(r3Calc.GetProperty("halfLifeUsedS").GetDouble(), 230_400, 230_760);
            Assert.InRange(nativeCalc.GetProperty("energyDepositedFraction").GetDouble(), 0.95, 1.0);

            var rejected = Voxdose("dose", petDir, "--out", Path.Combine(dir, "bad"), "--method", "ldm", "--resample-mm", "3");
            Assert.Equal(2, rejected.ExitCode);
            Assert.Contains("ResampleSpacingMm applies to the VSV method only", rejected.StdErr, StringComparison.Ordinal);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Dose_verb_without_pet_fails_with_a_clear_message()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-dose-verb-empty");
        try
        {
            var run = Voxdose("dose", dir, "--out", Path.Combine(dir, "out"));
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("No PET image", run.StdErr, StringComparison.Ordinal);
        }
        finally { Directory.Delete(dir, true); }
    }
}
