using ScottPlot;
using VoxDose.Dosimetry.Planning;
using VoxDose.Reporting.Fonts;

namespace VoxDose.Reporting.Images;

/// <summary>Planned (TDp) against delivered (TDv) mean lesion dose, one labelled point per matched lesion, with the identity line.</summary>
public static class TdpTdvPlot
{
    public const int WidthPx = 620;
    public const int HeightPx = 560;

    public static byte[] RenderPng(PlannedVersusDelivered comparison, int widthPx = WidthPx, int heightPx = HeightPx)
    {
        DvhPlot.RegisterFonts();
        var plot = new Plot();
        plot.Font.Set(ReportFonts.FamilyName);
        plot.XLabel("Planned TDp, MAA partition model (Gy)");
        plot.YLabel("Delivered TDv, Y-90 PET mean (Gy)");
        plot.Title("Planned vs delivered lesion dose");
        var points = comparison.Matched.Where(m => m.TdpGy is not null).ToList();
        var max = points.Count == 0 ? 100 : points.Max(m => Math.Max(m.TdpGy!.Value, m.TdvGy)) * 1.1;
        var identity = plot.Add.Line(0, 0, max, max);
        identity.LinePattern = LinePattern.Dashed;
        identity.Color = Colors.Gray;
        identity.LegendText = "TDv = TDp";
        foreach (var m in points)
        {
            var marker = plot.Add.Marker(m.TdpGy!.Value, m.TdvGy);
            marker.Size = 9;
            marker.Color = Colors.DarkBlue;
            var label = plot.Add.Text(m.DeliveredName, m.TdpGy.Value, m.TdvGy);
            label.LabelFontSize = 11;
            label.OffsetX = 6;
            label.OffsetY = -6;
        }
        plot.Axes.SetLimits(0, max, 0, max);
        return plot.GetImageBytes(widthPx, heightPx, ImageFormat.Png);
    }
}
