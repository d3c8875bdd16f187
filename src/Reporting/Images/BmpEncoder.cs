using System.Buffers.Binary;

namespace VoxDose.Reporting.Images;

/// <summary>
/// Uncompressed 24-bit Windows bitmaps (BITMAPFILEHEADER + BITMAPINFOHEADER, BI_RGB, bottom-up rows padded to 4
/// bytes, pixels stored B, G, R). Used to hand images to PDFsharp, which embeds a BMP by copying its pixels where
/// a PNG must first be inflated and unfiltered: the same pixels in the PDF for less work.
/// </summary>
public static class BmpEncoder
{
    private const int FileHeaderBytes = 14;
    private const int InfoHeaderBytes = 40;

    /// <param name="rgb">Pixels row by row from the top, R, G, B, no padding.</param>
    public static byte[] FromRgb(int width, int height, ReadOnlySpan<byte> rgb)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (rgb.Length != width * height * 3) throw new ArgumentException($"Expected {width * height * 3} RGB bytes, got {rgb.Length}.", nameof(rgb));
        var stride = (width * 3 + 3) & ~3;
        var bmp = new byte[FileHeaderBytes + InfoHeaderBytes + stride * height];
        WriteHeaders(bmp, width, height, stride, bitsPerPixel: 24);
        for (var y = 0; y < height; y++)
        {
            var source = rgb.Slice(y * width * 3, width * 3);
            var target = bmp.AsSpan(FileHeaderBytes + InfoHeaderBytes + (height - 1 - y) * stride, width * 3);
            for (var x = 0; x < source.Length; x += 3)
            {
                target[x] = source[x + 2];
                target[x + 1] = source[x + 1];
                target[x + 2] = source[x];
            }
        }
        return bmp;
    }

    /// <param name="bgra">Pixels row by row from the top, B, G, R, A (opaque), as Skia's BGRA8888 surfaces hold them.</param>
    public static byte[] FromOpaqueBgra(int width, int height, ReadOnlySpan<byte> bgra)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (bgra.Length != width * height * 4) throw new ArgumentException($"Expected {width * height * 4} BGRA bytes, got {bgra.Length}.", nameof(bgra));
        var stride = (width * 3 + 3) & ~3;
        var bmp = new byte[FileHeaderBytes + InfoHeaderBytes + stride * height];
        WriteHeaders(bmp, width, height, stride, bitsPerPixel: 24);
        for (var y = 0; y < height; y++)
        {
            var source = bgra.Slice(y * width * 4, width * 4);
            var target = bmp.AsSpan(FileHeaderBytes + InfoHeaderBytes + (height - 1 - y) * stride, width * 3);
            for (int p = 0, q = 0; p < source.Length; p += 4, q += 3)
            {
                target[q] = source[p];
                target[q + 1] = source[p + 1];
                target[q + 2] = source[p + 2];
            }
        }
        return bmp;
    }

    private static void WriteHeaders(byte[] bmp, int width, int height, int stride, int bitsPerPixel)
    {
        var span = bmp.AsSpan();
        span[0] = (byte)'B';
        span[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(span[2..], bmp.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[10..], FileHeaderBytes + InfoHeaderBytes); // offset of the pixels
        BinaryPrimitives.WriteInt32LittleEndian(span[14..], InfoHeaderBytes);
        BinaryPrimitives.WriteInt32LittleEndian(span[18..], width);
        BinaryPrimitives.WriteInt32LittleEndian(span[22..], height); // positive: bottom-up rows
        BinaryPrimitives.WriteInt16LittleEndian(span[26..], 1); // planes
        BinaryPrimitives.WriteInt16LittleEndian(span[28..], (short)bitsPerPixel);
        BinaryPrimitives.WriteInt32LittleEndian(span[30..], 0); // BI_RGB
        BinaryPrimitives.WriteInt32LittleEndian(span[34..], stride * height);
        BinaryPrimitives.WriteInt32LittleEndian(span[38..], 2835); // 72 dpi, as pixels per metre
        BinaryPrimitives.WriteInt32LittleEndian(span[42..], 2835);
    }
}
