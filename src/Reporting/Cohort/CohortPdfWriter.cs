using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using VoxDose.Reporting.Pdf;
using VoxDose.Statistics.Cox;

namespace VoxDose.Reporting.Cohort;

/// <summary>
/// The cohort report as a PDF, in the shape of the study: Table 2 (univariate and multivariate Cox hazard ratios with
/// 95 % intervals and P), Kaplan-Meier curves by the TDv cut-off with the log-rank P and the numbers at risk, box
/// plots by local control with Mann-Whitney P, and TDv against progression-free survival with Spearman's rho.
/// </summary>
public static class CohortPdfWriter
{
    public static byte[] Write(CohortReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        DejaVuFontResolver.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = "VoxDose cohort analysis";
        document.Info.Creator = $"VoxDose {report.SoftwareVersion}";
        using (var c = new PdfCursor(document))
        {
            c.Gfx.DrawString("Cohort analysis: dose and outcome", c.Title, XBrushes.DarkSlateBlue, new XPoint(PdfCursor.Margin, c.Y + c.Title.Height * 0.8));
            c.Space(c.Title.Height + 2);
            c.Paragraph($"{report.Source}: {report.Lesions} lesions, {report.Events} with {report.EventLabel}. Created " +
                        $"{report.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC by VoxDose {report.SoftwareVersion}. " +
                        "Methods as R's survival package (survfit, survdiff, coxph), wilcox.test and cor.test; see docs/statistics.md.",
                c.Small, XBrushes.Gray);
            Table2(c, report);
            KaplanMeier(c, report);
            c.NewPage();
            Boxes(c, report);
            Scatter(c, report);
            if (report.Notes.Count > 0)
            {
                c.HeadingLine("Notes");
                foreach (var n in report.Notes) c.Paragraph("- " + n, c.Small);
            }
        }
        Footers(document, report);
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static string P(double p) => double.IsNaN(p) ? "NA" : p < 0.001 ? "< 0.001" : p.ToString("0.000", CultureInfo.InvariantCulture);

    private static string PText(double p) => double.IsNaN(p) ? "P not defined" : p < 0.001 ? "P < 0.001" : "P = " + P(p);

    private static (string Hr, string P) Term(CoxTerm? t) => t switch
    {
        null => ("", ""),
        { Status: CoxTermStatus.Estimated } => (string.Create(CultureInfo.InvariantCulture,
            $"{t.HazardRatio:G3} ({t.Lower95:G3}-{t.Upper95:G3})"), P(t.P)),
        { Status: CoxTermStatus.Infinite } => ("not estimable (infinite)", "-"),
        { Status: CoxTermStatus.Collinear } => ("not estimable (collinear)", "-"),
        _ => ("not estimable (no convergence)", "-"),
    };

    private static void Table2(PdfCursor c, CohortReport r)
    {
        c.HeadingLine($"Table 2. Cox proportional hazards regression for {r.EventLabel}");
        var rows = r.Table2.Select(row =>
        {
            var (uh, up) = Term(row.Univariate);
            var (mh, mp) = row.Multivariate is null ? ("not entered", "") : Term(row.Multivariate);
            return (IReadOnlyList<string>)[row.Variable, uh, up, mh, mp];
        }).ToList();
        c.Table(["Variable", "Univariate HR (95% CI)", "P", "Multivariate HR (95% CI)", "P"], [0.2, 0.27, 0.1, 0.3, 0.13], rows,
            rightAligned: [false, true, true, true, true]);
        c.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"HR per unit of each variable. Variables with univariate P < {r.EntryP:0.##} entered the multivariate model."), c.Small, XBrushes.Gray);
    }

    private static void KaplanMeier(PdfCursor c, CohortReport r)
    {
        var title = r.LogRank is { } lr ? $"{r.KmTitle}: log-rank {PText(lr.P)}" : r.KmTitle;
        var width = c.ContentWidth * 0.92;
        const int wPx = 900, hPx = 560;
        c.HeadingLine("Kaplan-Meier: " + title, width * hPx / wPx + 60);
        var ticks = CohortPlots.TimeTicks(r.Curves.Select(x => x.Curve));
        c.Image(CohortPlots.KaplanMeierPng(r.Curves, r.TimeLabel, title, ticks, wPx, hPx), width);
        // Numbers at risk, one row per group, one column per time tick.
        var header = new List<string> { "Number at risk" };
        header.AddRange(ticks.Select(t => t.ToString("0.##", CultureInfo.InvariantCulture)));
        var rows = r.Curves.Select(g => (IReadOnlyList<string>)new[] { g.Name }
            .Concat(ticks.Select(t => CohortPlots.AtRisk(g.Curve, t).ToString(CultureInfo.InvariantCulture))).ToList()).ToList();
        var first = 0.22;
        var rest = (1 - first) / ticks.Length;
        c.Table(header, new[] { first }.Concat(ticks.Select(_ => rest)).ToList(), rows, c.Small);
        foreach (var g in r.Curves)
            c.Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"{g.Name}: median {Fmt(g.Curve.Median)} (95% CI {Fmt(g.Curve.MedianLower)}-{Fmt(g.Curve.MedianUpper)}) {r.TimeLabel}."), c.Small);
    }

    private static string Fmt(double v) => double.IsFinite(v) ? v.ToString("0.##", CultureInfo.InvariantCulture) : "not reached";

    private static void Boxes(PdfCursor c, CohortReport r)
    {
        if (r.Boxes.Count == 0) return;
        c.HeadingLine("By local control: Mann-Whitney U", 220);
        const int wPx = 520, hPx = 400;
        var cellW = c.ContentWidth / 2;
        var cellH = cellW * hPx / wPx;
        for (var i = 0; i < r.Boxes.Count; i++)
        {
            var b = r.Boxes[i];
            if (i % 2 == 0) c.Need(cellH + 4);
            var png = CohortPlots.BoxPng(b, b.Test is null ? "P not defined" : PText(b.Test.P) + (b.Test.Exact ? ", exact" : ""), wPx, hPx);
            using (var stream = new MemoryStream(png))
            using (var image = XImage.FromStream(stream))
                c.Gfx.DrawImage(image, PdfCursor.Margin + (i % 2) * cellW, c.Y, cellW - 4, cellH);
            if (i % 2 == 1 || i == r.Boxes.Count - 1) c.Space(cellH + 4);
        }
        c.Paragraph("Boxes: quartiles (Tukey hinges) and median; whiskers to 1.5 x the interquartile range; grey dots: every lesion.", c.Small, XBrushes.Gray);
    }

    private static void Scatter(PdfCursor c, CohortReport r)
    {
        if (r.ScatterXValues.Length == 0) return;
        var title = r.Spearman is { } s
            ? string.Create(CultureInfo.InvariantCulture, $"{r.ScatterX} vs {r.TimeLabel}: Spearman rho = {s.Rho:0.###}, {PText(s.P)}")
            : $"{r.ScatterX} vs {r.TimeLabel}";
        var width = c.ContentWidth * 0.8;
        const int wPx = 800, hPx = 520;
        c.HeadingLine(title, width * hPx / wPx);
        c.Image(CohortPlots.ScatterPng(r.ScatterXValues, r.ScatterYValues, r.ScatterEvents, r.ScatterX, r.TimeLabel, title, wPx, hPx), width);
    }

    private static void Footers(PdfDocument document, CohortReport r)
    {
        for (var i = 0; i < document.PageCount; i++)
        {
            using var gfx = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var small = new XFont(Fonts.ReportFonts.FamilyName, 7.5);
            var width = document.Pages[i].Width.Point;
            var y = document.Pages[i].Height.Point - PdfCursor.Margin + 6;
            gfx.DrawLine(new XPen(XColors.Gray, 0.5), PdfCursor.Margin, y - 10, width - PdfCursor.Margin, y - 10);
            var page = $"page {i + 1} / {document.PageCount}";
            gfx.DrawString($"VoxDose {r.SoftwareVersion.Split('+')[0]}   cohort analysis of {r.Source}", small, XBrushes.Gray, new XPoint(PdfCursor.Margin, y));
            gfx.DrawString(page, small, XBrushes.Gray, new XPoint(width - PdfCursor.Margin - gfx.MeasureString(page, small).Width, y));
        }
    }
}
