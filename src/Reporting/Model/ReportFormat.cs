using System.Globalization;

namespace VoxDose.Reporting.Model;

/// <summary>How numbers appear in human-readable outputs (PDF, captions): invariant culture, fixed decimals per quantity.</summary>
public static class ReportFormat
{
    public static string Gy(double doseGy) => Fixed(doseGy, 1);
    public static string Ml(double volumeMl) => Fixed(volumeMl, 1);
    public static string Percent(double percent) => Fixed(percent, 1);

    /// <summary>Activity in Bq shown in GBq with three decimals.</summary>
    public static string GBq(double activityBq) => Fixed(activityBq / 1e9, 3);

    public static string Fixed(double value, int decimals) =>
        double.IsNaN(value) ? "n/a" : value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Optional(IReadOnlyDictionary<int, double> values, int key, Func<double, string> format) =>
        values.TryGetValue(key, out var v) ? format(v) : "n/a";
}
