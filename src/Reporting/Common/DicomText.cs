using System.Globalization;

namespace VoxDose.Reporting.Common;

/// <summary>Value formatting for DICOM attributes written by the report writers.</summary>
internal static class DicomText
{
    public static string Date(DateTimeOffset t) => t.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
    public static string Time(DateTimeOffset t) => t.ToString("HHmmss", CultureInfo.InvariantCulture);
    public static string DateTime(DateTimeOffset t) => t.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Offset(t);

    /// <summary>Timezone Offset From UTC (0008,0201): "+HHMM" / "-HHMM".</summary>
    public static string Offset(DateTimeOffset t)
    {
        var o = t.Offset;
        return (o < TimeSpan.Zero ? "-" : "+") + o.Duration().ToString("hhmm", CultureInfo.InvariantCulture);
    }

    /// <summary>Cuts a value to the maximum length of its VR (e.g. 64 for LO) without breaking it mid-way silently: appends "...".</summary>
    public static string Fit(string value, int maxLength)
    {
        value = value.Replace('\\', '/');
        return value.Length <= maxLength ? value : value[..(maxLength - 3)] + "...";
    }
}
