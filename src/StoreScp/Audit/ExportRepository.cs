using System.Data.Common;

namespace VoxDose.StoreScp.Audit;

/// <summary>The durable export queue: one row per (computation, destination, object), every attempt recorded.</summary>
public sealed class ExportRepository(AuditDatabase database, TimeProvider time)
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";

    /// <summary>Waiting for a physicist's approval in the console (<c>Export:RequireApproval</c>); never due.</summary>
    public const string Held = "held";

    public async Task EnqueueAsync(DbConnection c, DbTransaction tx, long computationId, string studyUid, string destination,
        string objectKind, string sopInstanceUid, string path, bool held = false, CancellationToken ct = default)
    {
        var now = AuditTime.Format(time.GetUtcNow());
        await c.ExecuteAsync(tx, """
            INSERT INTO exports (computation_id, study_uid, destination, object_kind, sop_instance_uid, path, status, created_at, next_attempt_at)
            VALUES (@c, @s, @d, @k, @u, @p, @status, @t, @t)
            ON CONFLICT (computation_id, destination, object_kind) DO NOTHING
            """, ct, ("@c", computationId), ("@s", studyUid), ("@d", destination), ("@k", objectKind), ("@u", sopInstanceUid),
            ("@p", path), ("@t", now), ("@status", held ? Held : Pending)).ConfigureAwait(false);
    }

    public async Task<List<ExportRecord>> DueAsync(string destination, DateTimeOffset now, int limit, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null, """
            SELECT * FROM exports WHERE destination = @d AND status = 'pending' AND next_attempt_at <= @t
            ORDER BY next_attempt_at, id LIMIT @n
            """, Map, ct, ("@d", destination), ("@t", AuditTime.Format(now)), ("@n", limit)).ConfigureAwait(false);
    }

    /// <summary>When the next pending export of a destination is due, or null when nothing is pending.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(string destination, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        var value = await c.ScalarAsync(null, "SELECT MIN(next_attempt_at) FROM exports WHERE destination = @d AND status = 'pending'", ct,
            ("@d", destination)).ConfigureAwait(false);
        return AuditTime.Parse(value as string);
    }

    public async Task<List<string>> DestinationsWithPendingAsync(CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null, "SELECT DISTINCT destination FROM exports WHERE status = 'pending'", r => r.Text("destination")!, ct).ConfigureAwait(false);
    }

    /// <summary>Records one attempt and its result; a failed attempt is rescheduled at <paramref name="nextAttemptAt"/> or, when null, marked failed.</summary>
    public async Task RecordAttemptAsync(long exportId, bool success, int? dicomStatus, string? error, DateTimeOffset? nextAttemptAt,
        CancellationToken ct = default)
    {
        var now = AuditTime.Format(time.GetUtcNow());
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
        var status = success ? Sent : nextAttemptAt is null ? Failed : Pending;
        await c.ExecuteAsync(tx, "INSERT INTO export_attempts (export_id, attempted_at, status, dicom_status, error, node) VALUES (@e, @t, @s, @d, @x, @n)", ct,
            ("@e", exportId), ("@t", now), ("@s", success ? "success" : "failure"), ("@d", dicomStatus), ("@x", error), ("@n", database.Node)).ConfigureAwait(false);
        await c.ExecuteAsync(tx, """
            UPDATE exports SET status = @s, attempts = attempts + 1, last_attempt_at = @t, last_error = @x, next_attempt_at = @n
            WHERE id = @e
            """, ct, ("@s", status), ("@t", now), ("@x", error), ("@n", AuditTime.Format(nextAttemptAt ?? time.GetUtcNow())),
            ("@e", exportId)).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues failed (and reschedules pending) exports to be sent now: of one computation, or (computation null) of
    /// every computation, optionally of one destination only. Returns the study UIDs concerned.
    /// </summary>
    public async Task<List<string>> RequeueAsync(long? computationId, string? destination, CancellationToken ct = default)
    {
        var now = AuditTime.Format(time.GetUtcNow());
        var where = "status IN ('failed', 'pending')" + (computationId is null ? "" : " AND computation_id = @c")
            + (destination is null ? "" : " AND destination = @d");
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
        var studies = await c.QueryAsync(tx, $"SELECT DISTINCT study_uid FROM exports WHERE {where}", r => r.Text("study_uid")!, ct,
            ("@c", computationId), ("@d", destination)).ConfigureAwait(false);
        await c.ExecuteAsync(tx, $"UPDATE exports SET status = 'pending', next_attempt_at = @t, created_at = @t WHERE {where}", ct,
            ("@t", now), ("@c", computationId), ("@d", destination)).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return studies;
    }

    /// <summary>Exports that failed for good or are still being retried after an error: what <c>audit list --exports</c> shows.</summary>
    public async Task<List<ExportRecord>> FailingAsync(CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null, "SELECT * FROM exports WHERE status = 'failed' OR (status = 'pending' AND last_error IS NOT NULL) ORDER BY id",
            Map, ct).ConfigureAwait(false);
    }

    public async Task<List<ExportRecord>> ForComputationAsync(long computationId, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null, "SELECT * FROM exports WHERE computation_id = @c ORDER BY id", Map, ct, ("@c", computationId)).ConfigureAwait(false);
    }

    public async Task<List<ExportRecord>> ForStudyAsync(string studyUid, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null, "SELECT * FROM exports WHERE study_uid = @s ORDER BY id", Map, ct, ("@s", studyUid)).ConfigureAwait(false);
    }

    public async Task<List<ExportAttemptRecord>> AttemptsAsync(long exportId, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null, "SELECT * FROM export_attempts WHERE export_id = @e ORDER BY id",
            r => new ExportAttemptRecord(r.Long("id"), r.Long("export_id"), r.Time("attempted_at")!.Value, r.Text("status")!,
                r.LongOrNull("dicom_status"), r.Text("error"), r.Text("node")), ct, ("@e", exportId)).ConfigureAwait(false);
    }

    private static ExportRecord Map(DbDataReader r) => new(r.Long("id"), r.Long("computation_id"), r.Text("study_uid")!, r.Text("destination")!,
        r.Text("object_kind")!, r.Text("sop_instance_uid")!, r.Text("path")!, r.Text("status")!, r.Long("attempts"),
        r.Time("created_at")!.Value, r.Time("next_attempt_at")!.Value, r.Time("last_attempt_at"), r.Text("last_error"));
}
