using System.Data.Common;

namespace VoxDose.StoreScp.Audit;

/// <summary>One computed plan of a Tc-99m MAA study (table <c>plans</c>, migration 0007). Patient ID and issuer are PHI: never logged.</summary>
public sealed record PlanRecord(long Id, string StudyUid, long Revision, string? PatientId, string? IssuerOfPatientId, string? StudyDate,
    DateTimeOffset ComputedAt, string PlanJsonPath, string? FrameOfReferenceUid, string LesionsJson);

/// <summary>Each patient's plans, and the plan each Y-90 study revision linked (tables <c>plans</c> and <c>plan_links</c>).</summary>
public sealed class PlanRepository(AuditDatabase database, TimeProvider time)
{
    /// <summary>Records (or, for a recomputed revision, replaces) the plan of an MAA study revision.</summary>
    public async Task RecordAsync(string studyUid, long revision, string? patientId, string? issuerOfPatientId, string? studyDate,
        string planJsonPath, string? frameOfReferenceUid, string lesionsJson, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        await c.ExecuteAsync(null, """
            INSERT INTO plans (study_uid, revision, patient_id, issuer_of_patient_id, study_date, computed_at, plan_json_path, frame_of_reference_uid, lesions)
            VALUES (@s, @r, @p, @i, @d, @t, @j, @f, @l)
            ON CONFLICT (study_uid, revision) DO UPDATE SET patient_id = excluded.patient_id, issuer_of_patient_id = excluded.issuer_of_patient_id,
              study_date = excluded.study_date, computed_at = excluded.computed_at, plan_json_path = excluded.plan_json_path,
              frame_of_reference_uid = excluded.frame_of_reference_uid, lesions = excluded.lesions
            """, ct, ("@s", studyUid), ("@r", revision), ("@p", patientId), ("@i", issuerOfPatientId), ("@d", studyDate),
            ("@t", AuditTime.Format(time.GetUtcNow())), ("@j", planJsonPath), ("@f", frameOfReferenceUid), ("@l", lesionsJson)).ConfigureAwait(false);
    }

    /// <summary>The plans of one patient: same Patient ID and same Issuer of Patient ID (both absent counts as the same).</summary>
    public async Task<List<PlanRecord>> ForPatientAsync(string patientId, string? issuerOfPatientId, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null, """
            SELECT * FROM plans WHERE patient_id = @p AND COALESCE(issuer_of_patient_id, '') = @i ORDER BY id
            """, Map, ct, ("@p", patientId), ("@i", issuerOfPatientId ?? "")).ConfigureAwait(false);
    }

    public async Task<List<PlanRecord>> ForStudyAsync(string studyUid, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null, "SELECT * FROM plans WHERE study_uid = @s ORDER BY revision", Map, ct, ("@s", studyUid)).ConfigureAwait(false);
    }

    /// <summary>Records which plan a Y-90 study revision linked (null: none; reason says why) and the lesion match (JSON).</summary>
    public async Task RecordLinkAsync(string studyUid, long revision, long? planId, string reason, string? matchJson, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        await c.ExecuteAsync(null, """
            INSERT INTO plan_links (study_uid, revision, plan_id, linked_at, reason, match) VALUES (@s, @r, @p, @t, @why, @m)
            ON CONFLICT (study_uid, revision) DO UPDATE SET plan_id = excluded.plan_id, linked_at = excluded.linked_at,
              reason = excluded.reason, match = excluded.match
            """, ct, ("@s", studyUid), ("@r", revision), ("@p", planId), ("@t", AuditTime.Format(time.GetUtcNow())), ("@why", reason),
            ("@m", matchJson)).ConfigureAwait(false);
    }

    /// <summary>The link of a Y-90 study revision: plan id (null: none), reason and match JSON; null when no lookup was recorded.</summary>
    public async Task<(long? PlanId, string Reason, string? Match)?> LinkAsync(string studyUid, long revision, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        var rows = await c.QueryAsync(null, "SELECT plan_id, reason, match FROM plan_links WHERE study_uid = @s AND revision = @r",
            r => (r.LongOrNull("plan_id"), r.Text("reason")!, r.Text("match")), ct, ("@s", studyUid), ("@r", revision)).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private static PlanRecord Map(DbDataReader r) => new(r.Long("id"), r.Text("study_uid")!, r.Long("revision"), r.Text("patient_id"),
        r.Text("issuer_of_patient_id"), r.Text("study_date"), r.Time("computed_at")!.Value, r.Text("plan_json_path")!, r.Text("frame_of_reference_uid"),
        r.Text("lesions")!);
}
