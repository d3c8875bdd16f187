namespace VoxDose.Dicom.IO;

/// <summary>Byte order conversion of value bytes in units of 2, 4 or 8 bytes.</summary>
internal static class ByteSwap
{
    public static byte[] Swapped(ReadOnlySpan<byte> source, int unit)
    {
        var copy = source.ToArray();
        SwapInPlace(copy, unit);
        return copy;
    }

    public static void SwapInPlace(Span<byte> data, int unit)
    {
        if (unit <= 1) return;
        var whole = data.Length - data.Length % unit;
        for (var i = 0; i < whole; i += unit) data.Slice(i, unit).Reverse();
    }
}
