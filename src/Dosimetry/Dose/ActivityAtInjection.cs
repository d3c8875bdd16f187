using VoxDose.Dosimetry.Decay;
using VoxDose.Dosimetry.Pet;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Dose;

/// <summary>The PET's activity concentration brought back to the injection time, with the Y-90 check and the decay record.</summary>
public sealed record ActivityAtInjection(Volume ConcentrationBqPerMl, Y90Recognition Y90, DecayCorrectionRecord Decay)
{
    /// <summary>Checks units and Y-90, resolves the decay correction, and applies it slice by slice.</summary>
    public static ActivityAtInjection From(PetSeries series)
    {
        var header = series.Header;
        if (!string.Equals(header.Units?.Trim(), "BQML", StringComparison.OrdinalIgnoreCase))
            throw new DoseInputException($"Units (0054,1001) is '{header.Units}'; the dose needs activity concentration in BQML.");
        var y90 = Y90Recognizer.Recognize(header);
        if (!y90.IsY90)
            throw new DoseInputException("The series is " + y90.Summary + ". VoxDose computes Y-90 doses only; set the radionuclide code (0054,0300) or check the series.");
        var decay = DecayCorrector.Resolve(header, y90);

        var stored = series.ActivityBqPerMl;
        var result = stored.WithSameGeometry();
        var plane = stored.StrideZ;
        for (var z = 0; z < stored.SizeZ; z++)
        {
            DateTime? sliceTime = z < series.SliceAcquisitionDateTimes.Count ? series.SliceAcquisitionDateTimes[z] : null;
            var factor = (float)DecayCorrector.SliceFactorToInjection(decay, sliceTime);
            var src = stored.Voxels.AsSpan(plane * z, plane);
            var dst = result.Voxels.AsSpan(plane * z, plane);
            for (var i = 0; i < plane; i++)
            {
                var v = src[i];
                if (!float.IsFinite(v)) throw new DoseInputException($"Slice {z} holds a non-finite activity value ({v}).");
                dst[i] = v * factor;
            }
        }
        return new ActivityAtInjection(result, y90, decay);
    }
}
