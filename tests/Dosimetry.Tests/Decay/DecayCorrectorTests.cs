using VoxDose.Dosimetry.Decay;

namespace VoxDose.Dosimetry.Tests.Decay;

public class DecayCorrectorTests
{
    // Independent literals, not the product's constants.
    private const double Y90HalfLifeS = 64.05 * 3600;
    private static readonly DateTime Injection = new(2025, 3, 4, 9, 30, 0);
    private static readonly DateTime AcquisitionStart = Injection.AddHours(20);

    private static PetAcquisitionHeader Header(string mode, double? halfLifeS = Y90HalfLifeS) => new()
    {
        Units = "BQML",
        DecayCorrection = mode,
        SeriesDateTime = AcquisitionStart,
        EarliestAcquisitionDateTime = AcquisitionStart,
        InjectionDateTime = Injection,
        RadionuclideHalfLifeS = halfLifeS,
        RadionuclideCodeValue = "14691008",
        RadionuclideCodingScheme = "SCT",
    };

    private static double FactorFor(PetAcquisitionHeader h) =>
        DecayCorrector.Resolve(h, Y90Recognizer.Recognize(h)).FactorToInjection;

    [Fact]
    public void START_and_NONE_go_back_up_to_injection_by_two_to_the_elapsed_half_lives()
    {
        var expected = Math.Pow(2, 20 * 3600 / Y90HalfLifeS); // > 1: activity was higher at injection
        Assert.Equal(expected, FactorFor(Header("START")), 12);
        Assert.Equal(expected, FactorFor(Header("NONE")), 12);
        Assert.True(expected > 1.24 && expected < 1.25);
    }

    [Fact]
    public void ADMIN_needs_no_further_correction()
    {
        Assert.Equal(1.0, FactorFor(Header("ADMIN")), 12);
    }

    [Fact]
    public void ADMIN_corrected_by_the_scanner_with_the_F18_half_life_is_undone_and_redone_with_Y90()
    {
        // The scanner multiplied the activity at acquisition by 2^(20 h / 109.77 min); undo that, redo with Y-90.
        var h = Header("ADMIN", halfLifeS: 6586.2);
        var expected = Math.Pow(2, -20 * 3600 / 6586.2) * Math.Pow(2, 20 * 3600 / Y90HalfLifeS);
        Assert.Equal(expected, FactorFor(h), 9);
    }

    [Fact]
    public void START_uses_the_earliest_acquisition_time_when_Series_Time_is_later()
    {
        var h = Header("START") with { SeriesDateTime = AcquisitionStart.AddMinutes(35) };
        var record = DecayCorrector.Resolve(h, Y90Recognizer.Recognize(h));
        Assert.Equal(AcquisitionStart, record.ReferenceDateTime);
        Assert.Contains("postdates", record.ReferenceRule);
        Assert.Equal(Math.Pow(2, 20 * 3600 / Y90HalfLifeS), record.FactorToInjection, 12);
    }

    [Fact]
    public void START_uses_Series_Time_when_it_is_earlier_than_the_acquisition()
    {
        // Multi-bed: the series starts with the first bed; later beds are corrected to the series start.
        var h = Header("START") with { EarliestAcquisitionDateTime = AcquisitionStart.AddMinutes(5) };
        var record = DecayCorrector.Resolve(h, Y90Recognizer.Recognize(h));
        Assert.Equal(AcquisitionStart, record.ReferenceDateTime);
    }

    [Fact]
    public void NONE_corrects_each_slice_from_its_own_acquisition_time()
    {
        var h = Header("NONE");
        var record = DecayCorrector.Resolve(h, Y90Recognizer.Recognize(h));
        var later = DecayCorrector.SliceFactorToInjection(record, AcquisitionStart.AddHours(2));
        Assert.Equal(Math.Pow(2, 22 * 3600 / Y90HalfLifeS), later, 12);
    }

    [Theory]
    [InlineData("", "missing")]
    [InlineData("DECAY", "START, ADMIN or NONE")]
    public void Bad_decay_correction_is_a_clear_error(string mode, string expected)
    {
        var ex = Assert.Throws<DoseInputException>(() => FactorFor(Header(mode)));
        Assert.Contains("(0054,1102)", ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Missing_injection_time_and_acquisition_before_injection_are_errors()
    {
        var noInjection = Header("START") with { InjectionDateTime = null };
        Assert.Contains("(0018,1078)", Assert.Throws<DoseInputException>(() => FactorFor(noInjection)).Message);
        var backwards = Header("START") with { InjectionDateTime = AcquisitionStart.AddHours(1) };
        Assert.Contains("precedes the injection", Assert.Throws<DoseInputException>(() => FactorFor(backwards)).Message);
    }
}
