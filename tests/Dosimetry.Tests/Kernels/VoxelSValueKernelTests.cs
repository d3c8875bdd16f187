using VoxDose.Dosimetry.Kernels;
using VoxDose.Dosimetry.Physics;
using VoxDose.Dosimetry.Volumes;
using Xunit.Abstractions;

namespace VoxDose.Dosimetry.Tests.Kernels;

public class VoxelSValueKernelTests(ITestOutputHelper output)
{
    // Entries "down to S211": every octant entry whose sorted index is at most (2, 1, 1).
    private static readonly (int, int, int)[] NearEntries = [(0, 0, 0), (1, 0, 0), (1, 1, 0), (1, 1, 1), (2, 0, 0), (2, 1, 0), (2, 1, 1)];

    [Theory]
    [InlineData(3.0, "90Y3mmsoft.txt")]
    [InlineData(5.0, "90Y5mmsoft.txt")]
    public void Kernel_matches_Lanconelli_2012_soft_tissue(double spacingMm, string file)
    {
        var reference = LanconelliReference.Read(file);
        var kernel = KernelCache.GetY90(new Vec3(spacingMm, spacingMm, spacingMm), Y90Constants.SoftTissueDensityGPerCm3);
        foreach (var (i, j, k) in NearEntries)
        {
            var ours = kernel[i, j, k];
            var theirs = reference[(i, j, k)];
            var relative = (ours - theirs) / theirs;
            output.WriteLine(FormattableString.Invariant($"{spacingMm} mm S{i}{j}{k}: {ours:0.0000E+00} vs {theirs:0.00E+00} ({relative:+0.0%;-0.0%})"));
            var tolerance = i + j + k <= 1 ? 0.02 : 0.05;
            Assert.True(Math.Abs(relative) <= tolerance, $"S{i}{j}{k} at {spacingMm} mm: {ours} vs Lanconelli {theirs} ({relative:P1})");
            // Permutation symmetry of an isotropic kernel.
            Assert.Equal(ours, kernel[k, i, j], 1e-3 * ours);
            Assert.Equal(ours, kernel[-i, j, -k]);
        }
    }

    [Theory]
    [InlineData(3.0, "90Y3mmsoft.txt")]
    [InlineData(5.0, "90Y5mmsoft.txt")]
    public void Plain_density_scaling_meets_Lanconelli_near_the_source_only(double spacingMm, string file)
    {
        // rho^2 D_water(rho r) with rho = 1.04 (electrons per gram = water's): within 2 % for S000, S100 and within
        // 5 % out to 9 mm; at 5 mm S200-S211 (10-12 mm, the end of the beta range) it falls 6-12 % short, which is why
        // the default scales ranges by the electron density of ICRU 44 soft tissue.
        var reference = LanconelliReference.Read(file);
        var kernel = KernelCache.GetY90(new Vec3(spacingMm, spacingMm, spacingMm), 1.04, relativeElectronsPerGram: 1.0);
        Assert.Equal(1.0, kernel.RelativeElectronsPerGram);
        foreach (var (i, j, k) in NearEntries)
        {
            var relative = kernel[i, j, k] / reference[(i, j, k)] - 1;
            output.WriteLine(FormattableString.Invariant($"plain {spacingMm} mm S{i}{j}{k}: {relative:+0.0%;-0.0%}"));
            if (i + j + k <= 1) Assert.InRange(relative, -0.02, 0.02);
            else if (spacingMm * Math.Sqrt(i * i + j * j + k * k) <= 9.0) Assert.InRange(relative, -0.05, 0.05);
            else Assert.InRange(relative, -0.15, -0.05);
        }
    }

    [Theory]
    [InlineData(3.0, 3.0, 3.0)]
    [InlineData(2.0, 2.0, 2.0)]
    [InlineData(5.0, 5.0, 5.0)]
    [InlineData(4.07, 4.07, 5.0)]
    [InlineData(4.07, 4.07, 2.0)]
    public void Sum_of_S_times_voxel_mass_is_the_energy_per_decay(double x, double y, double z)
    {
        var kernel = KernelCache.GetY90(new Vec3(x, y, z), Y90Constants.SoftTissueDensityGPerCm3);
        var depositedMeV = kernel.DepositedEnergyPerDecayMeV();
        output.WriteLine($"{x} x {y} x {z} mm: {depositedMeV:F5} MeV vs {kernel.ModelledEnergyPerDecayMeV:F5} MeV");
        Assert.Equal(PointKernel.Y90Graves2019.TotalEnergyMeV, kernel.ModelledEnergyPerDecayMeV, 12);
        Assert.InRange(depositedMeV / kernel.ModelledEnergyPerDecayMeV, 0.995, 1.005);
        // And the table's energy is the Y-90 mean beta energy less the bremsstrahlung tail beyond 1.2 cm (< 1 %).
        Assert.InRange(kernel.ModelledEnergyPerDecayMeV / Y90Constants.MeanBetaEnergyMeV, 0.99, 1.0);
    }

