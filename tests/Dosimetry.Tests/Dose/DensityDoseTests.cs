using VoxDose.Dosimetry.Dose;
using VoxDose.Dosimetry.Kernels;
using VoxDose.Dosimetry.Pet;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;

namespace VoxDose.Dosimetry.Tests.Dose;

/// <summary>Dose with a density map (CT): an analytic two-density phantom (soft tissue 1.04 and lung 0.3 g/mL).</summary>
public class DensityDoseTests
{
    // Independent of the product's constants on purpose: T1/2 64.05 h (ENSDF), 0.9336 MeV per decay (Graves 2019).
    private const double HalfLifeS = 64.05 * 3600;
    private const double JoulesPerDecay = 0.9336 * 1.602176634e-13;
    private const double Soft = 1.04, Lung = 0.3;
    private const double SoftBqPerMl = 1.0e6, LungBqPerMl = 0.2e6;

    /// <summary>x &lt; half: soft tissue; x >= half: lung; uniform activity in each, inside a central block (margin for the lung kernel's range).</summary>
    private static (PetSeries Pet, DensityMap Density, Func<int, int, int, bool> Active) TwoDensity(int n = 40, double spacingMm = 4, int margin = 10)
    {
        var size = new Vec3(spacingMm, spacingMm, spacingMm);
        var activity = new Volume(2 * n, n, n, size, new Vec3(0, 0, 0), frameOfReferenceUid: "1.2.3");
        var density = activity.WithSameGeometry();
        var toStored = Math.Pow(2, -(Phantoms.Acquisition - Phantoms.Injection).TotalSeconds / HalfLifeS);
        bool Active(int x, int y, int z) => x >= margin && x < 2 * n - margin && y >= margin && y < n - margin && z >= margin && z < n - margin;
        for (var z = 0; z < n; z++)
            for (var y = 0; y < n; y++)
                for (var x = 0; x < 2 * n; x++)
                {
                    var lung = x >= n;
                    density[x, y, z] = (float)(lung ? Lung : Soft);
                    if (Active(x, y, z)) activity[x, y, z] = (float)((lung ? LungBqPerMl : SoftBqPerMl) * toStored);
                }
        return (new PetSeries { ActivityBqPerMl = activity, Header = Phantoms.Header("START") }, new DensityMap(density, "test"), Active);
    }

    private static double AnalyticLdmGy(double bqPerMl, double densityGPerMl) => bqPerMl * HalfLifeS / Math.Log(2) * JoulesPerDecay / (densityGPerMl / 1000);

    [Fact]
    public void Ldm_mean_per_compartment_is_within_half_a_percent_of_the_analytic_dose()
    {
        var (pet, density, active) = TwoDensity(20, 4, 4);
        var dose = DoseCalculator.Compute(pet, new DoseOptions { Method = DoseMethod.Ldm }, density).DoseGy;
        double soft = 0, lung = 0;
        int nSoft = 0, nLung = 0;
        for (var z = 0; z < dose.SizeZ; z++)
            for (var y = 0; y < dose.SizeY; y++)
                for (var x = 0; x < dose.SizeX; x++)
                {
                    if (!active(x, y, z)) continue;
                    if (x >= 20) { lung += dose[x, y, z]; nLung++; } else { soft += dose[x, y, z]; nSoft++; }
                }
        Assert.Equal(AnalyticLdmGy(SoftBqPerMl, Soft), soft / nSoft, AnalyticLdmGy(SoftBqPerMl, Soft) * 0.005);
        Assert.Equal(AnalyticLdmGy(LungBqPerMl, Lung), lung / nLung, AnalyticLdmGy(LungBqPerMl, Lung) * 0.005);
        // A factor 1000 (g vs kg) or the density dropped would miss by far more: lung at 0.3 g/mL reads 3.47 x soft tissue per Bq/mL.
        Assert.InRange(AnalyticLdmGy(LungBqPerMl, Lung), 30, 40);
    }

