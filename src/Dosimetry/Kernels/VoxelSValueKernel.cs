using System.Globalization;
using VoxDose.Dosimetry.Physics;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Kernels;

/// <summary>
/// A voxel S-value kernel: the mean absorbed dose in target voxel (i, j, k) per decay in source voxel (0, 0, 0),
/// in mGy/(MBq s), for a given voxel spacing and medium density. Stored as the octant i, j, k >= 0 (the kernel is
/// symmetric under a change of sign of each index); indices beyond the half-extent are zero.
/// </summary>
public sealed class VoxelSValueKernel
{
    private readonly double[] _octant;

    internal VoxelSValueKernel(Vec3 spacingMm, double densityGPerCm3, double relativeElectronsPerGram, int halfX, int halfY, int halfZ, double[] octantMGyPerMBqS,
        double modelledEnergyPerDecayMeV, string description)
    {
        if (octantMGyPerMBqS.Length != (halfX + 1) * (halfY + 1) * (halfZ + 1))
            throw new ArgumentException("Octant size does not match the half-extents.", nameof(octantMGyPerMBqS));
        SpacingMm = spacingMm;
        DensityGPerCm3 = densityGPerCm3;
        RelativeElectronsPerGram = relativeElectronsPerGram;
        HalfX = halfX;
        HalfY = halfY;
        HalfZ = halfZ;
        _octant = octantMGyPerMBqS;
        ModelledEnergyPerDecayMeV = modelledEnergyPerDecayMeV;
        Description = description;
    }

    public Vec3 SpacingMm { get; }
    public double DensityGPerCm3 { get; }

    /// <summary>Electrons per gram of the medium relative to water (range scaling); 1 for plain density scaling.</summary>
    public double RelativeElectronsPerGram { get; }

    /// <summary>Largest |i| with a non-zero value; the full kernel spans 2 HalfX + 1 voxels along x.</summary>
    public int HalfX { get; }
    public int HalfY { get; }
    public int HalfZ { get; }

    /// <summary>Energy per decay the kernel deposits in total (MeV), i.e. the energy of the point kernel it was built from.</summary>
    public double ModelledEnergyPerDecayMeV { get; }

    /// <summary>Human-readable provenance: point kernel, spacing, density, quadrature.</summary>
    public string Description { get; }

    /// <summary>Mass of one voxel of the medium in kg: spacing product (mm3) / 1000 (mL) x density (g/mL) / 1000.</summary>
    public double VoxelMassKg => SpacingMm.X * SpacingMm.Y * SpacingMm.Z / 1000.0 * DensityGPerCm3 / 1000.0;

    /// <summary>S(i, j, k) in mGy/(MBq s) for any signed offset; zero outside the kernel.</summary>
    public double this[int i, int j, int k]
    {
        get
        {
            i = Math.Abs(i); j = Math.Abs(j); k = Math.Abs(k);
            if (i > HalfX || j > HalfY || k > HalfZ) return 0.0;
            return _octant[i + (HalfX + 1) * (j + (HalfY + 1) * k)];
        }
    }

    /// <summary>
    /// Energy per decay recovered by the kernel (MeV): sum over the full kernel of S x voxel mass. Equals
    /// <see cref="ModelledEnergyPerDecayMeV"/> when the kernel conserves energy.
    /// </summary>
    public double DepositedEnergyPerDecayMeV()
    {
        double sum = 0;
        for (var k = -HalfZ; k <= HalfZ; k++)
            for (var j = -HalfY; j <= HalfY; j++)
                for (var i = -HalfX; i <= HalfX; i++)
                    sum += this[i, j, k];
        // mGy/(MBq s) -> Gy per decay: / 1e3 (mGy->Gy) / 1e6 (decays per MBq s); x kg -> J; / J per MeV.
        return sum * 1e-9 * VoxelMassKg / Y90Constants.JoulesPerMeV;
    }

    /// <summary>The full kernel as a flat array (x fastest), sizes (2 HalfX + 1) x (2 HalfY + 1) x (2 HalfZ + 1), in mGy/(MBq s).</summary>
    public double[] ToFullArray()
    {
        int nx = 2 * HalfX + 1, ny = 2 * HalfY + 1, nz = 2 * HalfZ + 1;
        var full = new double[nx * ny * nz];
        for (var k = 0; k < nz; k++)
            for (var j = 0; j < ny; j++)
                for (var i = 0; i < nx; i++)
                    full[i + nx * (j + ny * k)] = this[i - HalfX, j - HalfY, k - HalfZ];
        return full;
    }

    /// <summary>The octant as lines "i j k S" (S in mGy/(MBq s)), i slowest, k fastest, like the Lanconelli 2012 files.</summary>
    public void WriteOctant(TextWriter writer, int significantDigits = 4)
    {
        if (significantDigits is < 1 or > 17) throw new ArgumentOutOfRangeException(nameof(significantDigits), "1 to 17 significant digits.");
        // Custom formats stop at 15 significant digits; beyond, the round-trip format.
        var format = significantDigits >= 16 ? "R" : "0." + new string('0', significantDigits - 1) + "E+00";
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# Y-90 voxel S-values, spacing {SpacingMm.X:0.###} x {SpacingMm.Y:0.###} x {SpacingMm.Z:0.###} mm, density {DensityGPerCm3:0.###} g/cm3, electrons per gram {RelativeElectronsPerGram:0.0000} x water"));
        writer.WriteLine("# " + Description);
        writer.WriteLine("i\tj\tk\tS [mGy/(MBq s)]");
        for (var i = 0; i <= HalfX; i++)
            for (var j = 0; j <= HalfY; j++)
                for (var k = 0; k <= HalfZ; k++)
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i}\t{j}\t{k}\t{this[i, j, k].ToString(format, CultureInfo.InvariantCulture)}"));
    }
}
