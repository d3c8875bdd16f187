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
        text = TrimPadding(text);
        value = 0;
        if (text.IsEmpty) return false;
        if (TryParseShortDecimal(text, out value)) return true;
        foreach (var c in text)
            if (!(char.IsAsciiDigit(c) || c is '+' or '-' or '.' or 'e' or 'E')) return false;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>Powers of ten that a double holds exactly (10^22 is the last); constant data, no static field to look up.</summary>
    private static ReadOnlySpan<double> ExactPowersOfTen =>
        [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>The value without its padding: leading and trailing spaces and NULs (what Trim(" \0") removes).</summary>
    private static ReadOnlySpan<char> TrimPadding(ReadOnlySpan<char> text)
    {
        int start = 0, end = text.Length;
        while (start < end && text[start] is ' ' or '\0') start++;
        while (end > start && text[end - 1] is ' ' or '\0') end--;
        return text[start..end];
    }

    /// <summary>
    /// The common DS shape, [sign] digits [. digits] with at most 15 digits and no exponent, parsed exactly: the digits
    /// form an integer m below 10^15 (exact in a double) and the value is m / 10^k with 10^k exact, so the one
    /// correctly rounded division gives the correctly rounded value, the very double <see cref="double.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?, out double)"/>
    /// returns (Clinger's fast path), "-0" included (-0.0). Anything else returns false and takes the general parse.
    /// </summary>
    private static bool TryParseShortDecimal(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (text[0] is '+' or '-') { negative = text[0] == '-'; i = 1; }
        long mantissa = 0;
        int digits = 0, fractionDigits = 0;
        var point = false;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if ((uint)(c - '0') <= 9)
            {
                if (++digits > 15) return false;
                mantissa = mantissa * 10 + (c - '0');
                if (point) fractionDigits++;
            }
            else if (c == '.' && !point) point = true;
            else return false;
        }
        if (digits == 0) return false;
        var magnitude = (double)mantissa / ExactPowersOfTen[fractionDigits];
        value = negative ? -magnitude : magnitude;
        return true;
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
