using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Reporting.Images;

/// <summary>
/// The display ranges shared by every fused slice of a report, so that one colour means one dose on every frame:
/// the dose colour bar spans 0..<see cref="DoseMaxGy"/>, the grey PET 0..<see cref="PetMaxBqPerMl"/>.
/// </summary>
public sealed record FusionScale(double DoseMaxGy, double PetMaxBqPerMl)
{
    /// <summary>Fraction of the dose scale under which no colour is drawn (the PET shows through).</summary>
    public double WashThresholdFraction { get; init; } = 0.05;

    /// <summary>Opacity of the dose colour over the PET (0..1).</summary>
    public double WashOpacity { get; init; } = 0.55;

    /// <summary>Dose scale from the maximum of the map rounded up to a nice number; PET window to its 99.5th percentile.</summary>
    public static FusionScale For(Volume petBqPerMl, Volume doseGy)
    {
        var doseMax = 0f;
        foreach (var v in doseGy.Voxels) if (v > doseMax) doseMax = v;
        return new FusionScale(NiceScale.CeilNice(doseMax), PositivePercentile(petBqPerMl.Voxels, 0.995));
    }

    private static double PositivePercentile(float[] values, double quantile)
    {
        var step = Math.Max(1, values.Length / 400_000);
        var sample = new List<float>();
        for (var i = 0; i < values.Length; i += step) if (values[i] > 0 && float.IsFinite(values[i])) sample.Add(values[i]);
        if (sample.Count == 0) return 1;
        sample.Sort();
        return sample[(int)Math.Min(sample.Count - 1, Math.Round(quantile * (sample.Count - 1)))];
    }
}
