using VoxDose.Dosimetry.Results;
using VoxDose.Reporting.Model;

namespace VoxDose.Reporting.Pdf;

/// <summary>The per-ROI metrics table of the PDF: volume, mean (TDv), SD, CoV, min, median, max, D70 and V100.</summary>
internal static class RoiTable
{
    private static readonly string[] Header =
        ["Role", "Volume (ml)", "Mean (Gy)", "SD (Gy)", "CoV (%)", "Min (Gy)", "Median (Gy)", "Max (Gy)", "D70 (Gy)", "V100 (%)"];

    private static readonly double[] Widths = [0.16, 0.09, 0.09, 0.08, 0.08, 0.09, 0.10, 0.09, 0.11, 0.11];

    public static void Draw(PdfCursor c, IReadOnlyList<RoiMetrics> rois)
    {
        c.HeadingLine("Regions of interest");
        var rows = rois.Select(m => (IReadOnlyList<string>)
        [
            RoleName(m.Role), ReportFormat.Ml(m.VolumeMl), ReportFormat.Gy(m.MeanGy), ReportFormat.Gy(m.SdGy),
            ReportFormat.Percent(100 * m.Cov), ReportFormat.Gy(m.MinGy), ReportFormat.Gy(m.MedianGy), ReportFormat.Gy(m.MaxGy),
            ReportFormat.Optional(m.DxGy, 70, ReportFormat.Gy), ReportFormat.Optional(m.VxPercent, 100, ReportFormat.Percent),
        ]).ToList();
        if (rows.Count == 0) c.Paragraph("No ROI was evaluated.");
        else c.Table(Header, Widths, rows, c.Small, Widths.Select((_, i) => i >= 1).ToList(), rois.Select(m => m.Name).ToList());
        c.Paragraph("Mean = TDv (Yoo et al., Nucl Med Commun 2021). CoV = SD / mean. D70: minimum dose to the hottest 70 % of the volume; " +
                    "V100: percent of the volume receiving at least 100 Gy. Statistics are partial-volume weighted.", c.Small, PdfSharp.Drawing.XBrushes.Gray);
    }

    public static string RoleName(RoiRole role) => role switch
    {
        RoiRole.WholeLiver => "Whole liver",
        RoiRole.NormalLiver => "Normal liver",
        RoiRole.PerfusedRegion => "Perfused",
        _ => role.ToString(),
    };
}
