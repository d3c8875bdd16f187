using System.Globalization;

namespace VoxDose.StoreScp.Outcomes;

/// <summary>
/// The two import templates of <c>voxdose outcomes import</c> (docs/outcomes.md): lesion follow-up (one mRECIST
/// assessment per row) and patient covariates (one patient per row). Column names are matched without regard to case.
/// </summary>
public static class OutcomeTemplate
{
    public const string PatientId = "patientId";
    public const string Issuer = "issuerOfPatientId";
    public const string StudyUid = "studyUid";
    public const string TreatmentDate = "treatmentDate";
    public const string RoiName = "roiName";
    public const string AssessedOn = "assessedOn";
    public const string Response = "response";
    public const string ProgressionOn = "progressionOn";

    /// <summary>mRECIST responses, best first (Lencioni and Llovet, Semin Liver Dis 2010;30:52).</summary>
    public static readonly string[] Responses = ["CR", "PR", "SD", "PD"];

    /// <summary>The follow-up template's columns: required, then optional.</summary>
    public static readonly string[] FollowUpRequired = [PatientId, RoiName, AssessedOn, Response];
    public static readonly string[] FollowUpOptional = [Issuer, StudyUid, TreatmentDate, ProgressionOn];

    /// <summary>The covariates: name (with its unit), and the rule a value must meet (null when it does; the reason otherwise).</summary>
    public static readonly IReadOnlyList<Covariate> Covariates =
    [
        new("ageYears", "age at treatment (years)", v => Number(v, 0, 130)),
        new("astUPerL", "aspartate aminotransferase (U/L)", v => Number(v, 0, double.MaxValue)),
        new("altUPerL", "alanine aminotransferase (U/L)", v => Number(v, 0, double.MaxValue)),
        new("bilirubinMgPerDl", "total bilirubin (mg/dL)", v => Number(v, 0, double.MaxValue)),
        new("afpNgPerMl", "alpha-fetoprotein (ng/mL)", v => Number(v, 0, double.MaxValue)),
        new("pivkaIIMauPerMl", "PIVKA-II (mAU/mL)", v => Number(v, 0, double.MaxValue)),
        new("childPughScore", "Child-Pugh score, 5-15 (class A 5-6, B 7-9, C 10-15)", v => Integer(v, 5, 15)),
        new("bclcStage", "BCLC stage: 0, A, B, C or D", v => OneOf(v, "0", "A", "B", "C", "D")),
        new("portalVeinThrombosis", "portal vein thrombosis: 1 present, 0 absent", v => OneOf(v, "0", "1")),
        new("viralStatus", "viral status: HBV, HCV, HBV+HCV or none", v => OneOf(v, "HBV", "HCV", "HBV+HCV", "none")),
    ];

    /// <summary>A date of the templates: ISO 8601 YYYY-MM-DD.</summary>
    public static bool TryDate(string cell, out DateOnly date) =>
        DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static (string? Value, string? Error) Number(string cell, double min, double max)
    {
        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            return (null, $"'{cell}' is not a number");
        if (v < min || v > max) return (null, $"{cell} is outside {min.ToString(CultureInfo.InvariantCulture)}-{(max == double.MaxValue ? "" : max.ToString(CultureInfo.InvariantCulture))}");
        return (v.ToString("R", CultureInfo.InvariantCulture), null);
    }

    private static (string? Value, string? Error) Integer(string cell, int min, int max) =>
        int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? (v.ToString(CultureInfo.InvariantCulture), null)
            : (null, $"'{cell}' is not a whole number from {min} to {max}");

    private static (string? Value, string? Error) OneOf(string cell, params string[] allowed)
    {
        var match = allowed.FirstOrDefault(a => a.Equals(cell, StringComparison.OrdinalIgnoreCase));
        return match is null ? (null, $"'{cell}' is not one of {string.Join(", ", allowed)}") : (match, null);
    }
}

/// <summary>A patient covariate of the template: its column name (with the unit), what it is, and its validation (canonical value or error).</summary>
public sealed record Covariate(string Name, string Meaning, Func<string, (string? Value, string? Error)> Validate);
