using System.Globalization;
using SkiaSharp;
using VoxDose.Dosimetry.Volumes;
using VoxDose.Reporting.Fonts;

namespace VoxDose.Reporting.Images;

/// <summary>An ROI outline to draw on a fused slice; the highlighted one is the ROI the slice is about.</summary>
/// <param name="Bounds">A box outside which the mask is 0 (only it is searched for the outline); null: the whole slice.</param>
public sealed record SliceOutline(string Name, Volume Mask, bool Highlighted, VoxelBox? Bounds = null);

/// <summary>
/// Renders an axial slice of the dose map as a colour wash over the grey PET, with ROI outlines, a caption and a
/// colour bar in Gy. Every image has the same size (<see cref="Width"/> x <see cref="Height"/>) so they can be
/// frames of one Secondary Capture. Image columns follow the volume's row direction (x), rows its column direction
/// (y): for a standard axial PET (orientation 1\0\0\0\1\0) the patient's left is on the right (radiological view).
/// </summary>
public static class FusionRenderer
{
    public const int Width = 640;
    public const int Height = 584;
    private const int PanelSize = 512;
    private const int PanelLeft = 8;
    private const int PanelTop = 40;
    private const int BarLeft = PanelLeft + PanelSize + 22;
    private const int BarWidth = 22;

    // Loaded once for every slice (an SKTypeface is immutable and may be shared between threads).
    private static readonly Lazy<SKTypeface> Typeface = new(() =>
        SKTypeface.FromFile(ReportFonts.Regular) ?? throw new InvalidOperationException("Cannot load " + ReportFonts.Regular));

    public static FusedSlice Render(Volume petBqPerMl, Volume doseGy, int sliceIndex, FusionScale scale,
        PetWindow petWindow, IReadOnlyList<SliceOutline> outlines, string caption)
    {
        if (!petBqPerMl.HasSameGrid(doseGy)) throw new ArgumentException("PET and dose must share one voxel grid.", nameof(doseGy));
        if (sliceIndex < 0 || sliceIndex >= doseGy.SizeZ)
            throw new ArgumentOutOfRangeException(nameof(sliceIndex), $"Slice {sliceIndex} is outside 0..{doseGy.SizeZ - 1}.");

        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Black);
        var typeface = Typeface.Value;
        using var titleFont = new SKFont(typeface, 18);
        using var smallFont = new SKFont(typeface, 13);
        using var textPaint = new SKPaint { Color = SKColors.White, IsAntialias = true };

        var panel = PanelRect(doseGy);
        using (var slice = FusedSliceImage(petBqPerMl, doseGy, sliceIndex, scale, petWindow))
            canvas.DrawImage(slice, panel, new SKSamplingOptions(SKFilterMode.Linear));
        foreach (var outline in outlines.OrderBy(o => o.Highlighted))
            DrawOutline(canvas, outline, sliceIndex, panel);

        var positionMm = doseGy.VoxelToPatient(0, 0, sliceIndex).Dot(doseGy.SliceDirection);
        canvas.DrawText(caption, PanelLeft, 26, SKTextAlign.Left, titleFont, textPaint);
        var footer = string.Create(CultureInfo.InvariantCulture,
            $"slice {sliceIndex + 1}/{doseGy.SizeZ}, {positionMm:F1} mm   {petWindow.Caption}   dose shown from {scale.WashThresholdFraction * scale.DoseMaxGy:G3} Gy");
        canvas.DrawText(footer, PanelLeft, Height - 10, SKTextAlign.Left, smallFont, textPaint);
        DrawColourBar(canvas, scale, smallFont, textPaint);

