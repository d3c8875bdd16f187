using VoxDose.Dosimetry.Decay;

namespace VoxDose.Dosimetry.Tests.Decay;

public class Y90RecognizerTests
{
    private static readonly PetAcquisitionHeader Bare = new();

    [Theory]
    [InlineData("14691008", "SCT")]
    [InlineData("C-162A7", "SRT")]
    public void Recognized_by_radionuclide_code(string code, string scheme)
    {
        var r = Y90Recognizer.Recognize(Bare with { RadionuclideCodeValue = code, RadionuclideCodingScheme = scheme });
        Assert.True(r.IsY90);
        Assert.Contains(r.Evidence, e => e.Contains(code));
        Assert.Equal(230580, r.HalfLifeUsedS);
        Assert.Contains("no half-life", r.HalfLifeSource);
    }

    [Theory]
    [InlineData(230400)]
    [InlineData(230580)]
    [InlineData(230760)]
    public void Recognized_by_half_life_and_the_header_value_is_used(double halfLifeS)
    {
        var r = Y90Recognizer.Recognize(Bare with { RadionuclideHalfLifeS = halfLifeS });
        Assert.True(r.IsY90);
        Assert.Equal(halfLifeS, r.HalfLifeUsedS);
        Assert.Null(r.HalfLifeOverride);
    }

    [Theory]
    [InlineData("Y-90 SIR-Spheres", null)]
    [InlineData(null, "PET Y90 liver")]
    [InlineData("^90^Yttrium microspheres", null)]
    [InlineData(null, "90Y post therapy")]
    public void Recognized_by_text(string? radiopharmaceutical, string? series)
    {
        var r = Y90Recognizer.Recognize(Bare with { Radiopharmaceutical = radiopharmaceutical, SeriesDescription = series });
        Assert.True(r.IsY90);
    }

    [Fact]
    public void F18_half_life_on_a_Y90_scan_is_detected_reported_and_overridden()
    {
        var r = Y90Recognizer.Recognize(Bare with
        {
            RadionuclideHalfLifeS = 6586.2,
            RadionuclideCodeValue = "14691008",
            RadionuclideCodingScheme = "SCT",
        });
        Assert.True(r.IsY90);
        Assert.Equal(230580, r.HalfLifeUsedS);
        Assert.Equal(6586.2, r.HeaderHalfLifeS);
        Assert.NotNull(r.HalfLifeOverride);
        Assert.Contains("F-18", r.HalfLifeOverride);
        Assert.Contains("6586.2", r.Summary);
    }

    [Fact]
    public void Half_life_in_hours_written_as_seconds_is_not_used()
    {
        var r = Y90Recognizer.Recognize(Bare with { RadionuclideHalfLifeS = 64.05, SeriesDescription = "Y-90 PET" });
        Assert.Equal(230580, r.HalfLifeUsedS);
        Assert.NotNull(r.HalfLifeOverride);
    }

    [Fact]
    public void An_F18_FDG_series_is_not_Y90()
    {
        var r = Y90Recognizer.Recognize(Bare with
        {
            RadionuclideHalfLifeS = 6586.2,
            RadionuclideCodeValue = "77004003",
            RadionuclideCodingScheme = "SCT",
            RadionuclideCodeMeaning = "^18^Fluorine",
            Radiopharmaceutical = "Fluorodeoxyglucose",
            SeriesDescription = "WB FDG",
        });
        Assert.False(r.IsY90);
        Assert.Contains("not recognized", r.Summary);
    }
}
