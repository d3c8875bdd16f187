namespace VoxDose.Reporting.Images;

/// <summary>One rendered fused slice: 8-bit RGB pixels (row by row, no padding) and the same image as PNG.</summary>
public sealed record FusedSlice(string Caption, int SliceIndex, double SlicePositionMm, int Width, int Height, byte[] Rgb, byte[] Png);
