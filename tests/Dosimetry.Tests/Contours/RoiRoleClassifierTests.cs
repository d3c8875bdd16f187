using VoxDose.Dosimetry.Contours;
using VoxDose.Dosimetry.Results;

namespace VoxDose.Dosimetry.Tests.Contours;

public class RoiRoleClassifierTests
{
    private readonly RoiRoleClassifier _classifier = new();

    [Theory]
    [InlineData("GTV1", null, RoiRole.Lesion)]
    [InlineData("Tumor seg 2", "ORGAN", RoiRole.Lesion)]
    [InlineData("tumour_left", null, RoiRole.Lesion)]
    [InlineData("Lesion A", "", RoiRole.Lesion)]
    [InlineData("HCC S7", null, RoiRole.Lesion)]
    [InlineData("segment 8", "PTV", RoiRole.Lesion)]
    [InlineData("Liver", "ORGAN", RoiRole.WholeLiver)]
    [InlineData("LIVER", null, RoiRole.WholeLiver)]
    [InlineData("Normal liver", "ORGAN", RoiRole.NormalLiver)]
    [InlineData("Liver-GTV", "ORGAN", RoiRole.NormalLiver)]
    [InlineData("Liver minus lesions", null, RoiRole.NormalLiver)]
    [InlineData("Lungs", "ORGAN", RoiRole.Lung)]
    [InlineData("Lung_R", null, RoiRole.Lung)]
    [InlineData("Spleen", "ORGAN", RoiRole.Other)]
    [InlineData("", null, RoiRole.Other)]
    public void Roles_from_name_and_interpreted_type(string name, string? interpretedType, RoiRole expected) =>
        Assert.Equal(expected, _classifier.Classify(name, interpretedType));

    [Fact]
    public void Patterns_are_configurable_and_validated()
    {
        var custom = new RoiRoleClassifier(new RoiRoleOptions { LesionPatterns = ["^target"], WholeLiverPatterns = ["leber"] });
        Assert.Equal(RoiRole.Lesion, custom.Classify("Target 1", null));
        Assert.Equal(RoiRole.WholeLiver, custom.Classify("Leber", null));
        Assert.Equal(RoiRole.Other, custom.Classify("GTV", "ORGAN"));
        var ex = Assert.Throws<ArgumentException>(() => new RoiRoleClassifier(new RoiRoleOptions { LungPatterns = ["(unclosed"] }));
        Assert.Contains("RoiRoles:LungPatterns:0", ex.Message, StringComparison.Ordinal);
    }
}
