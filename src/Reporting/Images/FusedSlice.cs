using SkiaSharp;

namespace VoxDose.Reporting.Images;

/// <summary>
/// One rendered fused slice: 8-bit RGB pixels (row by row, no padding). The PNG of the same pixels is encoded on
/// first use only (the web page asks for it; the PDF and the Secondary Capture take the pixels as they are).
/// </summary>
public sealed record FusedSlice(string Caption, int SliceIndex, double SlicePositionMm, int Width, int Height, byte[] Rgb)
{
    private byte[]? png;

    /// <summary>The slice as PNG (lossless: the same pixels as <see cref="Rgb"/>).</summary>
    public byte[] Png => png ??= EncodePng(Width, Height, Rgb);

    /// <summary>The slice as an uncompressed 24-bit BMP, which PDFsharp embeds without decoding a PNG first.</summary>
    public byte[] Bmp() => BmpEncoder.FromRgb(Width, Height, Rgb);

    private static byte[] EncodePng(int width, int height, byte[] rgb)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var rgba = bitmap.GetPixelSpan();
        for (int p = 0, q = 0; q < rgb.Length; p += 4, q += 3)
        {
            rgba[p] = rgb[q];
            rgba[p + 1] = rgb[q + 1];
            rgba[p + 2] = rgb[q + 2];
            rgba[p + 3] = 255;
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
