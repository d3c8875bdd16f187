using System.Globalization;

namespace VoxDose.Dicom;

/// <summary>Tolerant parsing and conforming formatting of DS and IS values (PS3.5 6.2).</summary>
public static class DicomNumberText
{
    /// <summary>
    /// Parses a DS or IS value: surrounding spaces/NULs, a leading '+', a missing leading or trailing digit
    /// (".5", "5.") and exponents are accepted; NaN, infinities, commas and other text are not.
    /// </summary>
    public static bool TryParseDecimal(ReadOnlySpan<char> text, out double value)
    {
        text = text.Trim(" \0");
        value = 0;
        if (text.IsEmpty) return false;
        foreach (var c in text)
            if (!(char.IsAsciiDigit(c) || c is '+' or '-' or '.' or 'e' or 'E')) return false;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>Formats a DS value in at most 16 characters, with as many significant digits as fit.</summary>
    public static string FormatDecimalString(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "DS cannot hold NaN or infinity.");
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        if (r.Length <= 16) return r;
        for (var digits = 15; digits >= 1; digits--)
        {
            var s = value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (s.Contains('E', StringComparison.Ordinal)) s = s.Replace("E+", "E", StringComparison.Ordinal).Replace("E-0", "E-", StringComparison.Ordinal).Replace("E0", "E", StringComparison.Ordinal);
            if (s.Length <= 16) return s;
        }
        throw new ArgumentOutOfRangeException(nameof(value), value, "Cannot format the value within 16 characters.");
    }

    /// <summary>Formats an IS value; the number must be an integer within the signed 32-bit range.</summary>
    public static string FormatIntegerString(double value)
    {
        if (value != Math.Floor(value) || value < int.MinValue || value > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(value), value, "IS holds integers between -2^31 and 2^31-1.");
        return ((long)value).ToString(CultureInfo.InvariantCulture);
    }
}
