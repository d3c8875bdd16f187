using System.Runtime.CompilerServices;
using VoxDose.Dicom;

namespace VoxDose.Dosimetry.Pet;

/// <summary>One PET slice's native pixels (through <see cref="DicomPixelData"/>) to rescaled values in the target unit.</summary>
internal static class PetPixelDecoder
{
    /// <summary>value = (stored x Rescale Slope + Rescale Intercept) x unitFactor, with this slice's own slope and intercept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DecodeInto(DicomDataset ds, string label, Span<float> target, double unitFactor)
    {
        try
        {
            var pixels = DicomPixelData.From(ds);
            if (pixels.SamplesPerPixel != 1) throw new DoseInputException($"{label}: Samples per Pixel (0028,0002) is {pixels.SamplesPerPixel}; PET slices are grayscale.");
            if (pixels.NumberOfFrames != 1) throw new DoseInputException($"{label}: {pixels.NumberOfFrames} frames; one slice per dataset expected.");
            if (pixels.PixelsPerFrame != target.Length) throw new DoseInputException($"{label}: {pixels.PixelsPerFrame} pixels, {target.Length} expected.");
            var slope = pixels.RescaleSlope;
            if (!double.IsFinite(slope) || slope == 0) throw new DoseInputException($"{label}: Rescale Slope (0028,1053) is {slope}.");
            if (!double.IsFinite(pixels.RescaleIntercept)) throw new DoseInputException($"{label}: Rescale Intercept (0028,1052) is {pixels.RescaleIntercept}.");
            var stored = pixels.GetStoredValues(0);
            var a = slope * unitFactor;
            var b = pixels.RescaleIntercept * unitFactor;
            for (var i = 0; i < target.Length; i++) target[i] = (float)(stored[i] * a + b);
        }
        catch (DicomDataException ex)
        {
            throw new DoseInputException($"{label}: {ex.Message}", ex);
        }
    }
}
