using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Dose;

/// <summary>
/// Mass density (g/mL) per voxel on the PET grid, e.g. from the PET/CT's CT through a HU-to-density calibration, and
/// where it came from (for the report).
/// </summary>
public sealed record DensityMap(Volume DensityGPerMl, string Source)
{
    /// <summary>Densities under this (g/mL) are lung-like and get a kernel of their own (ICRP lung 0.26-0.5; soft tissue 1.0-1.1).</summary>
    public const double LungClassBelowGPerMl = 0.6;

    /// <summary>Densities from this (g/mL) up are bone-like and get a kernel of their own.</summary>
    public const double BoneClassFromGPerMl = 1.3;

    /// <summary>Floor applied to every voxel (g/mL): air would give an infinite LDM dose for the odd count outside the body.</summary>
    public const double FloorGPerMl = 0.01;

    /// <summary>The density class of a voxel: 0 lung-like, 1 soft tissue, 2 bone-like.</summary>
    public static int ClassOf(double densityGPerMl) => densityGPerMl < LungClassBelowGPerMl ? 0 : densityGPerMl < BoneClassFromGPerMl ? 1 : 2;
}
