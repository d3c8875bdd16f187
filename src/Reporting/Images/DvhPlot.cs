using ScottPlot;
using VoxDose.Dosimetry.Results;
using VoxDose.Reporting.Fonts;

namespace VoxDose.Reporting.Images;

/// <summary>The cumulative dose-volume histograms of every ROI in one ScottPlot chart, rendered to PNG.</summary>
public static class DvhPlot
{
    private static readonly Lock FontGate = new();
    private static bool fontsRegistered;

    /// <summary>PNG bytes of the DVH chart (dose in Gy on x, percent of ROI volume on y).</summary>
    public const int WidthPx = 760;
    public const int HeightPx = 470;

    /// <param name="cutoffGy">The lesion mean-dose cut-off drawn as a dashed vertical line (Yoo et al. 2021: 81 Gy); null: none.</param>
    public static byte[] RenderPng(IReadOnlyList<RoiMetrics> rois, int widthPx = WidthPx, int heightPx = HeightPx, double? cutoffGy = 81)
        => Build(rois, cutoffGy).GetImageBytes(widthPx, heightPx, ImageFormat.Png);

    /// <summary>The same chart as an uncompressed 24-bit BMP (the same pixels as <see cref="RenderPng"/>), for the PDF:
    /// PDFsharp embeds a BMP without the PNG encode and decode.</summary>
    public static byte[] RenderBmp(IReadOnlyList<RoiMetrics> rois, int widthPx = WidthPx, int heightPx = HeightPx, double? cutoffGy = 81)
    {
        using var image = Build(rois, cutoffGy).GetImage(widthPx, heightPx); // the render GetImageBytes encodes as PNG
        // ScottPlot writes 32-bit BMPs (an alpha channel PDFsharp would turn into a soft mask): keep the colours only.
        using var pixels = SkiaSharp.SKBitmap.Decode(image.GetImageBytes(ImageFormat.Bmp))
            ?? throw new InvalidOperationException("Cannot read back the DVH chart's pixels.");
        using var bgra = pixels.ColorType == SkiaSharp.SKColorType.Bgra8888 ? null : pixels.Copy(SkiaSharp.SKColorType.Bgra8888);
        var source = bgra ?? pixels;
        return BmpEncoder.FromOpaqueBgra(source.Width, source.Height, source.GetPixelSpan());
    }

    private static Plot Build(IReadOnlyList<RoiMetrics> rois, double? cutoffGy)
    {
        RegisterFonts();
        var plot = new Plot();
        plot.Font.Set(ReportFonts.FamilyName);
        plot.XLabel("Absorbed dose (Gy)");
        plot.YLabel("Volume (%)");
        plot.Title("Cumulative dose-volume histogram");
        var palette = new ScottPlot.Palettes.Category10();
        var maxDoseGy = 0.0;
        for (var r = 0; r < rois.Count; r++)
        {
            var dvh = rois[r].Dvh;
            if (dvh.Count == 0) continue;
            var scatter = plot.Add.ScatterLine(dvh.Select(p => p.DoseGy).ToArray(), dvh.Select(p => p.VolumePercent).ToArray());
            scatter.Color = palette.GetColor(r);
            scatter.LineWidth = 2.5f;
            scatter.LegendText = rois[r].Name;
            maxDoseGy = Math.Max(maxDoseGy, dvh.Max(p => p.DoseGy));
        }
        if (cutoffGy is { } cut && cut > 0)
        {
            var line = plot.Add.VerticalLine(cut);
            line.Color = Colors.Black;
            line.LineWidth = 1.5f;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = $"{cut.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)} Gy lesion cut-off (Yoo 2021)";
            maxDoseGy = Math.Max(maxDoseGy, cut);
        }
        plot.Axes.SetLimits(0, maxDoseGy > 0 ? maxDoseGy * 1.05 : 1, 0, 102);
        plot.ShowLegend(Edge.Bottom); // below the axes: never over a curve, room for long ROI names
        return plot;
    }

    /// <summary>ScottPlot finds no system fonts with the dependency-free Linux Skia build: register DejaVu Sans.</summary>
    internal static void RegisterFonts()
    {
        lock (FontGate)
        {
            if (fontsRegistered) return;
            ScottPlot.Fonts.AddFontFile(ReportFonts.FamilyName, ReportFonts.Regular, bold: false, italic: false);
            ScottPlot.Fonts.AddFontFile(ReportFonts.FamilyName, ReportFonts.Bold, bold: true, italic: false);
            ScottPlot.Fonts.Default = ReportFonts.FamilyName;
            fontsRegistered = true;
        }
    }
}
