using VoxDose.Dosimetry.Contours;
using VoxDose.Reporting.Images;
using VoxDose.Reporting.Tests.Fixtures;

namespace VoxDose.Reporting.Tests.Images;

/// <summary>
/// The fused slices use each mask's bounds (from the rasteriser) to find the lesion's slice and trace its outline in
/// the box only. The slices chosen and every pixel must be those of a scan of the whole grid.
/// </summary>
public class MaskBoundsImageTests
{
    [Fact]
    public void Slices_and_pixels_with_mask_bounds_equal_those_of_a_whole_grid_scan()
    {
        var report = SyntheticReport.Create();
        var bounded = report with { Rois = [.. report.Rois.Select(r => r with { MaskBounds = new RoiMask(r.Mask!).Bounds })] };
        Assert.All(bounded.Rois, r => Assert.True(r.MaskBounds!.Value.X1 - r.MaskBounds.Value.X0 < report.DoseGy.SizeX - 1));

        foreach (var roi in bounded.Rois)
            Assert.Equal(SliceChoice.CentreSlice(roi.Mask!), SliceChoice.CentreSlice(roi.Mask!, roi.MaskBounds));

        var whole = FusionSeries.Render(report);
        var boxed = FusionSeries.Render(bounded);
        Assert.Equal(whole.Count, boxed.Count);
        for (var s = 0; s < whole.Count; s++)
        {
            Assert.Equal(whole[s].SliceIndex, boxed[s].SliceIndex);
            Assert.True(whole[s].Rgb.AsSpan().SequenceEqual(boxed[s].Rgb), $"slice {s}: the pixels differ");
        }
    }
}
