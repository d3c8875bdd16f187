using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace VoxDose.Reporting.Pdf;

/// <summary>
/// Flows content down A4 portrait pages: text with word wrap, key-value lines, tables and images, starting a new
/// page when the next block does not fit. Coordinates are PDF points (1/72 inch) from the top-left corner.
/// </summary>
internal sealed class PdfCursor : IDisposable
{
    public const double Margin = 42;
    private readonly PdfDocument document;
    private XGraphics? graphics;

    public PdfCursor(PdfDocument document)
    {
        this.document = document;
        NewPage();
    }

    public XFont Body { get; } = new(ReportFontFamily, 9.5);
    public XFont BodyBold { get; } = new(ReportFontFamily, 9.5, XFontStyleEx.Bold);
    public XFont Heading { get; } = new(ReportFontFamily, 13, XFontStyleEx.Bold);
    public XFont Title { get; } = new(ReportFontFamily, 17, XFontStyleEx.Bold);
    public XFont Small { get; } = new(ReportFontFamily, 7.5);

    private const string ReportFontFamily = Fonts.ReportFonts.FamilyName;

    public XGraphics Gfx => graphics ?? throw new InvalidOperationException("No page.");
    public double Y { get; set; }
    public double PageWidth { get; private set; }
    public double PageHeight { get; private set; }
    public double ContentWidth => PageWidth - 2 * Margin;
    public double Bottom => PageHeight - Margin - 14;

