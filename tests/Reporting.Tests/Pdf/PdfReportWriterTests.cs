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
    public void Rejects_a_dose_map_off_the_pet_grid()
    {
        var report = SyntheticReport.Create();
        var shifted = report with { DoseGy = new Dosimetry.Volumes.Volume(report.DoseGy.SizeX, report.DoseGy.SizeY, report.DoseGy.SizeZ, report.DoseGy.SpacingMm, report.DoseGy.OriginMm + new Dosimetry.Volumes.Vec3(2, 0, 0)) };
        var ex = Assert.Throws<ArgumentException>(() => PdfReportWriter.Write(shifted));
        Assert.Contains("grid", ex.Message);
    }

}
