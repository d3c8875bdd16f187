using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using VoxDose.Dicom;

namespace VoxDose.Dosimetry.Pet;

/// <summary>Native (uncompressed, little endian) grayscale pixels of one slice to rescaled values.</summary>
internal static class PetPixelDecoder
{
    /// <summary>value = (stored x Rescale Slope + Rescale Intercept) x unitFactor, per slice.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DecodeInto(DicomDataset ds, string label, Span<float> target, double unitFactor)
    {
        try
        {
            var samples = ds.TryGetInt(DicomTag.SamplesPerPixel, out var spp) ? spp : 1;
            if (samples != 1) throw new DoseInputException($"{label}: Samples per Pixel (0028,0002) is {samples}; PET slices are grayscale.");
            var bits = ds.GetInt(DicomTag.BitsAllocated);
            var signed = ds.TryGetInt(DicomTag.PixelRepresentation, out var pr) && pr == 1;
            var slope = ds.TryGetDouble(DicomTag.RescaleSlope, out var sl) ? sl : 1.0;
            var intercept = ds.TryGetDouble(DicomTag.RescaleIntercept, out var ic) ? ic : 0.0;
            if (!double.IsFinite(slope) || slope == 0) throw new DoseInputException($"{label}: Rescale Slope (0028,1053) is {slope}.");
            var data = ds.GetBytes(DicomTag.PixelData).Span;
            var bytesPerPixel = bits / 8;
            if (bits is not (8 or 16 or 32)) throw new DoseInputException($"{label}: Bits Allocated (0028,0100) is {bits}; 8, 16 or 32 expected.");
            if (data.Length < target.Length * bytesPerPixel)
                throw new DoseInputException($"{label}: Pixel Data (7FE0,0010) holds {data.Length} bytes, {target.Length * bytesPerPixel} expected.");
            var a = slope * unitFactor;
            var b = intercept * unitFactor;
            for (var i = 0; i < target.Length; i++)
            {
                double stored = bits switch
                {
                    16 => signed ? BinaryPrimitives.ReadInt16LittleEndian(data[(2 * i)..]) : BinaryPrimitives.ReadUInt16LittleEndian(data[(2 * i)..]),
                    32 => signed ? BinaryPrimitives.ReadInt32LittleEndian(data[(4 * i)..]) : BinaryPrimitives.ReadUInt32LittleEndian(data[(4 * i)..]),
                    _ => signed ? (sbyte)data[i] : data[i],
                };
                target[i] = (float)(stored * a + b);
            }
        }
        catch (DicomDataException ex)
        {
            throw new DoseInputException($"{label}: {ex.Message}", ex);
        }
    }
}
