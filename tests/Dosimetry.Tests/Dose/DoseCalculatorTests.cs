using VoxDose.Dosimetry.Dose;
using VoxDose.Dosimetry.Results;
using VoxDose.Dosimetry.Volumes;
using Xunit.Abstractions;

namespace VoxDose.Dosimetry.Tests.Dose;

public class DoseCalculatorTests(ITestOutputHelper output)
{
    private const double C0BqPerMl = 1.0e6; // 1 MBq/mL at injection

    // Analytic dose inside a large uniform sphere, all from literals: D = c0 / λ x E / ρ
    // = 1e6 Bq/mL x (230580 s / ln 2) x 0.9336 MeV x 1.602176634e-13 J/MeV / (1.04 g/mL x 1e-3 kg/g) = 47.84 Gy.
    private static readonly double AnalyticGy = 1.0e6 * (64.05 * 3600 / Math.Log(2)) * 0.9336 * 1.602176634e-13 / 1.04e-3;

    [Fact]
    public void Analytic_value_is_about_48_Gy_per_MBq_per_mL()
    {
        // Guards the test itself: 49.76 Gy kg/GBq / 1.04 kg/L = 47.84 Gy for 1 GBq/L.
        Assert.InRange(AnalyticGy, 47.7, 48.0);
    }

    [Fact]
    public void LDM_inside_a_uniform_sphere_equals_the_analytic_dose()
    {
        var series = Phantoms.Sphere(24, 3, 30, C0BqPerMl);
        var result = DoseCalculator.Compute(series, new DoseOptions { Method = DoseMethod.Ldm });
        var centre = result.DoseGy[12, 12, 12];
        output.WriteLine($"LDM {centre} Gy, analytic {AnalyticGy} Gy");
        Assert.Equal(1.0, centre / AnalyticGy, 0.001);
        // The EANM constant: D = A [GBq] x 49.67 / m [kg], for 1 mL: A = 1e-3 GBq, m = 1.04e-3 kg.
        Assert.Equal(1.0, centre / (1e-3 * 49.67 / 1.04e-3), 0.005);
    }

    [Fact]
    public void VSV_inside_a_large_sphere_equals_LDM_and_energy_is_conserved()
    {
        const int n = 40;
        var series = Phantoms.Sphere(n, 3, 50, C0BqPerMl);
        var vsv = DoseCalculator.Compute(series, new DoseOptions());
        var ldm = DoseCalculator.Compute(series, new DoseOptions { Method = DoseMethod.Ldm });
        var c = (n - 1) / 2.0;
        var checkedVoxels = 0;
        for (var z = 0; z < n; z++)
            for (var y = 0; y < n; y++)
                for (var x = 0; x < n; x++)
                {
                    var r = 3 * Math.Sqrt((x - c) * (x - c) + (y - c) * (y - c) + (z - c) * (z - c));
                    if (r > 50 - 15) continue; // 15 mm from the edge: beyond the Y-90 range
                    Assert.Equal(1.0, vsv.DoseGy[x, y, z] / ldm.DoseGy[x, y, z], 0.01);
                    checkedVoxels++;
                }
        Assert.True(checkedVoxels > 1000);
        output.WriteLine($"VSV centre {vsv.DoseGy[20, 20, 20]} Gy, LDM {ldm.DoseGy[20, 20, 20]} Gy; deposited/emitted {vsv.Energy.DepositedFractionOfEmitted:F4}");
        // All energy stays in the grid: deposited = kernel energy (0.9299 MeV) of emitted (0.9336 MeV).
        Assert.Equal(vsv.Energy.ModelledJ, vsv.Energy.DepositedInGridJ, vsv.Energy.ModelledJ * 1e-4);
        Assert.InRange(vsv.Energy.DepositedFractionOfEmitted, 0.99, 1.0);
        Assert.Equal(ldm.Energy.EmittedJ, ldm.Energy.DepositedInGridJ, ldm.Energy.EmittedJ * 1e-5);
        // Total activity at injection: the sphere's voxels x 1 MBq/mL x 0.027 mL.
        var sphereVoxels = ldm.DoseGy.Voxels.Count(v => v > 0);
        Assert.Equal(sphereVoxels * 0.027, vsv.TotalActivityAtInjectionMBq, 1e-3 * vsv.TotalActivityAtInjectionMBq);
    }

