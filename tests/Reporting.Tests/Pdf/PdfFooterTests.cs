using PdfSharp.Drawing;
using PdfSharp.Pdf;
using VoxDose.Reporting.Fonts;
using VoxDose.Reporting.Pdf;

namespace VoxDose.Reporting.Tests.Pdf;

/// <summary>Regression: the footer's version/patient text ran into the right-aligned page number.</summary>
public class PdfFooterTests
{
    private static (XGraphics Gfx, XFont Font, PdfDocument Doc) Page()
    {
        DejaVuFontResolver.EnsureInstalled();
        var doc = new PdfDocument();
        var gfx = XGraphics.FromPdfPage(doc.AddPage());
        return (gfx, new XFont(ReportFonts.FamilyName, 7.5), doc);
    }

    [Fact]
    public void Footer_text_never_runs_into_the_page_number()
    {
        var (gfx, font, doc) = Page();
        using (doc)
        using (gfx)
        {
            var full = "VoxDose 0.1.0+8dd77c4b619d6a09e7c5eb0901a1a265391dbc29   PHANTOM, YTTRIUM   ID VOXDOSE-PHANTOM   study 2026-01-15";
            var shortVersion = "VoxDose 0.1.0   PHANTOM, YTTRIUM   ID VOXDOSE-PHANTOM   study 2026-01-15";
            var room = gfx.MeasureString(shortVersion, font).Width + 1;
            Assert.True(gfx.MeasureString(full, font).Width > room);
            Assert.Equal(shortVersion, PdfReportWriter.FitFooter(gfx, font, room, full, shortVersion));
            Assert.Equal(full, PdfReportWriter.FitFooter(gfx, font, 10_000, full, shortVersion));
            var cut = PdfReportWriter.FitFooter(gfx, font, 100, full, shortVersion);
            Assert.EndsWith("…", cut, StringComparison.Ordinal);
            Assert.True(gfx.MeasureString(cut, font).Width <= 100);
        }
    }
}
