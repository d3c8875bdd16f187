using VoxDose.Dosimetry.Physics;

namespace VoxDose.Dosimetry.Tests.Physics;

public class Y90ConstantsTests
{
    [Fact]
    public void Half_life_and_mean_life_are_in_seconds()
    {
        Assert.Equal(230580.0, Y90Constants.HalfLifeS, 6);
        Assert.Equal(332656.6, Y90Constants.MeanLifeS, 0.1); // 230580 / 0.693147
        Assert.Equal(3.0061e-6, Y90Constants.DecayConstantPerS, 1e-10);
    }

    [Fact]
    public void Energy_based_LDM_constant_agrees_with_the_EANM_49_67_Gy_kg_per_GBq()
    {
        Assert.Equal(1.0, Y90Constants.LdmConstantGyKgPerGBqFromEnergy / Y90Constants.LdmConstantGyKgPerGBqEanm, 0.005);
        Assert.Equal(49.76, Y90Constants.LdmConstantGyKgPerGBqFromEnergy, 2);
    }

    [Theory]
    [InlineData(230400, true)]
    [InlineData(230760, true)]
    [InlineData(229500, true)]
    [InlineData(229000, false)]
    [InlineData(6586.2, false)]
    [InlineData(64.05, false)]
    [InlineData(45720, false)] // Cu-64, 12.7 h
    public void Half_life_tolerance_window(double halfLifeS, bool isY90) =>
        Assert.Equal(isY90, Y90Constants.IsY90HalfLife(halfLifeS));
}
