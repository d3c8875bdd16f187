namespace VoxDose.Dicom.Tests.Values;

public class NumberTextTests
{
    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData(" 12 ", 12)]
    [InlineData("+3", 3)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5)]
    [InlineData("-1.2E-3", -0.0012)]
    [InlineData("1e2\0", 100)]
    [InlineData("007", 7)]
    public void DS_parsing_is_tolerant(string text, double expected)
    {
        Assert.True(DicomNumberText.TryParseDecimal(text, out var v), text);
        Assert.Equal(expected, v, 12);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1,5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("abc")]
    [InlineData("1.2.3")]
    public void DS_parsing_refuses_non_numbers(string text) => Assert.False(DicomNumberText.TryParseDecimal(text, out _));

    [Theory]
    [InlineData(1.0 / 3)]
    [InlineData(-123456789.123456789)]
    [InlineData(1e-20)]
    [InlineData(-9.87654321e300)]
    [InlineData(0.1)]
    public void DS_formatting_fits_16_characters_and_keeps_precision(double value)
    {
        var s = DicomNumberText.FormatDecimalString(value);
        Assert.True(s.Length <= 16, s);
        Assert.True(DicomNumberText.TryParseDecimal(s, out var back));
        Assert.Equal(value, back, Math.Abs(value) * 1e-9 + 1e-300);
    }

    [Fact]
    public void IS_values_parse_with_spaces_and_sign()
    {
        var ds = new DicomDataset().AddOrUpdate(DicomTag.InstanceNumber, DicomVR.IS, " +12 ");
        Assert.Equal(12, ds.GetInt(DicomTag.InstanceNumber));
        ds.AddOrUpdate(DicomTag.InstanceNumber, DicomVR.IS, "1.5");
        Assert.Throws<DicomDataException>(() => ds.GetInt(DicomTag.InstanceNumber));
    }

    [Fact]
    public void IS_formatting_refuses_fractions_and_overflow()
    {
        Assert.Equal("-7", DicomNumberText.FormatIntegerString(-7));
        Assert.Throws<ArgumentOutOfRangeException>(() => DicomNumberText.FormatIntegerString(0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => DicomNumberText.FormatIntegerString(3e9));
    }
}
