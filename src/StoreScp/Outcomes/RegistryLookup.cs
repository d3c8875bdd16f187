using System.Data.Common;
using VoxDose.StoreScp.Audit;

namespace VoxDose.StoreScp.Outcomes;

/// <summary>A lesion an import row names, found in the registry, with its treatment date and a PHI-free label for the audit.</summary>
internal sealed record FoundLesion(long LesionRef, DateOnly? TreatmentDate, string Label);

/// <summary>
/// The registry's patients, treatments and lesions as an import resolves its rows against them (read inside the
/// import's transaction): patient by Patient ID (and Issuer when given), treatment by Study Instance UID or by date,
/// lesion by its normalised ROI name. A failure names the column at fault and why.
/// </summary>
internal sealed class RegistryLookup
{
    private readonly List<(long Id, string PatientId, string Issuer)> _patients = [];
    private readonly List<(long Id, long PatientRef, string StudyUid, DateOnly? Date)> _treatments = [];
    private readonly Dictionary<(long TreatmentRef, string Key), long> _lesions = [];

    public static async Task<RegistryLookup> LoadAsync(DbConnection c, DbTransaction tx, CancellationToken ct)
    {
        var lookup = new RegistryLookup();
        lookup._patients.AddRange(await c.QueryAsync(tx, "SELECT id, patient_id, issuer FROM registry_patients",
            r => (r.Long("id"), r.Text("patient_id")!, r.Text("issuer")!), ct).ConfigureAwait(false));
        lookup._treatments.AddRange(await c.QueryAsync(tx, "SELECT id, patient_ref, study_uid, study_date FROM registry_treatments",
            r => (r.Long("id"), r.Long("patient_ref"), r.Text("study_uid")!, LesionRegistry.ParseDate(r.Text("study_date"))), ct).ConfigureAwait(false));
        foreach (var (id, treatment, key) in await c.QueryAsync(tx, "SELECT id, treatment_ref, roi_key FROM registry_lesions",
            r => (r.Long("id"), r.Long("treatment_ref"), r.Text("roi_key")!), ct).ConfigureAwait(false))
            lookup._lesions[(treatment, key)] = id;
        return lookup;
    }

    /// <summary>The patient's registry id; null with the column and reason when there is none or several.</summary>
    public long? FindPatient(string patientId, string? issuer, out string column, out string? why)
    {
        column = OutcomeTemplate.PatientId;
        why = null;
        if (patientId.Length == 0)
        {
            why = "empty; the Patient ID is needed";
            return null;
        }
        var matches = _patients.Where(p => p.PatientId == patientId && (string.IsNullOrEmpty(issuer) || p.Issuer == issuer)).ToList();
        if (matches.Count == 1) return matches[0].Id;
        if (matches.Count > 1) column = OutcomeTemplate.Issuer;
        why = matches.Count == 0
            ? (string.IsNullOrEmpty(issuer) ? "unknown patient: no treatment of this Patient ID is in the registry" : "unknown patient: no treatment of this Patient ID with this issuer is in the registry")
            : $"this Patient ID has {matches.Count} issuers in the registry: give '{OutcomeTemplate.Issuer}'";
        return null;
    }

    public FoundLesion? FindLesion(string patientId, string? issuer, string studyUid, DateOnly? treatmentDate, string roiName, out string column, out string? why)
    {
        var patient = FindPatient(patientId, issuer, out column, out why);
        if (patient is null) return null;
        var treatments = _treatments.Where(t => t.PatientRef == patient).ToList();
        if (studyUid.Length > 0)
        {
            treatments = treatments.Where(t => t.StudyUid == studyUid).ToList();
            column = OutcomeTemplate.StudyUid;
            if (treatments.Count == 0) { why = "unknown treatment: no Y-90 PET study of this patient has this Study Instance UID"; return null; }
        }
        else if (treatmentDate is { } date)
        {
            treatments = treatments.Where(t => t.Date == date).ToList();
            column = OutcomeTemplate.TreatmentDate;
            if (treatments.Count == 0) { why = "unknown treatment: no Y-90 PET study of this patient on this date"; return null; }
            if (treatments.Count > 1) { why = $"{treatments.Count} Y-90 PET studies of this patient on this date: give '{OutcomeTemplate.StudyUid}'"; return null; }
        }
        else
        {
            column = OutcomeTemplate.TreatmentDate;
            why = $"empty: the treatment needs '{OutcomeTemplate.StudyUid}' or '{OutcomeTemplate.TreatmentDate}'";
            return null;
        }
        var treatment = treatments[0];
        column = OutcomeTemplate.RoiName;
        if (!_lesions.TryGetValue((treatment.Id, LesionKey.Normalise(roiName)), out var lesion))
        {
            why = roiName.Trim().Length == 0 ? "empty; the lesion's ROI name is needed" : "unknown lesion: no lesion of this treatment has this ROI name";
            return null;
        }
        return new FoundLesion(lesion, treatment.Date, $"lesion {lesion}");
    }
}
