using VoxDose.Dosimetry.Physics;
using VoxDose.Dosimetry.Results;

namespace VoxDose.Dosimetry.Dose;

/// <summary>Parameters of a dose calculation. Defaults: VSV on the PET grid, soft tissue 1.04 g/cm3, no scaling.</summary>
public sealed record DoseOptions
{
    public DoseMethod Method { get; init; } = DoseMethod.Vsv;

    /// <summary>Medium density for the kernel scaling and the voxel mass, g/cm3.</summary>
    public double DensityGPerCm3 { get; init; } = Y90Constants.SoftTissueDensityGPerCm3;

    /// <summary>
    /// Electrons per gram of the medium relative to water, for the kernel's range scaling (soft tissue 0.9907,
    /// ICRU 44); 1.0 gives the plain ρ² D_water(ρ r) density scaling.
    /// </summary>
    public double RelativeElectronsPerGram { get; init; } = Y90Constants.SoftTissueRelativeElectronsPerGram;

    /// <summary>
    /// VSV only: resample the cumulated activity to this isotropic spacing (mm), conserving activity, convolve with
    /// that spacing's kernel and interpolate the dose back to the PET grid (the seed study used 3 mm). Null: native grid.
    /// </summary>
    public double? ResampleSpacingMm { get; init; }

    /// <summary>Administered activity (MBq, at injection). When set, the map is scaled so that it holds the administered activity less residual, less the lung shunt.</summary>
    public double? AdministeredActivityMBq { get; init; }

    /// <summary>Residual activity left in the vial and lines (MBq, decay-corrected to injection).</summary>
    public double? ResidualActivityMBq { get; init; }

    /// <summary>Lung shunt fraction (0-1) from the planning study; removed from what the liver received.</summary>
    public double? LungShuntFraction { get; init; }

    /// <summary>Threads for the convolution; -1 for all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Every problem with these options, each naming the option.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(DensityGPerCm3 >= 0.01 && DensityGPerCm3 <= 25)) errors.Add($"DensityGPerCm3 must be in 0.01-25 g/cm3, got {DensityGPerCm3}.");
        if (!(RelativeElectronsPerGram >= 0.8 && RelativeElectronsPerGram <= 1.2)) errors.Add($"RelativeElectronsPerGram must be in 0.8-1.2, got {RelativeElectronsPerGram}.");
        if (ResampleSpacingMm is { } r && !(r >= 0.5 && r <= 20)) errors.Add($"ResampleSpacingMm must be in 0.5-20 mm, got {r}.");
        if (ResampleSpacingMm is not null && Method != DoseMethod.Vsv) errors.Add("ResampleSpacingMm applies to the VSV method only.");
        if (AdministeredActivityMBq is { } a && !(a > 0 && a < 1e6)) errors.Add($"AdministeredActivityMBq must be positive (MBq), got {a}.");
        if (ResidualActivityMBq is { } res && !(res >= 0)) errors.Add($"ResidualActivityMBq must be >= 0 MBq, got {res}.");
        if (ResidualActivityMBq is not null && AdministeredActivityMBq is null) errors.Add("ResidualActivityMBq needs AdministeredActivityMBq.");
        if (ResidualActivityMBq is { } rr && AdministeredActivityMBq is { } aa && rr >= aa) errors.Add($"ResidualActivityMBq ({rr}) must be less than AdministeredActivityMBq ({aa}).");
        if (LungShuntFraction is { } l && !(l >= 0 && l < 1)) errors.Add($"LungShuntFraction must be in [0, 1), got {l}.");
        if (LungShuntFraction is not null && AdministeredActivityMBq is null) errors.Add("LungShuntFraction needs AdministeredActivityMBq.");
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1) errors.Add($"MaxDegreeOfParallelism must be -1 or positive, got {MaxDegreeOfParallelism}.");
        return errors;
    }
}
