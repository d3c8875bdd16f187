using VoxDose.Dosimetry.Metrics;

namespace VoxDose.Dosimetry.Tests.Metrics;

public class PermanentImplantBedTests
{
    [Fact]
    public void Bed_of_100_Gy_tumour_with_y90_half_life_in_hours()
    {
        // BED = D [1 + D (Trep / (Trep + Thalf)) / (a/b)] = 100 (1 + 100 * (1.5 / 65.55) / 10) = 122.883 Gy
        var bed = PermanentImplantBed.BedGy(100, new RadiobiologyParameters(10, 1.5, -10), 64.05);
        Assert.Equal(100 * (1 + 100 * (1.5 / 65.55) / 10), bed, 9);
        Assert.Equal(122.883, bed, 3);
    }

    [Fact]
    public void Default_parameters_are_the_documented_ones()
    {
        var options = new RadiobiologyOptions();
        Assert.Equal(64.05, options.PhysicalHalfLifeH); // ENSDF Y-90, in hours (230 580 s)
        Assert.Equal(10.0, options.Lesion.AlphaBetaGy);
        Assert.Equal(2.5, options.NormalLiver.AlphaBetaGy);
        Assert.Equal(1.5, options.NormalLiver.RepairHalfTimeH);
        // Normal liver, 40 Gy: 40 (1 + 40 * 0.022883 / 2.5) = 54.65 Gy
        Assert.Equal(54.65, PermanentImplantBed.BedGy(40, options.NormalLiver, options.PhysicalHalfLifeH), 2);
    }

    [Fact]
    public void Bed_tends_to_the_physical_dose_for_small_doses()
    {
        Assert.Equal(0.1, PermanentImplantBed.BedGy(0.1, new RadiobiologyParameters(10, 1.5, 1), 64.05), 4);
    }
}
