using System.Globalization;
using System.Text.RegularExpressions;
using VoxDose.Reporting;
using VoxDose.Reporting.Tests.Fixtures;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.Interop.Tests.Reporting;

/// <summary>DCMTK's dsrdump reads the SR; its rendering holds every ROI name and mean dose.</summary>
public class SrDsrdumpTests(ITestOutputHelper output)
{
    [Fact]
    public void Dsrdump_shows_every_roi_name_and_mean_dose()
    {
        var report = SyntheticReport.Create();
        var dir = TestPaths.NewTempDirectory("voxdose-sr");
        var outputs = ReportWriter.WriteAll(report, dir);
        // +Pl: print long text values in full; +Pc: print the concept name codes.
        var result = ExternalTool.Run("dsrdump", "+Pl", "+Pc", outputs.SrPath).EnsureSuccess();
        output.WriteLine(result.StdErr);
        var text = result.StdOut;
        Assert.DoesNotContain("E:", result.StdErr);
        Assert.Contains("126000,DCM,\"Imaging Measurement Report\"", text);

        var means = Regex.Matches(text, "128513,DCM,\"Absorbed Dose\"\\)=\"([^\"]+)\" \\(Gy,UCUM,\"Gy\"\\)>\\s*\\n\\s*<has concept mod CODE:\\(121401,DCM,\"Derivation\"\\)=\\(373098007,SCT,\"Mean\"\\)>")
            .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(report.Rois.Count, means.Count);
        foreach (var roi in report.Rois)
        {
            Assert.Contains($"\"{roi.Name}\"", text);
            Assert.Contains(means, m => Math.Abs(m - roi.Metrics.MeanGy) <= 0.05 + 1e-9); // 0.1 Gy in the SR (docs/reporting.md)
        }
        Assert.Contains("D70,99VOXDOSE", text);
        Assert.Contains("V100GY,99VOXDOSE", text);
    }
}
