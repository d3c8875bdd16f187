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
    public static byte[] FromRgb(int width, int height, ReadOnlySpan<byte> rgb) =>
        Encode(width, height, rgb, bytesPerPixel: 3, redOffset: 0, blueOffset: 2, nameof(rgb), "RGB");

    /// <param name="bgra">Pixels row by row from the top, B, G, R, A (opaque), as Skia's BGRA8888 surfaces hold them.</param>
    public static byte[] FromOpaqueBgra(int width, int height, ReadOnlySpan<byte> bgra) =>
        Encode(width, height, bgra, bytesPerPixel: 4, redOffset: 2, blueOffset: 0, nameof(bgra), "BGRA");

    /// <summary>Rows of <paramref name="bytesPerPixel"/>-byte pixels (red and blue at the given offsets, green at 1; any
    /// alpha dropped) into a bottom-up 24-bit BGR bitmap.</summary>
    private static byte[] Encode(int width, int height, ReadOnlySpan<byte> pixels, int bytesPerPixel, int redOffset, int blueOffset,
        string parameter, string layout)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var rowBytes = width * bytesPerPixel;
        if (pixels.Length != rowBytes * height) throw new ArgumentException($"Expected {rowBytes * height} {layout} bytes, got {pixels.Length}.", parameter);
        var stride = (width * 3 + 3) & ~3;
        var bmp = new byte[FileHeaderBytes + InfoHeaderBytes + stride * height];
        WriteHeaders(bmp, width, height, stride);
        for (var y = 0; y < height; y++)
        {
            var source = pixels.Slice(y * rowBytes, rowBytes);
            var target = bmp.AsSpan(FileHeaderBytes + InfoHeaderBytes + (height - 1 - y) * stride, width * 3);
            for (int p = 0, q = 0; p < source.Length; p += bytesPerPixel, q += 3)
            {
                target[q] = source[p + blueOffset];
                target[q + 1] = source[p + 1];
                target[q + 2] = source[p + redOffset];
            }
        }
        return bmp;
    }

    private static void WriteHeaders(byte[] bmp, int width, int height, int stride)
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
        BinaryPrimitives.WriteInt16LittleEndian(span[28..], 24); // bits per pixel
        BinaryPrimitives.WriteInt32LittleEndian(span[30..], 0); // BI_RGB
        BinaryPrimitives.WriteInt32LittleEndian(span[34..], stride * height);
        BinaryPrimitives.WriteInt32LittleEndian(span[38..], 2835); // 72 dpi, as pixels per metre
        BinaryPrimitives.WriteInt32LittleEndian(span[42..], 2835);
    }
}
