using System.Data.Common;

namespace VoxDose.StoreScp.Audit;

/// <summary>One row per DICOM association: who called, from where, when, how many instances, and how it ended.</summary>
public sealed class AssociationRepository(AuditDatabase database, TimeProvider time)
{
    public async Task<long> OpenedAsync(string callingAe, string calledAe, string peerAddress, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        var id = await c.ScalarAsync(null,
            "INSERT INTO associations (calling_ae, called_ae, peer_address, started_at, node) VALUES (@c, @d, @p, @t, @n) RETURNING id", ct,
            ("@c", callingAe), ("@d", calledAe), ("@p", peerAddress), ("@t", AuditTime.Format(time.GetUtcNow())), ("@n", database.Node)).ConfigureAwait(false);
        return Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Closes the association's row with its final counts and how it ended (released, aborted, rejected...).</summary>
    /// <summary>
    /// The counts when the peer asks to release, committed durably: on SQLite this commit is fsynced (synchronous=FULL),
    /// and with it the write-ahead log holding every earlier commit (the rows of instances acknowledged without fsync
    /// under Storage:SyncMode PerAssociation).
    /// </summary>
    public async Task ReleasingAsync(long associationId, long stored, long failed, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        if (database.Dialect is SqliteDialect) await c.ExecuteAsync("PRAGMA synchronous=FULL", ct).ConfigureAwait(false);
        await c.ExecuteAsync("UPDATE associations SET instances_received = @s, instances_failed = @f WHERE id = @id", ct,
            ("@s", stored), ("@f", failed), ("@id", associationId)).ConfigureAwait(false);
        // The connection goes back to the pool with its PRAGMAs (set once per physical connection): back to NORMAL.
        if (database.Dialect is SqliteDialect { SyncEveryCommit: false }) await c.ExecuteAsync("PRAGMA synchronous=NORMAL", ct).ConfigureAwait(false);
    }

    public async Task ClosedAsync(long associationId, string outcome, long stored, long failed, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        await c.ExecuteAsync("UPDATE associations SET ended_at = @t, outcome = @o, instances_received = @s, instances_failed = @f WHERE id = @id", ct,
            ("@t", AuditTime.Format(time.GetUtcNow())), ("@o", outcome), ("@s", stored), ("@f", failed), ("@id", associationId)).ConfigureAwait(false);
    }

    public async Task<List<AssociationRecord>> ForStudyAsync(string studyUid, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null,
            "SELECT * FROM associations WHERE id IN (SELECT association_id FROM instances WHERE study_uid = @s) ORDER BY id",
            Map, ct, ("@s", studyUid)).ConfigureAwait(false);
    }

    internal static AssociationRecord Map(DbDataReader r) => new(r.Long("id"), r.Text("calling_ae")!, r.Text("called_ae")!,
        r.Text("peer_address")!, r.Time("started_at")!.Value, r.Time("ended_at"), r.Long("instances_received"),
        r.Long("instances_failed"), r.Text("outcome"), r.Text("node"));
}
