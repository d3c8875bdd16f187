using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Reporting.Images;

/// <summary>
/// The dose display range shared by every fused slice of a report, so that one colour means one dose on every frame:
/// the dose colour bar spans 0..<see cref="DoseMaxGy"/>. The grey PET window is per slice (<see cref="PetWindow"/>).
/// </summary>
public sealed record FusionScale(double DoseMaxGy)
{
    /// <summary>Fraction of the dose scale under which no colour is drawn (the PET shows through).</summary>
    public double WashThresholdFraction { get; init; } = 0.05;

    /// <summary>Opacity of the dose colour over the PET (0..1).</summary>
    public double WashOpacity { get; init; } = 0.55;

    /// <summary>Dose scale from the maximum of the map rounded up to a nice number.</summary>
    public static FusionScale For(Volume doseGy)
    {
        ArgumentNullException.ThrowIfNull(doseGy);
        var doseMax = 0f;
        foreach (var v in doseGy.Voxels) if (v > doseMax) doseMax = v;
        return new FusionScale(NiceScale.CeilNice(doseMax));
    }
}
