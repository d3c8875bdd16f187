namespace VoxDose.StoreScp.Audit;

/// <summary>
/// Table open_transfers (migration 0009): which association on which node is still delivering which study, with that
/// node's heartbeat. Every node of a cluster reads it; only the node holding an association writes its rows, except
/// the deletion of rows whose heartbeat expired (their node died).
/// </summary>
public sealed class OpenTransferRepository(AuditDatabase database)
{
    /// <summary>Records that an association of <paramref name="nodeId"/> is delivering a study (idempotent).</summary>
    public async Task OpenedAsync(long associationId, string studyUid, string nodeId, DateTimeOffset now, CancellationToken ct = default)
    {
        var t = AuditTime.Format(now);
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        await c.ExecuteAsync("""
            INSERT INTO open_transfers (association_id, study_uid, node_id, started_at, heartbeat_at) VALUES (@a, @s, @n, @t, @t)
            ON CONFLICT (association_id, study_uid) DO UPDATE SET heartbeat_at = excluded.heartbeat_at
            """, ct, ("@a", associationId), ("@s", studyUid), ("@n", nodeId), ("@t", t)).ConfigureAwait(false);
    }

    /// <summary>The association ended: its rows go.</summary>
    public async Task ClosedAsync(long associationId, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        await c.ExecuteAsync("DELETE FROM open_transfers WHERE association_id = @a", ct, ("@a", associationId)).ConfigureAwait(false);
    }

    /// <summary>True when an association on any node whose heartbeat is at or after <paramref name="aliveSince"/> is delivering the study.</summary>
    public async Task<bool> IsOpenAsync(string studyUid, DateTimeOffset aliveSince, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        var found = await c.ScalarAsync(null, "SELECT 1 FROM open_transfers WHERE study_uid = @s AND heartbeat_at >= @t LIMIT 1", ct,
            ("@s", studyUid), ("@t", AuditTime.Format(aliveSince))).ConfigureAwait(false);
        return found is not null;
    }

    /// <summary>Renews the heartbeat of every row of a node; returns how many it holds.</summary>
    public async Task<int> BeatAsync(string nodeId, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.ExecuteAsync("UPDATE open_transfers SET heartbeat_at = @t WHERE node_id = @n", ct,
            ("@t", AuditTime.Format(now)), ("@n", nodeId)).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the rows whose heartbeat is older than <paramref name="aliveSince"/> (any node's: their node died, or lost
    /// the database for longer than the expiry) and returns them, for the audit.
    /// </summary>
    public async Task<List<OpenTransfer>> DeleteExpiredAsync(DateTimeOffset aliveSince, CancellationToken ct = default)
    {
        var cutoff = AuditTime.Format(aliveSince);
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null, "DELETE FROM open_transfers WHERE heartbeat_at < @t RETURNING association_id, study_uid, node_id, started_at, heartbeat_at",
            r => new OpenTransfer(r.Long("association_id"), r.Text("study_uid")!, r.Text("node_id")!, r.Time("started_at")!.Value, r.Time("heartbeat_at")!.Value),
            ct, ("@t", cutoff)).ConfigureAwait(false);
    }

    /// <summary>Deletes every row of a node (at its start: associations of its previous life are gone).</summary>
    public async Task<int> ForgetNodeAsync(string nodeId, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.ExecuteAsync("DELETE FROM open_transfers WHERE node_id = @n", ct, ("@n", nodeId)).ConfigureAwait(false);
    }

    public async Task<List<OpenTransfer>> ListAsync(CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null, "SELECT * FROM open_transfers ORDER BY started_at, association_id",
            r => new OpenTransfer(r.Long("association_id"), r.Text("study_uid")!, r.Text("node_id")!, r.Time("started_at")!.Value, r.Time("heartbeat_at")!.Value),
            ct).ConfigureAwait(false);
    }
}

/// <summary>One association delivering one study, on one node, alive as of its heartbeat.</summary>
public sealed record OpenTransfer(long AssociationId, string StudyUid, string NodeId, DateTimeOffset StartedAt, DateTimeOffset HeartbeatAt);