    [Fact]
    public void Resampled_3mm_variant_agrees_inside_a_sphere_and_conserves_activity()
    {
        var series = Phantoms.Sphere(36, 2.5, 40, C0BqPerMl, new Vec3(4.07, 4.07, 2.0));
        var native = DoseCalculator.Compute(series, new DoseOptions());
        var resampled = DoseCalculator.Compute(series, new DoseOptions { ResampleSpacingMm = 3.0 });
        Assert.Equal(new Vec3(3, 3, 3), resampled.CalculationSpacingMm);
        Assert.True(resampled.DoseGy.HasSameGrid(series.ActivityBqPerMl));
        Assert.Equal(1.0, resampled.DoseGy[18, 18, 18] / native.DoseGy[18, 18, 18], 0.01);
        Assert.Equal(1.0, native.DoseGy[18, 18, 18] / AnalyticGy, 0.01);
    }

    [Fact]
    public void Scaling_to_administered_activity_less_residual_and_lung_shunt()
    {
        var series = Phantoms.Sphere(20, 3, 20, C0BqPerMl);
        var plain = DoseCalculator.Compute(series, new DoseOptions { Method = DoseMethod.Ldm });
        var options = new DoseOptions { Method = DoseMethod.Ldm, AdministeredActivityMBq = 2000, ResidualActivityMBq = 100, LungShuntFraction = 0.05 };
        var scaled = DoseCalculator.Compute(series, options);
        var target = (2000 - 100) * 0.95;
        Assert.NotNull(scaled.ActivityScaling);
        Assert.Equal(target, scaled.ActivityScaling!.TargetMBq, 9);
        Assert.Equal(target / plain.TotalActivityAtInjectionMBq, scaled.DoseGy[10, 10, 10] / plain.DoseGy[10, 10, 10], 1e-5);
        Assert.Equal(target * 64.05 * 3600 / Math.Log(2), scaled.TotalCumulatedActivityMBqS, 1e-6 * target * 332656);
    }

    [Fact]
    public void Invalid_options_and_inputs_are_clear_errors()
    {
        var series = Phantoms.Sphere(8, 3, 6, C0BqPerMl);
        var ex = Assert.Throws<ArgumentException>(() => DoseCalculator.Compute(series, new DoseOptions { LungShuntFraction = 1.5, AdministeredActivityMBq = 1 }));
        Assert.Contains("LungShuntFraction", ex.Message);
        var cnts = new VoxDose.Dosimetry.Pet.PetSeries { ActivityBqPerMl = series.ActivityBqPerMl, Header = series.Header with { Units = "CNTS" } };
        Assert.Contains("(0054,1001)", Assert.Throws<DoseInputException>(() => DoseCalculator.Compute(cnts, new DoseOptions())).Message);
        var fdg = new VoxDose.Dosimetry.Pet.PetSeries
        {
            ActivityBqPerMl = series.ActivityBqPerMl,
            Header = series.Header with { RadionuclideCodeValue = "77004003", RadionuclideHalfLifeS = 6586.2 },
        };
        Assert.Contains("not recognized as Y-90", Assert.Throws<DoseInputException>(() => DoseCalculator.Compute(fdg, new DoseOptions())).Message);
    }

    [Fact]
    public void The_same_phantom_stored_START_ADMIN_or_NONE_gives_the_same_dose()
    {
        var start = Phantoms.Sphere(16, 3, 15, C0BqPerMl);
        // ADMIN: the scanner stored c0 itself; NONE: it stored the activity at acquisition (same as START here).
        var adminVolume = start.ActivityBqPerMl.WithSameGeometry();
        var factor = Math.Pow(2, 20 * 3600 / Phantoms.Y90HalfLifeS);
        for (var i = 0; i < adminVolume.Count; i++) adminVolume.Voxels[i] = (float)(start.ActivityBqPerMl.Voxels[i] * factor);
        var admin = new VoxDose.Dosimetry.Pet.PetSeries { ActivityBqPerMl = adminVolume, Header = Phantoms.Header("ADMIN") };
        var none = new VoxDose.Dosimetry.Pet.PetSeries { ActivityBqPerMl = start.ActivityBqPerMl, Header = Phantoms.Header("NONE") };
        var d1 = DoseCalculator.Compute(start, new DoseOptions());
        var d2 = DoseCalculator.Compute(admin, new DoseOptions());
        var d3 = DoseCalculator.Compute(none, new DoseOptions());
        Assert.Equal(1.0, d2.DoseGy[8, 8, 8] / d1.DoseGy[8, 8, 8], 1e-6);
        Assert.Equal(1.0, d3.DoseGy[8, 8, 8] / d1.DoseGy[8, 8, 8], 1e-6);
        Assert.Equal(d1.TotalActivityAtInjectionMBq, d2.TotalActivityAtInjectionMBq, 1e-6 * d1.TotalActivityAtInjectionMBq);
    }
}
