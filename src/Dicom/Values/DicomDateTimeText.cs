using System.Globalization;

namespace VoxDose.Dicom;

/// <summary>Parsing and formatting of DA, TM and DT values including their partial forms (PS3.5 6.2).</summary>
public static class DicomDateTimeText
{
    /// <summary>DA: YYYYMMDD, also YYYY and YYYYMM (partial) and the ACR-NEMA form YYYY.MM.DD.</summary>
    public static bool TryParseDate(string text, out DateOnly date, out DicomDateTimePrecision precision)
    {
        date = default;
        precision = DicomDateTimePrecision.Day;
        var s = text.Trim();
        if (s.Length == 10 && s[4] == '.' && s[7] == '.') s = s.Remove(7, 1).Remove(4, 1);
        if (!AllDigits(s) || s.Length is not (4 or 6 or 8)) return false;
        var y = Num(s, 0, 4);
        var m = s.Length >= 6 ? Num(s, 4, 2) : 1;
        var d = s.Length == 8 ? Num(s, 6, 2) : 1;
        precision = s.Length switch { 4 => DicomDateTimePrecision.Year, 6 => DicomDateTimePrecision.Month, _ => DicomDateTimePrecision.Day };
        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    /// <summary>TM: HH, HHMM, HHMMSS, HHMMSS.F{1-6}; also the ACR-NEMA form HH:MM:SS.frac. A leap second 60 reads as 59.</summary>
    public static bool TryParseTime(string text, out TimeOnly time, out DicomDateTimePrecision precision)
    {
        time = default;
        precision = DicomDateTimePrecision.Hour;
        var s = text.Trim();
        if (s.Length >= 5 && s[2] == ':') s = s.Replace(":", "", StringComparison.Ordinal);
        var dot = s.IndexOf('.', StringComparison.Ordinal);
        var main = dot >= 0 ? s[..dot] : s;
        var frac = dot >= 0 ? s[(dot + 1)..] : "";
        if (!AllDigits(main) || main.Length is not (2 or 4 or 6) || !AllDigits(frac) || frac.Length > 6) return false;
        if (frac.Length > 0 && main.Length != 6) return false;
        var h = Num(main, 0, 2);
        var mi = main.Length >= 4 ? Num(main, 2, 2) : 0;
        var se = main.Length == 6 ? Num(main, 4, 2) : 0;
        if (h > 23 || mi > 59 || se > 60) return false;
        se = Math.Min(se, 59);
        var ticks = frac.Length > 0 ? long.Parse(frac.PadRight(7, '0'), CultureInfo.InvariantCulture) : 0;
        precision = frac.Length > 0 ? DicomDateTimePrecision.Fraction
            : main.Length switch { 2 => DicomDateTimePrecision.Hour, 4 => DicomDateTimePrecision.Minute, _ => DicomDateTimePrecision.Second };
        time = new TimeOnly(h, mi, se).Add(TimeSpan.FromTicks(ticks));
        return true;
    }

    /// <summary>DT: YYYY[MM[DD[HH[MM[SS[.F{1-6}]]]]]][&amp;ZZXX].</summary>
    public static bool TryParseDateTime(string text, out DicomDateTime value)
    {
        value = default;
        var s = text.Trim();
        TimeSpan? offset = null;
        var sign = s.IndexOfAny(['+', '-'], 4 < s.Length ? 4 : s.Length);
        if (sign >= 0)
        {
            var z = s[(sign + 1)..];
            if (z.Length != 4 || !AllDigits(z)) return false;
            var minutes = Num(z, 0, 2) * 60 + Num(z, 2, 2);
            if (minutes > 14 * 60) return false;
            offset = TimeSpan.FromMinutes(s[sign] == '-' ? -minutes : minutes);
            s = s[..sign];
        }
        var datePart = s.Length >= 8 ? s[..8] : s;
        var timePart = s.Length > 8 ? s[8..] : "";
        if (!TryParseDate(datePart, out var date, out var datePrecision)) return false;
        if (datePart.Length != 8 && timePart.Length > 0) return false;
        var time = TimeOnly.MinValue;
        var precision = datePrecision;
        if (timePart.Length > 0 && !TryParseTime(timePart, out time, out precision)) return false;
        value = new DicomDateTime(date.ToDateTime(time), offset, precision);
        return true;
    }

    public static string FormatDate(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>HHMMSS with a fraction only when the time has sub-second ticks (up to 6 digits).</summary>
    public static string FormatTime(TimeOnly time)
    {
        var s = time.ToString("HHmmss", CultureInfo.InvariantCulture);
        var micro = time.Ticks % TimeSpan.TicksPerSecond / 10;
        return micro == 0 ? s : s + "." + micro.ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    public static string FormatDateTime(DateTime value, TimeSpan? offset = null)
    {
        var s = FormatDate(DateOnly.FromDateTime(value)) + FormatTime(TimeOnly.FromDateTime(value));
        if (offset is { } o)
            s += (o < TimeSpan.Zero ? "-" : "+") + Math.Abs(o.Hours).ToString("D2", CultureInfo.InvariantCulture) + Math.Abs(o.Minutes).ToString("D2", CultureInfo.InvariantCulture);
        return s;
    }

    private static bool AllDigits(string s)
    {
        foreach (var c in s)
            if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    private static int Num(string s, int start, int length) => int.Parse(s.AsSpan(start, length), CultureInfo.InvariantCulture);
}
