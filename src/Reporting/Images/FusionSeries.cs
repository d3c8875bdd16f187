using VoxDose.Dosimetry.Results;
using VoxDose.Reporting.Model;

namespace VoxDose.Reporting.Images;

/// <summary>
/// The fused slices of a report: one axial slice through the centre of each lesion (all ROI outlines drawn, the
/// lesion's highlighted); when no lesion has a mask, one per masked ROI; when no ROI has a mask, the slice of the
/// dose maximum. All share one <see cref="FusionScale"/> (dose); each has its own <see cref="PetWindow"/>.
/// </summary>
public static class FusionSeries
{
    public static IReadOnlyList<FusedSlice> Render(DosimetryReport report)
    {
        var scale = FusionScale.For(report.DoseGy);
        var uptakeMasks = report.Rois.Where(r => r.Mask is not null && PetWindow.IsUptakeRole(r.Metrics.Role)).Select(r => r.Mask!).ToList();
        var masked = report.Rois.Where(r => r.Mask is not null).ToList();
        var focus = masked.Where(r => r.Metrics.Role == RoiRole.Lesion).ToList();
        if (focus.Count == 0) focus = masked;

        var slices = new List<FusedSlice>();
        foreach (var roi in focus)
        {
            if (SliceChoice.CentreSlice(roi.Mask!, roi.MaskBounds) is not { } k) continue;
            var outlines = masked.Select(r => new SliceOutline(r.Name, r.Mask!, ReferenceEquals(r, roi), r.MaskBounds)).ToList();
            var caption = $"{roi.Name}: mean {ReportFormat.Gy(roi.Metrics.MeanGy)} Gy";
            slices.Add(FusionRenderer.Render(report.PetBqPerMl, report.DoseGy, k, scale,
                PetWindow.ForSlice(report.PetBqPerMl, k, uptakeMasks), outlines, caption));
        }
        if (slices.Count == 0)
        {
            var k = SliceChoice.MaxSlice(report.DoseGy);
            var outlines = masked.Select(r => new SliceOutline(r.Name, r.Mask!, false, r.MaskBounds)).ToList();
            slices.Add(FusionRenderer.Render(report.PetBqPerMl, report.DoseGy, k, scale,
                PetWindow.ForSlice(report.PetBqPerMl, k, uptakeMasks), outlines, "Slice of the maximum dose"));
        }
        return slices;
    }
}