        canvas.Flush();
        var rgba = bitmap.GetPixelSpan();
        var rgb = new byte[Width * Height * 3];
        for (int p = 0, q = 0; q < rgb.Length; p += 4, q += 3)
        {
            rgb[q] = rgba[p];
            rgb[q + 1] = rgba[p + 1];
            rgb[q + 2] = rgba[p + 2];
        }
        return new FusedSlice(caption, sliceIndex, positionMm, Width, Height, rgb);
    }

    /// <summary>Where the slice goes on the canvas: fitted into the square panel, keeping the in-plane aspect in mm.</summary>
    private static SKRect PanelRect(Volume grid)
    {
        var widthMm = grid.SizeX * grid.SpacingMm.X;
        var heightMm = grid.SizeY * grid.SpacingMm.Y;
        var pixelsPerMm = PanelSize / Math.Max(widthMm, heightMm);
        var w = (float)(widthMm * pixelsPerMm);
        var h = (float)(heightMm * pixelsPerMm);
        var left = PanelLeft + (PanelSize - w) / 2;
        var top = PanelTop + (PanelSize - h) / 2;
        return new SKRect(left, top, left + w, top + h);
    }

    /// <summary>The slice at native resolution: grey PET with the dose colour alpha-blended on top.</summary>
    private static SKImage FusedSliceImage(Volume pet, Volume dose, int k, FusionScale scale, PetWindow petWindow)
    {
        int nx = dose.SizeX, ny = dose.SizeY;
        var pixels = new byte[nx * ny * 4];
        var offset = k * dose.StrideZ;
        for (var p = 0; p < nx * ny; p++)
        {
            var grey = petWindow.Grey(pet.Voxels[offset + p]) * 255;
            double r = grey, g = grey, b = grey;
            var fraction = dose.Voxels[offset + p] / scale.DoseMaxGy;
            if (fraction >= scale.WashThresholdFraction)
            {
                var (cr, cg, cb) = DoseColorMap.At(fraction);
                var a = scale.WashOpacity;
                r = r * (1 - a) + cr * a;
                g = g * (1 - a) + cg * a;
                b = b * (1 - a) + cb * a;
            }
            pixels[4 * p] = (byte)Math.Round(r);
            pixels[4 * p + 1] = (byte)Math.Round(g);
            pixels[4 * p + 2] = (byte)Math.Round(b);
            pixels[4 * p + 3] = 255;
        }
        var info = new SKImageInfo(nx, ny, SKColorType.Rgba8888, SKAlphaType.Opaque);
        return SKImage.FromPixelCopy(info, pixels, nx * 4);
    }

    /// <summary>Draws the voxel edges between inside (fraction at least 0.5) and outside of a mask on one slice.</summary>
    private static void DrawOutline(SKCanvas canvas, SliceOutline outline, int k, SKRect panel)
    {
        var mask = outline.Mask;
        int nx = mask.SizeX, ny = mask.SizeY;
        var sx = panel.Width / nx;
        var sy = panel.Height / ny;
        bool Inside(int i, int j) => i >= 0 && j >= 0 && i < nx && j < ny && mask[i, j, k] >= 0.5f;
        // Outside the mask's bounds nothing is inside: the same edges in the same order, from the box alone.
        var box = outline.Bounds ?? VoxelBox.All(mask);
        using var path = new SKPath();
        if (k < box.Z0 || k > box.Z1) return;
        for (var j = box.Y0; j <= box.Y1; j++)
            for (var i = box.X0; i <= box.X1; i++)
            {
                if (!Inside(i, j)) continue;
                float x0 = panel.Left + i * sx, y0 = panel.Top + j * sy, x1 = x0 + sx, y1 = y0 + sy;
                if (!Inside(i - 1, j)) { path.MoveTo(x0, y0); path.LineTo(x0, y1); }
                if (!Inside(i + 1, j)) { path.MoveTo(x1, y0); path.LineTo(x1, y1); }
                if (!Inside(i, j - 1)) { path.MoveTo(x0, y0); path.LineTo(x1, y0); }
                if (!Inside(i, j + 1)) { path.MoveTo(x0, y1); path.LineTo(x1, y1); }
            }
        using var paint = new SKPaint
        {
            Style = SKPaintStyle.Stroke,
            IsAntialias = true,
            StrokeWidth = outline.Highlighted ? 2.5f : 1.5f,
            Color = outline.Highlighted ? SKColors.White : new SKColor(255, 80, 255),
        };
        canvas.DrawPath(path, paint);
    }

    private static void DrawColourBar(SKCanvas canvas, FusionScale scale, SKFont font, SKPaint textPaint)
    {
        float top = PanelTop + 16, bottom = PanelTop + PanelSize - 8;
        using var fill = new SKPaint();
        for (var y = (int)top; y < (int)bottom; y++)
        {
            var fraction = (bottom - y) / (bottom - top);
            var (r, g, b) = DoseColorMap.At(fraction);
            fill.Color = fraction < scale.WashThresholdFraction ? new SKColor(60, 60, 60) : new SKColor(r, g, b);
            canvas.DrawRect(BarLeft, y, BarWidth, 1, fill);
        }
        using var border = new SKPaint { Style = SKPaintStyle.Stroke, Color = SKColors.White, StrokeWidth = 1 };
        canvas.DrawRect(BarLeft, top, BarWidth, bottom - top, border);
        canvas.DrawText("Gy", BarLeft, PanelTop + 6, SKTextAlign.Left, font, textPaint);
        foreach (var tick in NiceScale.Ticks(scale.DoseMaxGy))
        {
            var y = bottom - (float)(tick / scale.DoseMaxGy) * (bottom - top);
            canvas.DrawLine(BarLeft + BarWidth, y, BarLeft + BarWidth + 5, y, border);
            canvas.DrawText(tick.ToString("G4", CultureInfo.InvariantCulture), BarLeft + BarWidth + 8, y + 5, SKTextAlign.Left, font, textPaint);
        }
    }
}