    public void NewPage()
    {
        graphics?.Dispose();
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        PageWidth = page.Width.Point;
        PageHeight = page.Height.Point;
        graphics = XGraphics.FromPdfPage(page);
        Y = Margin;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void Need(double height)
    {
        if (Y + height > Bottom) NewPage();
    }

    public void Space(double points) => Y += points;

    /// <param name="keepWithNext">Height in points of what follows and must stay on the same page as the heading.</param>
    public void HeadingLine(string text, double keepWithNext = 40)
    {
        Need(Heading.Height + 13 + keepWithNext);
        Y += 6;
        Gfx.DrawString(text, Heading, XBrushes.DarkSlateBlue, new XPoint(Margin, Y + Heading.Height * 0.8));
        Y += Heading.Height + 2;
        Gfx.DrawLine(new XPen(XColors.DarkSlateBlue, 0.8), Margin, Y, Margin + ContentWidth, Y);
        Y += 5;
    }

    /// <summary>Paragraph text wrapped to the content width (or to <paramref name="width"/> from <paramref name="left"/>).</summary>
    public void Paragraph(string text, XFont? font = null, XBrush? brush = null, double left = 0, double? width = null)
    {
        font ??= Body;
        var lineHeight = font.Height * 1.15;
        foreach (var line in Wrap(text, font, width ?? ContentWidth - left))
        {
            Need(lineHeight);
            Gfx.DrawString(line, font, brush ?? XBrushes.Black, new XPoint(Margin + left, Y + font.Height * 0.8));
            Y += lineHeight;
        }
    }

    /// <summary>"Label: value" lines in two columns of label/value pairs.</summary>
    public void KeyValues(IReadOnlyList<(string Key, string Value)> pairs, double keyWidth = 125)
    {
        var lineHeight = Body.Height * 1.2;
        foreach (var (key, value) in pairs)
        {
            var lines = Wrap(value.Length == 0 ? "-" : value, Body, ContentWidth - keyWidth);
            Need(lineHeight * lines.Count);
            Gfx.DrawString(key, BodyBold, XBrushes.Black, new XPoint(Margin, Y + Body.Height * 0.8));
            foreach (var line in lines)
            {
                Gfx.DrawString(line, Body, XBrushes.Black, new XPoint(Margin + keyWidth, Y + Body.Height * 0.8));
                Y += lineHeight;
            }
        }
    }

    /// <summary>
    /// A table with a bold header row; column widths are fractions of the content width. Numbers are right-aligned:
    /// by default every column but the first; <paramref name="rightAligned"/> says it per column.
    /// </summary>
    /// <param name="rowTitles">When given, each row is preceded by its title in bold across the whole width (never
    /// wrapped into a narrow cell, so long ROI names stay whole and searchable).</param>
    public void Table(IReadOnlyList<string> header, IReadOnlyList<double> widths, IReadOnlyList<IReadOnlyList<string>> rows, XFont? font = null,
        IReadOnlyList<bool>? rightAligned = null, IReadOnlyList<string>? rowTitles = null)
    {
        rightAligned ??= widths.Select((_, c) => c > 0).ToList();
        font ??= Body;
        var rowHeight = font.Height * 1.45;
        var bold = new XFont(ReportFontFamily, font.Size, XFontStyleEx.Bold);
        void Row(IReadOnlyList<string> cells, XFont f, XBrush? background)
        {
            var wrapped = cells.Select((cell, c) => Wrap(cell, f, widths[c] * ContentWidth - 4)).ToList();
            var height = rowHeight + (wrapped.Max(l => l.Count) - 1) * f.Height * 1.1;
            Need(height);
            if (background is not null) Gfx.DrawRectangle(background, Margin, Y, ContentWidth, height);
            var x = Margin;
            for (var c = 0; c < cells.Count; c++)
            {
                var w = widths[c] * ContentWidth;
                var ty = Y + rowHeight / 2 + f.Height * 0.3;
                foreach (var text in wrapped[c])
                {
                    var size = Gfx.MeasureString(text, f);
                    var tx = rightAligned[c] ? x + w - 2 - size.Width : x + 2;
                    Gfx.DrawString(text, f, XBrushes.Black, new XPoint(tx, ty));
                    ty += f.Height * 1.1;
                }
                x += w;
            }
            Y += height;
        }
        Row(header, bold, new XSolidBrush(XColor.FromArgb(220, 225, 240)));
        for (var r = 0; r < rows.Count; r++)
        {
            var shade = r % 2 == 1 ? new XSolidBrush(XColor.FromArgb(245, 245, 248)) : null;
            if (rowTitles is not null)
            {
                var lines = Wrap(rowTitles[r], bold, ContentWidth - 4);
                Need(rowHeight * (lines.Count + 1));
                foreach (var line in lines)
                {
                    if (shade is not null) Gfx.DrawRectangle(shade, Margin, Y, ContentWidth, rowHeight);
                    Gfx.DrawString(line, bold, XBrushes.Black, new XPoint(Margin + 2, Y + rowHeight / 2 + bold.Height * 0.3));
                    Y += rowHeight;
                }
            }
            Row(rows[r], font, shade);
        }
        Gfx.DrawLine(new XPen(XColors.Gray, 0.5), Margin, Y, Margin + ContentWidth, Y);
        Y += 4;
    }

    /// <summary>An image (PNG, JPEG or BMP bytes) scaled to <paramref name="widthPt"/>, centred.</summary>
    public void Image(byte[] image, double widthPt)
    {
        using var stream = new MemoryStream(image);
        using var picture = XImage.FromStream(stream);
        var heightPt = widthPt * picture.PixelHeight / picture.PixelWidth;
        Need(heightPt + 4);
        Gfx.DrawImage(picture, Margin + (ContentWidth - widthPt) / 2, Y, widthPt, heightPt);
        Y += heightPt + 4;
    }


    public void Dispose() => graphics?.Dispose();

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ').SelectMany(w => BreakLongWord(w, font, width)))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && Gfx.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else line = candidate;
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>A word wider than the column (a flag code, a UID) is cut into pieces that fit.</summary>
    private IEnumerable<string> BreakLongWord(string word, XFont font, double width)
    {
        while (word.Length > 1 && Gfx.MeasureString(word, font).Width > width)
        {
            var n = word.Length - 1;
            while (n > 1 && Gfx.MeasureString(word[..n], font).Width > width) n--;
            yield return word[..n];
            word = word[n..];
        }
        yield return word;
    }
}
