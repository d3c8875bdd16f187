using System.Globalization;

namespace VoxDose.Reporting.Model;

/// <summary>
/// How numbers appear in the outputs people and PACS read (PDF, SR, captions): the one owner of "what the measurement
/// supports" (docs/reporting.md, "Numbers"). Absorbed dose to 0.1 Gy, volume to 0.1 mL, percentages to 0.1 %, lengths to
/// 0.1 mm, ratios to 3 significant figures, anything else to 4. results.json keeps full precision.
/// </summary>
public static class ReportFormat
{
    /// <summary>Decimals of a reported absorbed dose in Gy: far below Y-90 PET's noise floor and calibration (docs/reporting.md).</summary>
    public const int DoseDecimals = 1;

    /// <summary>Decimals of a reported volume in mL (a 4 mm voxel is 0.064 mL).</summary>
    public const int VolumeDecimals = 1;

    public const int PercentDecimals = 1;
    public const int LengthDecimals = 1;
    public const int RatioSignificantFigures = 3;
    public const int OtherSignificantFigures = 4;

    /// <summary>An uncertainty is quoted to 2 significant figures (JCGM 100:2008, GUM 7.2.6), whatever its unit.</summary>
    public const int UncertaintySignificantFigures = 2;

    public static string Gy(double doseGy) => Fixed(doseGy, DoseDecimals);
    public static string Ml(double volumeMl) => Fixed(volumeMl, VolumeDecimals);
    public static string Percent(double percent) => Fixed(percent, PercentDecimals);

    /// <summary>Activity in Bq shown in GBq with three decimals.</summary>
    public static string GBq(double activityBq) => Fixed(activityBq / 1e9, 3);

    public static string Fixed(double value, int decimals) =>
        double.IsNaN(value) ? "n/a" : value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Optional(IReadOnlyDictionary<int, double> values, int key, Func<double, string> format) =>
        values.TryGetValue(key, out var v) ? format(v) : "n/a";

    /// <summary>
    /// A measured value rounded to what it supports, by its UCUM unit (the SR's numeric items): the same decimals the PDF
    /// prints. The result is the double nearest the rounded decimal, so a DS writes it short ("43" for 43.0275712924137 Gy).
    /// </summary>
    public static double Round(double value, string ucumUnit)
    {
        if (!double.IsFinite(value)) return value;
        return ucumUnit switch
        {
            "Gy" => Decimals(value, DoseDecimals),
            "ml" or "mL" => Decimals(value, VolumeDecimals),
            "%" => Decimals(value, PercentDecimals),
            "mm" => Decimals(value, LengthDecimals),
            "{ratio}" or "1" => Significant(value, RatioSignificantFigures),
            _ => Significant(value, OtherSignificantFigures),
        };
    }

    /// <summary>Half away from zero, through the decimal text (no binary residue such as 4.8100000000000005).</summary>
    public static double Decimals(double value, int decimals) => Math.Abs(value) >= 1e15 ? Significant(value, 15) :
        double.Parse(Math.Round((decimal)value, decimals, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static double Significant(double value, int figures) =>
        value == 0 ? 0 : double.Parse(value.ToString("G" + figures.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
