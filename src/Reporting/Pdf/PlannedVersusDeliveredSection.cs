using PdfSharp.Drawing;
using VoxDose.Dosimetry.Planning;
using VoxDose.Reporting.Images;
using VoxDose.Reporting.Model;

namespace VoxDose.Reporting.Pdf;

/// <summary>
/// The PDF's planned-vs-delivered section: the linked plan (or why there is none), TDp, TDv, TDv - TDp and TDv / TDp per
/// lesion matched by ROI name, the unmatched lesions, the TDp-vs-TDv plot (the dose verb's <see cref="TdpTdvPlot"/>) and
/// whether a voxel-wise comparison was made.
/// </summary>
internal static class PlannedVersusDeliveredSection
{
    private static readonly string[] Header = ["TDp (Gy)", "TDv (Gy)", "TDv - TDp (Gy)", "TDv / TDp"];
    private static readonly double[] Widths = [0.25, 0.25, 0.25, 0.25];

    public static void Draw(PdfCursor c, PlanLinkReport link)
    {
        c.HeadingLine("Planned vs delivered (Tc-99m MAA plan)");
        c.Paragraph(link.Statement);
        if (link.Comparison is { } comparison)
        {
            if (comparison.Matched.Count > 0)
            {
                var rows = comparison.Matched.Select(m => (IReadOnlyList<string>)
                [
                    m.TdpGy is { } p ? ReportFormat.Gy(p) : "not computed",
                    ReportFormat.Gy(m.TdvGy),
                    m.DifferenceGy is { } d ? ReportFormat.Gy(d) : "-",
                    m.Ratio is { } r ? ReportFormat.Fixed(r, 2) : "-",
                ]).ToList();
                c.Table(Header, Widths, rows, c.Small, Widths.Select(_ => true).ToList(),
                    comparison.Matched.Select(m => m.PlanName == m.DeliveredName ? m.DeliveredName : $"{m.DeliveredName} (plan: {m.PlanName})").ToList());
            }
            if (comparison.UnmatchedPlanned.Count > 0)
                c.Paragraph($"Planned lesions not found in this study (not matched, not guessed): {string.Join(", ", comparison.UnmatchedPlanned)}.", c.Small);
            if (comparison.UnmatchedDelivered.Count > 0)
                c.Paragraph($"Lesions of this study not in the plan: {string.Join(", ", comparison.UnmatchedDelivered)}.", c.Small);
            foreach (var note in comparison.Notes) c.Paragraph(note, c.Small);
            c.Paragraph("Lesions are matched by normalised ROI name (case, spaces and punctuation ignored). TDp: partition-model mean dose of the plan; "
                + "TDv: mean absorbed dose of this report.", c.Small, XBrushes.Gray);
            if (comparison.Matched.Any(m => m.TdpGy is not null))
            {
                var width = c.ContentWidth * 0.6;
                c.Need(width * TdpTdvPlot.HeightPx / TdpTdvPlot.WidthPx + 4);
                c.Image(TdpTdvPlot.RenderPng(comparison), width);
            }
        }
        var voxelText = "Voxel-wise comparison: " + link.VoxelComparison;
        if (link.Voxel is { } v)
            voxelText += $". {v.VoxelsCompared} voxels where either dose reaches {ReportFormat.Fixed(100 * VoxelDoseComparison.ThresholdFraction, 0)} % of the delivered maximum: "
                + $"delivered - predicted mean {ReportFormat.Gy(v.MeanDifferenceGy)} Gy, SD {ReportFormat.Gy(v.SdDifferenceGy)} Gy; "
                + $"{ReportFormat.Percent(100 * v.FractionWithinTolerance)} % within ±{ReportFormat.Fixed(VoxelDoseComparison.ToleranceGy, 0)} Gy "
                + "(the predicted map is at the plan's activity; histogram in results.json).";
        c.Paragraph(voxelText, c.Small);
    }
}
