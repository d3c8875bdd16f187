using VoxDose.Dosimetry.Volumes;
using VoxDose.Reporting.Images;
using VoxDose.Reporting.Tests.Fixtures;

namespace VoxDose.Reporting.Tests.Images;

public class ImageTests
{
    [Theory]
    [InlineData(143.5, 200)]
    [InlineData(81, 100)]
    [InlineData(0.42, 0.5)]
    [InlineData(250, 250)]
    public void CeilNice_rounds_up_to_a_nice_number(double value, double expected) =>
        Assert.Equal(expected, NiceScale.CeilNice(value), 9);

    [Fact]
    public void Colour_map_runs_from_blue_to_red()
    {
        var low = DoseColorMap.At(0);
        var high = DoseColorMap.At(1);
        Assert.True(low.B > 200 && low.R < 100);
        Assert.True(high.R > 200 && high.B < 100);
        Assert.Equal(high, DoseColorMap.At(7));
    }

    [Fact]
    public void Centre_slice_is_the_mask_centre_of_mass()
    {
        var mask = new Volume(4, 4, 10, new Vec3(1, 1, 1), new Vec3(0, 0, 0));
        mask[1, 1, 6] = 1;
        mask[2, 2, 8] = 1;
        Assert.Equal(7, SliceChoice.CentreSlice(mask));
        Assert.Null(SliceChoice.CentreSlice(mask.WithSameGeometry()));
    }

    [Fact]
    public void Fused_slice_shows_hot_dose_in_red_and_cold_pet_in_grey()
    {
        var pet = new Volume(10, 10, 3, new Vec3(4, 4, 5), new Vec3(0, 0, 0));
        var dose = pet.WithSameGeometry();
        for (var j = 0; j < 10; j++) for (var i = 0; i < 10; i++) pet[i, j, 1] = 1000;
        for (var j = 5; j < 10; j++) for (var i = 5; i < 10; i++) dose[i, j, 1] = 100;
        var slice = FusionRenderer.Render(pet, dose, 1, new FusionScale(100),
            new PetWindow(1000, PetWindowSource.UptakeRois), [], "test");

        Assert.Equal(FusionRenderer.Width * FusionRenderer.Height * 3, slice.Rgb.Length);
        // Panel is 512 px for 10 voxels, from (8, 40): voxel (7, 7) is hot, voxel (2, 2) is PET only.
        var hot = Pixel(slice, 8 + 7 * 51 + 25, 40 + 7 * 51 + 25);
        var cold = Pixel(slice, 8 + 2 * 51 + 25, 40 + 2 * 51 + 25);
        Assert.True(hot.R > 150 && hot.R > hot.B + 80, $"hot pixel {hot}");
        Assert.True(cold.R == cold.G && cold.G == cold.B && cold.R > 240, $"cold pixel {cold}");
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], slice.Png.Take(4).Select(b => (int)b));
    }

    [Fact]
    public void Fusion_series_has_one_frame_per_lesion_of_equal_size()
    {
        var report = SyntheticReport.Create();
        var slices = FusionSeries.Render(report);
        Assert.Equal(2, slices.Count);
        Assert.All(slices, s => Assert.Equal(FusionRenderer.Width * FusionRenderer.Height * 3, s.Rgb.Length));
        Assert.Contains(SyntheticReport.RoiNames[0], slices[0].Caption);
    }

    [Fact]
    public void Dvh_plot_is_a_png()
    {
        var png = DvhPlot.RenderPng(SyntheticReport.Create().Rois.Select(r => r.Metrics).ToList());
        Assert.True(png.Length > 10_000);
        Assert.Equal(0x89, png[0]);
    }

    [Fact]
    public void Fused_slice_png_and_bmp_hold_exactly_the_rgb_pixels()
    {
        var slice = FusionSeries.Render(SyntheticReport.Create())[0];
        using var fromPng = SkiaSharp.SKBitmap.Decode(slice.Png);
        Assert.Equal(OpaqueRgb(fromPng), slice.Rgb);
        using var fromBmp = SkiaSharp.SKBitmap.Decode(slice.Bmp());
        Assert.NotNull(fromBmp); // Skia reads BMP: an independent decoder of what PDFsharp is given
        Assert.Equal(OpaqueRgb(fromBmp), slice.Rgb);
    }

    [Fact]
    public void Dvh_plot_bmp_for_the_pdf_has_the_same_pixels_as_the_png()
    {
        var rois = SyntheticReport.Create().Rois.Select(r => r.Metrics).ToList();
        using var png = SkiaSharp.SKBitmap.Decode(DvhPlot.RenderPng(rois, cutoffGy: 81));
        var bmpBytes = DvhPlot.RenderBmp(rois, cutoffGy: 81);
        Assert.Equal((byte)'B', bmpBytes[0]);
        Assert.Equal(24, BitConverter.ToInt16(bmpBytes, 28));
        using var bmp = SkiaSharp.SKBitmap.Decode(bmpBytes);
        Assert.Equal((DvhPlot.WidthPx, DvhPlot.HeightPx), (bmp.Width, bmp.Height));
        Assert.Equal(OpaqueRgb(png), OpaqueRgb(bmp));
    }

    [Fact]
    public void Bmp_rows_are_bottom_up_bgr_padded_to_four_bytes()
    {
        // 1 x 2 image: top red, bottom blue. Each row is 3 bytes of pixel + 1 of padding; the bottom row comes first.
        var bmp = BmpEncoder.FromRgb(1, 2, [255, 0, 0, 0, 0, 255]);
        Assert.Equal(54 + 8, bmp.Length);
        Assert.Equal(new byte[] { 255, 0, 0, 0, 0, 0, 255, 0 }, bmp[54..]);
        Assert.Equal(54, BitConverter.ToInt32(bmp, 10));
        Assert.Equal(24, BitConverter.ToInt16(bmp, 28));
    }

    private static byte[] OpaqueRgb(SkiaSharp.SKBitmap bitmap)
    {
        var rgb = new byte[bitmap.Width * bitmap.Height * 3];
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                Assert.Equal(255, c.Alpha);
                var p = 3 * (y * bitmap.Width + x);
                (rgb[p], rgb[p + 1], rgb[p + 2]) = (c.Red, c.Green, c.Blue);
            }
        return rgb;
    }

    private static (byte R, byte G, byte B) Pixel(FusedSlice s, int x, int y)
    {
        var p = 3 * (y * s.Width + x);
        return (s.Rgb[p], s.Rgb[p + 1], s.Rgb[p + 2]);
    }
}
