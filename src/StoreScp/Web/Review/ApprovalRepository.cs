using System.Data.Common;
using VoxDose.StoreScp.Audit;

namespace VoxDose.StoreScp.Web.Review;

public sealed record ApprovalRecord(long Id, string StudyUid, long Revision, string ApprovedBy, DateTimeOffset ApprovedAt, string? VerifiedSrUid,
    string? VerifiedPdfUid);

/// <summary>Approvals of study revisions (table <c>console_approvals</c>): at most one per (study, revision).</summary>
public sealed class ApprovalRepository(AuditDatabase database)
{
    public async Task<List<ApprovalRecord>> ForStudyAsync(string studyUid, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null, "SELECT * FROM console_approvals WHERE study_uid = @s ORDER BY revision", Map, ct, ("@s", studyUid)).ConfigureAwait(false);
    }

    /// <summary>Inserts the approval; false when the revision was already approved (by this or another request).</summary>
    internal static async Task<bool> TryAddAsync(DbConnection c, DbTransaction tx, string studyUid, long revision, string user, DateTimeOffset at,
        string srUid, string pdfUid, CancellationToken ct) =>
        await c.ExecuteAsync(tx, """
            INSERT INTO console_approvals (study_uid, revision, approved_by, approved_at, verified_sr_uid, verified_pdf_uid)
            VALUES (@s, @r, @u, @t, @sr, @pdf) ON CONFLICT (study_uid, revision) DO NOTHING
            """, ct, ("@s", studyUid), ("@r", revision), ("@u", user), ("@t", AuditTime.Format(at)), ("@sr", srUid), ("@pdf", pdfUid)).ConfigureAwait(false) > 0;

    private static ApprovalRecord Map(DbDataReader r) => new(r.Long("id"), r.Text("study_uid")!, r.Long("revision"), r.Text("approved_by")!,
        r.Time("approved_at")!.Value, r.Text("verified_sr_uid"), r.Text("verified_pdf_uid"));
}
