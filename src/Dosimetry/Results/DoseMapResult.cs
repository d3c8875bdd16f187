using VoxDose.Dosimetry.Decay;
using VoxDose.Dosimetry.Dose;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Results;

/// <summary>
/// A dose map and everything needed to audit it: the absorbed dose in Gy on the PET grid (same geometry and frame
/// of reference), how it was computed, and from what.
/// </summary>
public sealed record DoseMapResult
{
    /// <summary>Absorbed dose from injection to infinity, Gy, on the PET grid.</summary>
    public required Volume DoseGy { get; init; }
    public required DoseMethod Method { get; init; }

    /// <summary>The kernel's provenance (VSV) or the LDM formula used.</summary>
    public required string KernelDescription { get; init; }

    /// <summary>Spacing of the grid the convolution ran on (the PET's or the resampled one), mm.</summary>
    public required Vec3 CalculationSpacingMm { get; init; }

    public required double DensityGPerCm3 { get; init; }

    /// <summary>The density map the dose used (from the CT), or null: <see cref="DensityGPerCm3"/> (soft tissue) everywhere.</summary>
    public DensityMap? Density { get; init; }

    /// <summary>Activity in the PET field of view decay-corrected to injection, before any scaling, MBq.</summary>
    public required double TotalActivityAtInjectionMBq { get; init; }

    /// <summary>Cumulated activity used for the dose (after scaling), MBq s.</summary>
    public required double TotalCumulatedActivityMBqS { get; init; }

    /// <summary>Scaling to the administered activity, or null when the PET's own activity was used.</summary>
    public ActivityScalingRecord? ActivityScaling { get; init; }

    public required EnergyBalance Energy { get; init; }
    public required Y90Recognition Y90 { get; init; }
    public required DecayCorrectionRecord Decay { get; init; }

    /// <summary>Mean energy per decay (MeV) and its source, as used for LDM and the energy balance.</summary>
    public required double MeanBetaEnergyMeV { get; init; }

    /// <summary>The options as given, for the audit.</summary>
    public required DoseOptions Options { get; init; }

    /// <summary>Notes for the physicist (loader notes, overrides, warnings).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
