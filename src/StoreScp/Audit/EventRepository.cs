using System.Data.Common;

namespace VoxDose.StoreScp.Audit;

/// <summary>Free-form audit lines: refusals (disk full, bad UID), ignored objects and why, state changes, failures.</summary>
public sealed class EventRepository(AuditDatabase database, TimeProvider time)
{
    public async Task AddAsync(string component, string kind, string? studyUid, string detail, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        await AddAsync(c, null, component, kind, studyUid, detail, ct).ConfigureAwait(false);
    }

    public async Task AddAsync(DbConnection c, DbTransaction? tx, string component, string kind, string? studyUid, string detail,
        CancellationToken ct = default) =>
        await c.ExecuteAsync(tx, "INSERT INTO events (at, component, kind, study_uid, detail, node) VALUES (@t, @c, @k, @s, @d, @n)", ct,
            ("@t", AuditTime.Format(time.GetUtcNow())), ("@c", component), ("@k", kind), ("@s", studyUid), ("@d", detail), ("@n", database.Node)).ConfigureAwait(false);

    public async Task<List<AuditEvent>> ListAsync(string? studyUid, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        var where = studyUid is null ? "" : "WHERE study_uid = @s";
        return await c.QueryAsync(null, $"SELECT * FROM events {where} ORDER BY id", Map, ct, ("@s", studyUid)).ConfigureAwait(false);
    }

    private static AuditEvent Map(DbDataReader r) =>
        new(r.Long("id"), r.Time("at")!.Value, r.Text("component")!, r.Text("kind")!, r.Text("study_uid"), r.Text("detail")!, r.Text("node"));
}
