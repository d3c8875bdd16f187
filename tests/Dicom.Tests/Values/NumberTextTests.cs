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
    [InlineData(".")]
    [InlineData("-")]
    [InlineData("+-5")]
    [InlineData("5-")]
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

    /// <summary>
    /// The short-decimal fast path (at most 15 digits, no exponent) returns the very double the general parse returns:
    /// bit for bit, signed zero included, on random values of every length and point position, and on the edge shapes.
    /// </summary>
    [Fact]
    public void DS_fast_path_gives_the_same_bits_as_the_general_parse()
    {
        static void Same(string text)
        {
            var expected = double.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(DicomNumberText.TryParseDecimal(text, out var actual), text);
            Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"{text}: {expected:R} against {actual:R}");
        }
        foreach (var text in new[] { "0", "-0", "+0", "-0.0", "-.0", "0.", "-0.", ".5", "-.5", "+.5", "5.", "007.50", "000000000000001",
                     "999999999999999", "-999999999999999", "9999999999999999", ".000000000000001", "0.1", "0.2", "0.3", "-123.456789012345",
                     "1234567890.12345", "1.7976931348623157", "4.9406564584124654", "2.2250738585072014", "0.000000000000000000001" })
            Same(text);
        var random = new Random(41);
        for (var trial = 0; trial < 200_000; trial++)
        {
            var digits = 1 + random.Next(17);
            var chars = new char[digits];
            for (var i = 0; i < digits; i++) chars[i] = (char)('0' + random.Next(10));
            var number = new string(chars);
            var point = random.Next(digits + 2) - 1; // -1: no point
            if (point >= 0) number = number[..Math.Min(point, digits)] + "." + number[Math.Min(point, digits)..];
            Same((random.Next(3) switch { 0 => "-", 1 => "+", _ => "" }) + number);
        }
    }
}
