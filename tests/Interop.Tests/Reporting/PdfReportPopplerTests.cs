using System.Text.RegularExpressions;
using VoxDose.Reporting.Model;
using VoxDose.Reporting.Pdf;
using VoxDose.Reporting.Tests.Fixtures;
using VoxDose.Tests.Shared;
using Xunit.Abstractions;

namespace VoxDose.Interop.Tests.Reporting;

/// <summary>The PDF report read by poppler (pdftotext, pdfinfo, pdftoppm), an independent PDF reader.</summary>
public class PdfReportPopplerTests(ITestOutputHelper output)
{
    [Fact]
    public void Pdftotext_finds_every_roi_name_and_mean_dose()
    {
        var report = SyntheticReport.Create();
        var dir = TestPaths.NewTempDirectory("voxdose-pdf");
        var pdfPath = Path.Combine(dir, "report.pdf");
        File.WriteAllBytes(pdfPath, PdfReportWriter.Write(report));

        var text = ExternalTool.Run("pdftotext", "-layout", pdfPath, "-").EnsureSuccess().StdOut;
        var flat = Regex.Replace(text, @"\s+", " ");
        foreach (var roi in report.Rois)
        {
            Assert.Contains(roi.Name, flat);
            Assert.Contains(ReportFormat.Gy(roi.Metrics.MeanGy), flat);
        }
        Assert.Contains("VX-0001", flat);
        Assert.Contains(report.Header.PatientNameForDisplay, flat);
        Assert.Contains("Yoo et al., Nucl Med Commun", flat);
        Assert.Contains("0.1.0-test", flat);
        Assert.Contains(ReportFormat.GBq(report.Qa.ActivityFoundBq) + " GBq", flat);
    }

    [Fact]
    public void Pdftoppm_renders_every_page()
    {
        var dir = TestPaths.NewTempDirectory("voxdose-pdf");
        var pdfPath = Path.Combine(dir, "report.pdf");
        File.WriteAllBytes(pdfPath, PdfReportWriter.Write(SyntheticReport.Create()));

        var info = ExternalTool.Run("pdfinfo", pdfPath).EnsureSuccess().StdOut;
        var pages = int.Parse(Regex.Match(info, @"Pages:\s+(\d+)").Groups[1].Value);
        Assert.True(pages >= 2, info);
        var render = ExternalTool.Run("pdftoppm", "-r", "50", "-png", pdfPath, Path.Combine(dir, "page"));
        output.WriteLine(render.StdErr);
        render.EnsureSuccess();
        Assert.Empty(render.StdErr.Trim());
        var pngs = Directory.GetFiles(dir, "page-*.png");
        Assert.Equal(pages, pngs.Length);
        Assert.All(pngs, p => Assert.True(new FileInfo(p).Length > 5_000, $"{p} is nearly empty"));
    }
}
