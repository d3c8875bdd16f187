using System.Globalization;
using VoxDose.StoreScp.Audit;

namespace VoxDose.StoreScp.Outcomes;

/// <summary>
/// <c>voxdose cohort export</c>: one row per lesion of the registry (the latest revision of its treatment) with its
/// figures, its follow-up reduced to the study's end points and its patient's covariates, in the columns
/// <c>voxdose cohort analyze</c> and <c>cohort report</c> read (docs/outcomes.md). A value that is not known is NA.
/// </summary>
public static class CohortExport
{
    /// <summary>Days per month for PFS in months: the mean Gregorian month, 365.25 / 12.</summary>
    public const double DaysPerMonth = 365.25 / 12;

    /// <summary>mRECIST responses counted as local control success by default: CR, as in the study.</summary>
    public static readonly IReadOnlyList<string> DefaultLocalControl = ["CR"];

    public static readonly string[] LeadingColumns =
    [
        "lesionId", "patientId", "issuerOfPatientId", "studyUid", "treatmentDate", "roiName", "revision",
        "tdvGy", "tdpGy", "sizeCm", "sdGy", "covPercent", "d70Gy", "v100Percent", "volumeMl",
        "followUps", "bestResponse", "localControl", "pfsMonths", "progression",
    ];

    public static IReadOnlyList<string> Columns => [.. LeadingColumns, .. OutcomeTemplate.Covariates.Select(c => c.Name)];

    /// <summary>The header and the rows (cells as text, invariant culture).</summary>
    public static async Task<(IReadOnlyList<string> Columns, List<string[]> Rows)> BuildAsync(AuditDatabase database, IReadOnlyCollection<string> localControl,
        CancellationToken ct = default)
    {
        var lesions = await new LesionRegistry(database, TimeProvider.System).CurrentLesionsAsync(ct).ConfigureAwait(false);
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        var followUps = (await c.QueryAsync(null, "SELECT lesion_ref, assessed_on, response, progression_on FROM registry_followups", r =>
            (Lesion: r.Long("lesion_ref"), On: LesionRegistry.ParseDate(r.Text("assessed_on"))!.Value, Response: r.Text("response")!,
             Progression: LesionRegistry.ParseDate(r.Text("progression_on"))), ct).ConfigureAwait(false)).ToLookup(f => f.Lesion);
        var covariates = (await c.QueryAsync(null, "SELECT patient_ref, name, value FROM registry_covariates",
            r => (Patient: r.Long("patient_ref"), Name: r.Text("name")!, Value: r.Text("value")!), ct).ConfigureAwait(false)).ToLookup(v => v.Patient);
        var rows = new List<string[]>(lesions.Count);
        foreach (var lesion in lesions)
        {
            var f = lesion.Figures;
            var outcome = LesionOutcome.From(lesion.StudyDate, followUps[lesion.LesionId].Select(v => (v.On, v.Response, v.Progression)), localControl);
            var patientCovariates = covariates[lesion.PatientRef].ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
            rows.Add([
                lesion.LesionId.ToString(CultureInfo.InvariantCulture), lesion.PatientId, lesion.Issuer, lesion.StudyUid,
                LesionRegistry.FormatDate(lesion.StudyDate) ?? "NA", f.RoiName, lesion.Revision.ToString(CultureInfo.InvariantCulture),
                Num(f.TdvGy), Num(f.TdpGy), Num(f.LongestAxialDiameterMm / 10), Num(f.SdGy), Num(f.Cov * 100), Num(f.D70Gy), Num(f.V100Percent), Num(f.VolumeMl),
                outcome.FollowUps.ToString(CultureInfo.InvariantCulture), outcome.BestResponse ?? "NA",
                outcome.LocalControl is { } lc ? (lc ? "1" : "0") : "NA", Num(outcome.PfsMonths),
                outcome.Progression is { } p ? (p ? "1" : "0") : "NA",
                .. OutcomeTemplate.Covariates.Select(v => patientCovariates.GetValueOrDefault(v.Name) ?? "NA"),
            ]);
        }
        return (Columns, rows);
    }

    /// <summary>RFC 4180 text of a header and rows (quotes where a cell has a comma, quote or line break).</summary>
    public static string ToCsv(IReadOnlyList<string> columns, IEnumerable<string[]> rows)
    {
        static string Quote(string cell) => cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
        var text = new System.Text.StringBuilder();
        text.Append(string.Join(',', columns.Select(Quote))).Append('\n');
        foreach (var row in rows) text.Append(string.Join(',', row.Select(Quote))).Append('\n');
        return text.ToString();
    }

    private static string Num(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("G15", CultureInfo.InvariantCulture) : "NA";
}

/// <summary>
/// A lesion's follow-up reduced to the study's end points: progression at the earliest of its PD assessments and
/// recorded progression dates (event), else censored at the last assessment; PFS in months from the treatment (the
/// Y-90 PET's Study Date); local control when the best mRECIST response is in the chosen set (CR by default).
/// Without any assessment every end point is null (NA).
/// </summary>
public sealed record LesionOutcome(int FollowUps, string? BestResponse, bool? LocalControl, double? PfsMonths, bool? Progression)
{
    public static LesionOutcome From(DateOnly? treatedOn, IEnumerable<(DateOnly On, string Response, DateOnly? ProgressionOn)> assessments,
        IReadOnlyCollection<string> localControl)
    {
        var list = assessments.ToList();
        if (list.Count == 0) return new LesionOutcome(0, null, null, null, null);
        var best = list.Select(a => a.Response).MinBy(r => Array.IndexOf(OutcomeTemplate.Responses, r))!;
        var progressionDates = list.Where(a => a.Response == "PD").Select(a => a.On)
            .Concat(list.Where(a => a.ProgressionOn is not null).Select(a => a.ProgressionOn!.Value)).ToList();
        var progressed = progressionDates.Count > 0;
        var end = progressed ? progressionDates.Min() : list.Max(a => a.On);
        double? months = treatedOn is { } t ? (end.DayNumber - t.DayNumber) / CohortExport.DaysPerMonth : null;
        return new LesionOutcome(list.Count, best, localControl.Contains(best, StringComparer.OrdinalIgnoreCase), months, progressed);
    }
}
