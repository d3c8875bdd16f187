using System.Text;
using VoxDose.Reporting.Pdf;
using VoxDose.Reporting.Tests.Fixtures;
using VoxDose.Tests.Shared;

namespace VoxDose.Reporting.Tests.Pdf;

public class PdfReportWriterTests
{
    [Fact]
    public void Writes_a_pdf_with_several_pages()
    {
        var pdf = PdfReportWriter.Write(SyntheticReport.Create());
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        var dir = Environment.GetEnvironmentVariable("VOXDOSE_KEEP_OUTPUT");
        if (dir is not null) File.WriteAllBytes(Path.Combine(dir, "report.pdf"), pdf);
        // Poppler, not our own parsing, counts the pages: the old check passed on any file over 20 kB.
        var work = TestPaths.NewTempDirectory("voxdose-pdf-pages");
        try
        {
            var file = Path.Combine(work, "report.pdf");
            File.WriteAllBytes(file, pdf);
            var info = ExternalTool.Run("pdfinfo", file).EnsureSuccess().StdOut;
            var pages = int.Parse(System.Text.RegularExpressions.Regex.Match(info, @"^Pages:\s+(\d+)", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value,
                System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(pages, 2, 20);
            // Every page renders (PDFsharp 6.2 output read by an independent reader).
            ExternalTool.Run("pdftoppm", "-r", "30", "-png", file, Path.Combine(work, "page")).EnsureSuccess();
            Assert.Equal(pages, Directory.GetFiles(work, "page*.png").Length);
        }
        finally { Directory.Delete(work, true); }
    }

    [Fact]
    public void States_each_lesion_dose_with_its_uncertainty_and_components()
    {
        ExternalTool.Require("pdftotext");
        var report = SyntheticReport.Create();
        var path = Path.Combine(TestPaths.NewTempDirectory("voxdose-pdf"), "report.pdf");
        File.WriteAllBytes(path, PdfReportWriter.Write(report));
        var text = ExternalTool.Run("pdftotext", "-layout", path, "-").StdOut;
        Assert.Contains("Lesion dose accuracy", text, StringComparison.Ordinal);
        var lesion = report.Rois[0].Metrics;
        Assert.Contains($"{lesion.MeanGy:F1} ± {lesion.Uncertainty!.CombinedGy:F1}", text.Replace(",", ".", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Gear et al., EJNMMI 2018;45:2456", text, StringComparison.Ordinal);
        Assert.Contains("never instead of it", text, StringComparison.Ordinal);
    }

    [Fact]
    public void States_the_assumptions_behind_flags_bed_and_eud_and_the_one_ldm_constant()
    {
        ExternalTool.Require("pdftotext");
        var path = Path.Combine(TestPaths.NewTempDirectory("voxdose-pdf"), "report.pdf");
        File.WriteAllBytes(path, PdfReportWriter.Write(SyntheticReport.Create()));
        var text = ExternalTool.Run("pdftotext", path, "-").StdOut;
        foreach (var expected in new[] { "Microspheres", "resin: EANM 2022 normal-liver limit 40 Gy", "alpha/beta 10 Gy, T_rep 1.5 h, a -10",
                     "Perfused region", "at least 10 % of the filtered maximum", "Lungs", "49.76 Gy kg/GBq", "81 Gy flagged" })
            Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_dose_map_off_the_pet_grid()
    {
        var report = SyntheticReport.Create();
        var shifted = report with { DoseGy = new Dosimetry.Volumes.Volume(report.DoseGy.SizeX, report.DoseGy.SizeY, report.DoseGy.SizeZ, report.DoseGy.SpacingMm, report.DoseGy.OriginMm + new Dosimetry.Volumes.Vec3(2, 0, 0)) };
        var ex = Assert.Throws<ArgumentException>(() => PdfReportWriter.Write(shifted));
        Assert.Contains("grid", ex.Message);
    }

}
