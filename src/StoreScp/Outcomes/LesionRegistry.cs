using System.Data.Common;
using System.Globalization;
using VoxDose.StoreScp.Audit;

namespace VoxDose.StoreScp.Outcomes;

/// <summary>The treatment a computation belongs to: the Y-90 PET study and its patient (Patient ID + Issuer, '' when none).</summary>
public sealed record TreatmentIdentity(string PatientId, string Issuer, string StudyUid, DateOnly? StudyDate);

/// <summary>
/// The lesion registry (migration 0006, docs/outcomes.md): patients, treatments, lesions with a stable identity across
/// revisions (<see cref="LesionKey"/> within the treatment) and each revision's audited figures. The node records a
/// computation's lesions when its results are written; re-recording a revision replaces that revision's figures.
/// </summary>
public sealed class LesionRegistry(AuditDatabase database, TimeProvider time)
{
    /// <summary>Records the lesions of one computed revision in one transaction; returns how many were recorded.</summary>
    public async Task<int> RecordAsync(TreatmentIdentity treatment, long revision, long computationId, IReadOnlyList<LesionFigures> lesions,
        CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
        var now = AuditTime.Format(time.GetUtcNow());
        var patientRef = await PatientRefAsync(c, tx, treatment.PatientId, treatment.Issuer, now, ct).ConfigureAwait(false);
        await c.ExecuteAsync(tx, """
            INSERT INTO registry_treatments (patient_ref, study_uid, study_date, created_at) VALUES (@p, @s, @d, @t)
            ON CONFLICT (study_uid) DO UPDATE SET study_date = COALESCE(excluded.study_date, registry_treatments.study_date)
            """, ct, ("@p", patientRef), ("@s", treatment.StudyUid), ("@d", FormatDate(treatment.StudyDate)), ("@t", now)).ConfigureAwait(false);
        var treatmentRef = StudyRepository.ToLong(await c.ScalarAsync(tx, "SELECT id FROM registry_treatments WHERE study_uid = @s", ct,
            ("@s", treatment.StudyUid)).ConfigureAwait(false));
        await c.ExecuteAsync(tx, """
            DELETE FROM registry_lesion_figures WHERE revision = @r AND lesion_ref IN (SELECT id FROM registry_lesions WHERE treatment_ref = @tr)
            """, ct, ("@r", revision), ("@tr", treatmentRef)).ConfigureAwait(false);
        var recorded = 0;
        foreach (var lesion in lesions.GroupBy(l => LesionKey.Normalise(l.RoiName)).Select(g => g.First()))
        {
            var key = LesionKey.Normalise(lesion.RoiName);
            await c.ExecuteAsync(tx, """
                INSERT INTO registry_lesions (treatment_ref, roi_key, roi_name, created_at) VALUES (@tr, @k, @n, @t)
                ON CONFLICT (treatment_ref, roi_key) DO UPDATE SET roi_name = excluded.roi_name
                """, ct, ("@tr", treatmentRef), ("@k", key), ("@n", lesion.RoiName), ("@t", now)).ConfigureAwait(false);
            var lesionRef = StudyRepository.ToLong(await c.ScalarAsync(tx, "SELECT id FROM registry_lesions WHERE treatment_ref = @tr AND roi_key = @k", ct,
                ("@tr", treatmentRef), ("@k", key)).ConfigureAwait(false));
            await c.ExecuteAsync(tx, """
                INSERT INTO registry_lesion_figures (lesion_ref, revision, computation_id, roi_name, tdv_gy, sd_gy, cov, d70_gy, v100_percent,
                  volume_ml, longest_axial_diameter_mm, tdp_gy, recorded_at)
                VALUES (@l, @r, @c, @n, @tdv, @sd, @cov, @d70, @v100, @vol, @diam, @tdp, @t)
                """, ct, ("@l", lesionRef), ("@r", revision), ("@c", computationId), ("@n", lesion.RoiName), ("@tdv", lesion.TdvGy), ("@sd", lesion.SdGy),
                ("@cov", lesion.Cov), ("@d70", lesion.D70Gy), ("@v100", lesion.V100Percent), ("@vol", lesion.VolumeMl),
                ("@diam", lesion.LongestAxialDiameterMm), ("@tdp", lesion.TdpGy), ("@t", now)).ConfigureAwait(false);
            recorded++;
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return recorded;
    }

    /// <summary>
    /// Every lesion of the latest recorded revision of its treatment, with that revision's figures, ordered by patient,
    /// treatment date and ROI key.
    /// </summary>
    public async Task<List<RegisteredLesion>> CurrentLesionsAsync(CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null, """
            SELECT l.id AS lesion_id, p.id AS patient_ref, p.patient_id, p.issuer, t.study_uid, t.study_date, t.plan_ref, l.roi_key,
                   f.roi_name, f.revision, f.tdv_gy, f.sd_gy, f.cov, f.d70_gy, f.v100_percent, f.volume_ml, f.longest_axial_diameter_mm, f.tdp_gy
            FROM registry_lesions l
            JOIN registry_treatments t ON t.id = l.treatment_ref
            JOIN registry_patients p ON p.id = t.patient_ref
            JOIN registry_lesion_figures f ON f.lesion_ref = l.id
            WHERE f.revision = (SELECT MAX(f2.revision) FROM registry_lesion_figures f2 JOIN registry_lesions l2 ON l2.id = f2.lesion_ref
                                WHERE l2.treatment_ref = t.id)
            ORDER BY p.patient_id, p.issuer, t.study_date, t.study_uid, l.roi_key
            """, r => new RegisteredLesion(r.Long("lesion_id"), r.Long("patient_ref"), r.Text("patient_id")!, r.Text("issuer")!, r.Text("study_uid")!,
                ParseDate(r.Text("study_date")), r.Text("plan_ref"), r.Text("roi_key")!, r.Long("revision"),
                new LesionFigures(r.Text("roi_name")!, Real(r, "tdv_gy"), Real(r, "sd_gy"), Real(r, "cov"), Real(r, "d70_gy"), Real(r, "v100_percent"),
                    Real(r, "volume_ml"), Real(r, "longest_axial_diameter_mm"), Real(r, "tdp_gy"))), ct).ConfigureAwait(false);
    }

    internal static async Task<long> PatientRefAsync(DbConnection c, DbTransaction tx, string patientId, string issuer, string now, CancellationToken ct)
    {
        await c.ExecuteAsync(tx, """
            INSERT INTO registry_patients (patient_id, issuer, created_at) VALUES (@p, @i, @t) ON CONFLICT (patient_id, issuer) DO NOTHING
            """, ct, ("@p", patientId), ("@i", issuer), ("@t", now)).ConfigureAwait(false);
        return StudyRepository.ToLong(await c.ScalarAsync(tx, "SELECT id FROM registry_patients WHERE patient_id = @p AND issuer = @i", ct,
            ("@p", patientId), ("@i", issuer)).ConfigureAwait(false));
    }

    public static string? FormatDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    internal static double? Real(DbDataReader r, string column)
    {
        var i = r.GetOrdinal(column);
        return r.IsDBNull(i) ? null : Convert.ToDouble(r.GetValue(i), CultureInfo.InvariantCulture);
    }
}

/// <summary>A lesion of the registry with the figures of its treatment's latest revision.</summary>
public sealed record RegisteredLesion(long LesionId, long PatientRef, string PatientId, string Issuer, string StudyUid, DateOnly? StudyDate,
    string? PlanRef, string RoiKey, long Revision, LesionFigures Figures);
