using System.Runtime.InteropServices;

namespace VoxDose.Reporting.RtDose;

/// <summary>
/// Turns a dose map in Gy into unsigned stored values and a Dose Grid Scaling (3004,000E), so that stored x scaling
/// gives the dose in Gy. With 32 bits the scaling maps the maximum dose to 4e9 of the 4.29e9 range: the
/// quantisation step is max/4e9 Gy, a relative error under 1e-6 for any dose above 1/1000 of the maximum.
/// With 16 bits (for readers that cannot take 32) the maximum maps to 65000 and the step is max/65000.
/// </summary>
public static class DoseQuantizer
{
    public static double TargetMaxStored(int bitsAllocated) => bitsAllocated switch
    {
        32 => 4.0e9,
        16 => 65_000,
        _ => throw new ArgumentOutOfRangeException(nameof(bitsAllocated), $"RT Dose Bits Allocated must be 16 or 32, got {bitsAllocated}."),
    };

    /// <param name="doseGy">Dose voxels in Gy; NaN or infinite values are refused, negative ones stored as 0.</param>
    /// <param name="bitsAllocated">32 or 16.</param>
    /// <param name="roundScaling">Rounds the scaling to what the DS (decimal string) attribute will hold, so the
    /// stored values are computed with the very value written.</param>
    /// <returns>The stored values, the scaling, and how many negative voxels were clamped to 0.</returns>
    public static (uint[] Stored, double ScalingGy, int NegativeClamped) Quantize(float[] doseGy, int bitsAllocated, Func<double, double> roundScaling)
    {
        var (pixelData, scaling, negative) = QuantizeToPixelData(doseGy, bitsAllocated, roundScaling);
        var stored = bitsAllocated == 32
            ? MemoryMarshal.Cast<byte, uint>(pixelData).ToArray()
            : [.. MemoryMarshal.Cast<byte, ushort>(pixelData).ToArray().Select(v => (uint)v)];
        return (stored, scaling, negative);
    }

    /// <summary>
    /// As <see cref="Quantize"/>, but writes the stored values straight into the little-endian Pixel Data bytes
    /// (bitsAllocated / 8 bytes a voxel): one pass to find the maximum, one to quantise, one buffer the size of the
    /// Pixel Data, no intermediate array of the 17 MB grid.
    /// </summary>
    public static (byte[] PixelData, double ScalingGy, int NegativeClamped) QuantizeToPixelData(float[] doseGy, int bitsAllocated, Func<double, double> roundScaling)
    {
        ArgumentNullException.ThrowIfNull(doseGy);
        ArgumentNullException.ThrowIfNull(roundScaling);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("RT Dose pixel encoding assumes a little-endian machine.");
        var max = 0.0;
        for (var i = 0; i < doseGy.Length; i++)
        {
            var d = doseGy[i];
            if (!float.IsFinite(d))
                throw new ArgumentException($"The dose map has a non-finite value ({d}) at voxel {i}; refusing to write an RT Dose.", nameof(doseGy));
            if (d > max) max = d;
        }
        var target = TargetMaxStored(bitsAllocated);
        var limit = bitsAllocated == 32 ? uint.MaxValue : ushort.MaxValue;
        var scaling = max > 0 ? roundScaling(max / target) : 1.0;
        if (Math.Round(max / scaling) > limit) throw new InvalidOperationException($"Dose Grid Scaling {scaling} overflows {bitsAllocated} bits for {max} Gy.");
        var pixelData = new byte[doseGy.Length * (bitsAllocated / 8)];
        var negative = 0;
        if (bitsAllocated == 32)
        {
            var stored = MemoryMarshal.Cast<byte, uint>(pixelData.AsSpan());
            for (var i = 0; i < doseGy.Length; i++)
            {
                var d = doseGy[i];
                if (d < 0) { negative++; continue; }
                stored[i] = (uint)Math.Round(d / scaling);
            }
        }
        else
        {
            var stored = MemoryMarshal.Cast<byte, ushort>(pixelData.AsSpan());
            for (var i = 0; i < doseGy.Length; i++)
            {
                var d = doseGy[i];
                if (d < 0) { negative++; continue; }
                stored[i] = (ushort)Math.Round(d / scaling);
            }
        }
        return (pixelData, scaling, negative);
    }
}