    [Fact]
    public void Vsv_in_a_uniform_lung_density_medium_equals_the_kernel_built_at_that_density()
    {
        const int n = 31;
        var spacing = new Vec3(4, 4, 4);
        var activity = new Volume(n, n, n, spacing, new Vec3(0, 0, 0), frameOfReferenceUid: "1.2.3");
        var density = activity.WithSameGeometry();
        Array.Fill(density.Voxels, (float)Lung);
        var toStored = Math.Pow(2, -(Phantoms.Acquisition - Phantoms.Injection).TotalSeconds / HalfLifeS);
        const double pointBq = 1e6;
        activity[15, 15, 15] = (float)(pointBq / activity.VoxelVolumeMl * toStored);
        var dose = DoseCalculator.Compute(new PetSeries { ActivityBqPerMl = activity, Header = Phantoms.Header("START") }, new DoseOptions(), new DensityMap(density, "test")).DoseGy;
        var kernel = KernelCache.GetY90(spacing, Lung);
        var cumulatedMBqS = pointBq * 1e-6 * HalfLifeS / Math.Log(2);
        foreach (var (i, j, k) in new[] { (0, 0, 0), (1, 0, 0), (1, 1, 0), (2, 0, 0), (2, 1, 1), (4, 0, 0) })
        {
            var expectedGy = kernel[i, j, k] * cumulatedMBqS / 1000; // S in mGy/(MBq s)
            Assert.Equal(expectedGy, dose[15 + i, 15 + j, 15 + k], expectedGy * 0.01);
        }
                // 16 mm from the source: beyond the 11 mm maximum range in soft tissue, well within it in lung (11 / 0.3 mm).
        Assert.True(dose[19, 15, 15] > 10 * KernelCache.GetY90(spacing, Soft)[4, 0, 0] * cumulatedMBqS / 1000, "the lung kernel reaches further");
    }

    [Fact]
    public void Vsv_conserves_energy_across_the_soft_tissue_lung_interface()
    {
        var (pet, density, _) = TwoDensity(32, 4, 12);
        var result = DoseCalculator.Compute(pet, new DoseOptions(), density);
        Assert.Equal(1.0, result.Energy.DepositedInGridJ / result.Energy.ModelledJ, 0.01);
        // And the lung side of the interface holds more dose per Bq than soft tissue would (less mass).
        Assert.True(result.Energy.DepositedFractionOfEmitted > 0.97, $"{result.Energy.DepositedFractionOfEmitted}");
    }

    /// <summary>
    /// Regression (phantom --ct): the lung-like class took the mean density of all its voxels, air around the body included,
    /// so lung sources were convolved with a 0.02 g/mL kernel and the lung dose read low. Lung sources in a lung block inside
    /// a large inactive air region must get the lung kernel: the block centre reads as in an infinite lung medium.
    /// </summary>
    [Fact]
    public void Lung_sources_surrounded_by_air_get_the_lung_kernel_not_the_mean_of_lung_and_air()
    {
        const int n = 40, lo = 12, hi = 28;
        var spacing = new Vec3(4, 4, 4);
        var activity = new Volume(n, n, n, spacing, new Vec3(0, 0, 0), frameOfReferenceUid: "1.2.3");
        var inAir = activity.WithSameGeometry();
        var toStored = Math.Pow(2, -(Phantoms.Acquisition - Phantoms.Injection).TotalSeconds / HalfLifeS);
        for (var z = 0; z < n; z++)
            for (var y = 0; y < n; y++)
                for (var x = 0; x < n; x++)
                {
                    var lung = x is >= lo and < hi && y is >= lo and < hi && z is >= lo and < hi;
                    inAir[x, y, z] = (float)(lung ? Lung : 0.0012);
                    if (lung) activity[x, y, z] = (float)(LungBqPerMl * toStored);
                }
        var uniform = activity.WithSameGeometry();
        Array.Fill(uniform.Voxels, (float)Lung);
        var pet = new PetSeries { ActivityBqPerMl = activity, Header = Phantoms.Header("START") };
        var withAir = DoseCalculator.Compute(pet, new DoseOptions(), new DensityMap(inAir, "lung block in air"));
        var lungOnly = DoseCalculator.Compute(new PetSeries { ActivityBqPerMl = activity, Header = Phantoms.Header("START") }, new DoseOptions(), new DensityMap(uniform, "lung"));
        Assert.Contains("lung-like sources: kernel at 0.3 g/mL", withAir.KernelDescription);
        var c = n / 2;
        Assert.Equal(lungOnly.DoseGy[c, c, c], withAir.DoseGy[c, c, c], lungOnly.DoseGy[c, c, c] * 0.01);
    }
}
