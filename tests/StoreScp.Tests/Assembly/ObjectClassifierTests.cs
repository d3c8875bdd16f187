using VoxDose.StoreScp.Audit;
using VoxDose.StoreScp.Ingest;

namespace VoxDose.StoreScp.Tests.Assembly;

public class ObjectClassifierTests
{
    private static InstanceHeader Pet(string? code, double? halfLifeS, string? description) =>
        new("1.2", "1.2.3", "1.2.3.4", SopClasses.PetImage, "PT", null, null, code, halfLifeS, description);

    [Theory]
    [InlineData("14691008", null, null, "Code")]
    [InlineData("C-162A7", null, null, "Code")]
    [InlineData("C-111A1", 230400.0, null, "half-life")] // F-18 code left in place by the scanner, Y-90 half-life
    [InlineData(null, 6586.2, "Y-90 SIRspheres", "description")]
    public void Y90_is_recognised_and_the_reason_says_how(string? code, double? halfLifeS, string? description, string how)
    {
        var (role, reason) = ObjectClassifier.Classify(Pet(code, halfLifeS, description));
        Assert.Equal(SeriesRole.Y90Pet, role);
        Assert.Contains(how, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void F18_pet_is_ignored()
    {
        var (role, reason) = ObjectClassifier.Classify(Pet("C-111A1", 6586.2, "FDG"));
        Assert.Equal(SeriesRole.Ignored, role);
        Assert.Contains("not Y-90", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Ct_and_rtstruct_are_kept()
    {
        Assert.Equal(SeriesRole.Ct, ObjectClassifier.Classify(new("1.2", "1.3", "1.4", SopClasses.CtImage, "CT")).Role);
        Assert.Equal(SeriesRole.RtStruct, ObjectClassifier.Classify(new("1.2", "1.3", "1.4", SopClasses.RtStructureSet, "RTSTRUCT")).Role);
        Assert.Equal(SeriesRole.Ignored, ObjectClassifier.Classify(new("1.2", "1.3", "1.4", SopClasses.RtDose, "RTDOSE")).Role);
    }
}
