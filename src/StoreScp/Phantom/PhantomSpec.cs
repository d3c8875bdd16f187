using VoxDose.Dosimetry.Volumes;

namespace VoxDose.StoreScp.Phantom;

/// <summary>
/// A synthetic post-TARE Y-90 PET: Biograph mCT-like grid (200 x 200, 4.07 mm pixels; 111 planes of 2.027 mm),
/// a liver with heterogeneous uptake, four lesions (one with a necrotic core, one under the 81 Gy cut-off), and a
/// lung shunt. Activities are at injection; the scan starts <see cref="ScanDelayH"/> hours later.
/// </summary>
public sealed record PhantomSpec
{
    public int Columns { get; init; } = 200;
    public int Rows { get; init; } = 200;
    public int Slices { get; init; } = 111;
    public double PixelSpacingMm { get; init; } = 4.07;
    public double SliceSpacingMm { get; init; } = 2.027;

    /// <summary>Administered activity at injection (resin microspheres, typical 1-3 GBq).</summary>
    public double InjectedActivityBq { get; init; } = 2.0e9;

    /// <summary>Lung shunt fraction: the part of the injected activity lodged in the lungs.</summary>
    public double LungShuntFraction { get; init; } = 0.06;

    public double ScanDelayH { get; init; } = 5.0;

    /// <summary>Scanner resolution (Gaussian FWHM, mm) applied to the true activity before noise.</summary>
    public double ResolutionFwhmMm { get; init; } = 9.0;

    /// <summary>Post-reconstruction filter (Gaussian FWHM, mm) applied after noise (Yoo 2021: 5 mm).</summary>
    public double PostFilterFwhmMm { get; init; } = 5.0;

    /// <summary>Noise standard deviation relative to the normal-liver level (Y-90 PET is count-starved).</summary>
    public double NoiseAtLiverFraction { get; init; } = 0.35;

    public int Seed { get; init; } = 90;

    public DateTime InjectionDateTime { get; init; } = new(2026, 1, 15, 9, 30, 0);

    /// <summary>Liver, lesions, necrotic core, lungs. Liver uptake is modulated by a smooth pattern (±30 %).</summary>
    public IReadOnlyList<PhantomRegion> Regions { get; init; } =
    [
        new("Liver", "liver", new Vec3(-55, 15, -15), new Vec3(95, 75, 65), 1.0),
        new("Lung Right", "lung", new Vec3(-80, 20, 107), new Vec3(60, 70, 55), 0.0),
        new("Lung Left", "lung", new Vec3(85, 20, 107), new Vec3(55, 70, 55), 0.0),
        new("Lesion 1", "lesion", new Vec3(-85, 0, -5), new Vec3(20, 20, 20), 5.5),
        new("Lesion 2", "lesion", new Vec3(-20, 40, -40), new Vec3(15, 15, 15), 1.9),
        new("Lesion 3 necrotic", "lesion", new Vec3(-60, 35, 20), new Vec3(24, 24, 24), 4.5),
        new("Necrotic core", "necrosis", new Vec3(-60, 35, 20), new Vec3(11, 11, 11), 0.2, Contoured: false),
        new("Lesion 4", "lesion", new Vec3(-30, -25, -50), new Vec3(9, 9, 9), 3.0),
    ];

    public DateTime AcquisitionDateTime => InjectionDateTime.AddHours(ScanDelayH);

    public double VoxelVolumeMl => PixelSpacingMm * PixelSpacingMm * SliceSpacingMm / 1000.0;

    /// <summary>Patient position (mm) of voxel (i, j, k): the grid is centred on the origin, axial slices, LPS axes.</summary>
    public Vec3 VoxelCentreMm(double i, double j, double k) => new(
        (i - (Columns - 1) / 2.0) * PixelSpacingMm,
        (j - (Rows - 1) / 2.0) * PixelSpacingMm,
        (k - (Slices - 1) / 2.0) * SliceSpacingMm);

    /// <summary>Smooth liver heterogeneity: 1 ± 0.3 (mean near 1 over the liver).</summary>
    public static double LiverModulation(double x, double y, double z) =>
        1.0 + 0.18 * Math.Sin(2 * Math.PI * x / 70 + 0.4) * Math.Sin(2 * Math.PI * y / 55) + 0.12 * Math.Cos(2 * Math.PI * z / 60 + 1.1);
}
