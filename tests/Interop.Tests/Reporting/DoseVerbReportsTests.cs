using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using VoxDose.Dicom;
using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Tests.Pet;
using VoxDose.Dosimetry.Volumes;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.Interop.Tests.Reporting;

/// <summary>
/// <c>voxdose dose</c> as a process on PET + RTSTRUCT files: the five report files, read by independent tools and
/// agreeing with results.json (the numbers the pipeline computed).
/// </summary>
public class DoseVerbReportsTests(ITestOutputHelper output)
{
    private const string Frame = "1.2.826.0.1.3680043.10.1.77";
    private static readonly string[] RoiNames = ["HCC seg 8", "Satellite", "Liver"];

    [Fact]
    public void Dose_verb_writes_reports_that_dciodvfy_dsrdump_pdftotext_and_pydicom_accept()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-dose-reports");
        var activity = new Volume(44, 40, 26, new Vec3(4.07, 4.07, 5), new Vec3(-87.5, -79.4, -62.5), frameOfReferenceUid: Frame);
        for (var k = 0; k < activity.SizeZ; k++)
            for (var j = 0; j < activity.SizeY; j++)
                for (var i = 0; i < activity.SizeX; i++)
                {
                    var p = activity.VoxelToPatient(i, j, k);
                    activity[i, j, k] = (p - new Vec3(20, -10, 0)).Length < 18 ? 3e6f : (p - new Vec3(-30, 15, 10)).Length < 10 ? 1.2e6f : p.Length < 60 ? 0.4e6f : 0.01e6f;
                }
        var petDir = Directory.CreateDirectory(Path.Combine(dir, "in", "pet")).FullName;
        var datasets = new SyntheticPetSeries().Build(activity);
        for (var n = 0; n < datasets.Count; n++) DicomFile.Create(datasets[n]).Save(Path.Combine(petDir, $"{n:D3}.dcm"));
        RtStructWriter.Write(new StructureSet
        {
            FrameOfReferenceUids = [Frame],
            Rois =
            [
                new StructureSetRoi { Number = 1, Name = RoiNames[0], InterpretedType = "GTV", Contours = Sphere(new Vec3(20, -10, 0), 18) },
                new StructureSetRoi { Number = 2, Name = RoiNames[1], InterpretedType = "GTV", Contours = Sphere(new Vec3(-30, 15, 10), 10) },
                new StructureSetRoi { Number = 3, Name = RoiNames[2], InterpretedType = "ORGAN", Contours = Sphere(new Vec3(0, 0, 0), 60) },
            ],
        }, Path.Combine(dir, "in", "rs.dcm"), datasets[0].GetString(DicomTag.StudyInstanceUID)!);
        var outDir = Path.Combine(dir, "out");

        var run = ExternalTool.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "voxdose.dll"), "dose", Path.Combine(dir, "in"), "--out", outDir],
            TimeSpan.FromMinutes(3));
        output.WriteLine(run.StdOut + run.StdErr);
        run.EnsureSuccess();
        foreach (var file in new[] { "rtdose.dcm", "sr.dcm", "report.pdf", "report-pdf.dcm", "fusion-sc.dcm" })
            Assert.True(File.Exists(Path.Combine(outDir, file)), file);

        using var results = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outDir, "results.json")));
        var means = results.RootElement.GetProperty("rois").EnumerateArray()
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("meanGy").GetDouble());
        foreach (var name in RoiNames) Assert.True(means.ContainsKey(name), name);

        foreach (var file in new[] { "sr.dcm", "report-pdf.dcm", "fusion-sc.dcm" })
        {
            var check = Dciodvfy.Run(Path.Combine(outDir, file));
            output.WriteLine($"dciodvfy {file}: {string.Join(" | ", check.Errors.Concat(check.Warnings.Distinct()))}");
            Assert.False(check.Aborted, check.Raw);
            Assert.Empty(check.Errors);
        }

        var sr = ExternalTool.Run("dsrdump", "+Pl", Path.Combine(outDir, "sr.dcm")).EnsureSuccess().StdOut;
        var pdf = Regex.Replace(ExternalTool.Run("pdftotext", "-layout", Path.Combine(outDir, "report.pdf"), "-").EnsureSuccess().StdOut, @"\s+", " ");
        foreach (var (name, meanGy) in means)
        {
            Assert.Contains($"\"{name}\"", sr);
            Assert.Contains(name, pdf);
            Assert.Contains(meanGy.ToString("F1", CultureInfo.InvariantCulture), pdf);
            Assert.Matches(SrMeanPattern(meanGy), sr);
        }

        var py = ExternalTool.Run("/usr/bin/python3", "-c", """
            import sys, pydicom
            d = pydicom.dcmread(sys.argv[1]); p = pydicom.dcmread(sys.argv[2])
            print(d.Rows == p.Rows, d.Columns == p.Columns, int(d.NumberOfFrames), d.FrameOfReferenceUID == p.FrameOfReferenceUID, d.StudyInstanceUID == p.StudyInstanceUID)
            """, Path.Combine(outDir, "rtdose.dcm"), Path.Combine(petDir, "000.dcm")).EnsureSuccess().StdOut.Trim();
        Assert.Equal($"True True {activity.SizeZ} True True", py);
    }

    /// <summary>The SR's mean for an ROI as dsrdump prints it: results.json's mean rounded to 0.1 Gy (docs/reporting.md), e.g. "43" or "4.8".</summary>
    private static Regex SrMeanPattern(double meanGy)
    {
        var rounded = Regex.Escape(Math.Round(meanGy, 1, MidpointRounding.AwayFromZero).ToString("R", CultureInfo.InvariantCulture));
        return new Regex($"Absorbed Dose\"\\)=\"{rounded}\" \\(Gy,UCUM,\"Gy\"\\)>\\s*\\n\\s*<has concept mod CODE:\\(,,\"Derivation\"\\)=\\(373098007,SCT,\"Mean\"\\)>");
    }

    private static List<Contour> Sphere(Vec3 c, double r)
    {
        var contours = new List<Contour>();
        for (var z = c.Z - r + 2.5; z < c.Z + r; z += 5)
        {
            var rr = Math.Sqrt(r * r - (z - c.Z) * (z - c.Z));
            contours.Add(Contour.Closed(Enumerable.Range(0, 96).Select(a => new Vec3(c.X + rr * Math.Cos(a * Math.PI / 48), c.Y + rr * Math.Sin(a * Math.PI / 48), z))));
        }
        return contours;
    }
}