    [Fact]
    public void Anisotropic_kernel_is_longer_along_the_finer_axis()
    {
        var kernel = KernelCache.GetY90(new Vec3(4.07, 4.07, 2.0), 1.04);
        Assert.True(kernel.HalfZ > kernel.HalfX);
        Assert.True(kernel[0, 0, 1] > kernel[1, 0, 0], "the neighbour 2 mm away must receive more than the one 4.07 mm away");
        Assert.Equal(kernel[1, 0, 0], kernel[0, 1, 0], 12);
    }

    [Fact]
    public void Density_scaling_follows_rho_squared_law()
    {
        // D_rho(r) = rho^2 D_1(rho r): a kernel at density rho and spacing h equals rho^3 ... in mass terms:
        // the energy fraction in a voxel depends on h*rho only, so S_rho(h) * m_rho(h) = S_1(rho h) * m_1(rho h).
        var rho = 1.25;
        var dense = VoxelSValueKernelBuilder.Build(PointKernel.Y90Graves2019, new Vec3(3, 3, 3), rho);
        Assert.Equal(1.0, dense.RelativeElectronsPerGram); // the builder's default is plain density scaling
        var water = VoxelSValueKernelBuilder.Build(PointKernel.Y90Graves2019, new Vec3(3 * rho, 3 * rho, 3 * rho), 1.0);
        Assert.Equal(water[0, 0, 0] * water.VoxelMassKg, dense[0, 0, 0] * dense.VoxelMassKg, 1e-6 * water[0, 0, 0] * water.VoxelMassKg);
        Assert.Equal(water[1, 0, 0] * water.VoxelMassKg, dense[1, 0, 0] * dense.VoxelMassKg, 1e-6 * water[1, 0, 0] * water.VoxelMassKg);
    }

    [Fact]
    public void Electron_density_scaling_is_density_scaling_at_the_range_density()
    {
        // Radii scale with rho x eta; S is per mass rho: S(rho, eta) = S(rho eta, 1) x (rho eta) / rho.
        var eta = Y90Constants.SoftTissueRelativeElectronsPerGram;
        Assert.Equal(0.9907, eta, 4);
        var scaled = VoxelSValueKernelBuilder.Build(PointKernel.Y90Graves2019, new Vec3(4, 4, 4), 1.04, eta);
        var plain = VoxelSValueKernelBuilder.Build(PointKernel.Y90Graves2019, new Vec3(4, 4, 4), 1.04 * eta);
        Assert.Equal(plain[0, 0, 0] * eta, scaled[0, 0, 0], 1e-9 * plain[0, 0, 0]);
        Assert.Equal(plain[2, 1, 0] * eta, scaled[2, 1, 0], 1e-9 * plain[0, 0, 0]);
        Assert.Equal(scaled.ModelledEnergyPerDecayMeV, scaled.DepositedEnergyPerDecayMeV(), 1e-5);
    }

    [Fact]
    public void Kernel_is_deterministic_and_cached()
    {
        var spacing = new Vec3(3.5, 3.5, 3.5);
        var a = VoxelSValueKernelBuilder.Build(PointKernel.Y90Graves2019, spacing, 1.04);
        var b = VoxelSValueKernelBuilder.Build(PointKernel.Y90Graves2019, spacing, 1.04);
        Assert.Equal(a.ToFullArray(), b.ToFullArray());
        Assert.Same(KernelCache.GetY90(spacing, 1.04), KernelCache.GetY90(spacing, 1.04));
    }
}

public class VoxelSValueKernelOutputTests
{
    [Fact]
    public void Octant_listing_has_the_Lanconelli_layout_and_round_trips_at_17_digits()
    {
        var kernel = KernelCache.GetY90(new Vec3(4.07, 4.07, 5.0), 1.04);
        var writer = new StringWriter();
        kernel.WriteOctant(writer, 17);
        var rows = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => char.IsDigit(l[0])).Select(l => l.Split('\t')).ToList();
        Assert.Equal((kernel.HalfX + 1) * (kernel.HalfY + 1) * (kernel.HalfZ + 1), rows.Count);
        Assert.Equal(["0", "0", "1"], rows[1][..3]); // k fastest, as in 90Y3mmsoft.txt
        foreach (var r in rows)
        {
            int i = int.Parse(r[0]), j = int.Parse(r[1]), k = int.Parse(r[2]);
            Assert.Equal(kernel[i, j, k], double.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture), kernel[i, j, k] * 1e-15);
        }
    }
}
