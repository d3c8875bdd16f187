using System.Data.Common;

namespace VoxDose.StoreScp.Audit;

/// <summary>One row per (study, revision): inputs, method, kernel, parameters, software version, results and output UIDs.</summary>
public sealed class ComputationRepository(AuditDatabase database, TimeProvider time)
{
    /// <summary>Starts (or restarts, after a crash mid-computation) the computation of a study revision.</summary>
    public async Task<long> StartAsync(string studyUid, long revision, string method, string kernel, string parameters,
        string softwareVersion, string inputs, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        var id = await c.ScalarAsync(null, """
            INSERT INTO computations (study_uid, revision, status, started_at, method, kernel, parameters, software_version, inputs, node)
            VALUES (@s, @r, 'running', @t, @m, @k, @p, @v, @i, @n)
            ON CONFLICT (study_uid, revision) DO UPDATE SET status = 'running', started_at = excluded.started_at, node = excluded.node,
              method = excluded.method, kernel = excluded.kernel, parameters = excluded.parameters,
              software_version = excluded.software_version, inputs = excluded.inputs, finished_at = NULL, error = NULL
            RETURNING id
            """, ct, ("@s", studyUid), ("@r", revision), ("@t", AuditTime.Format(time.GetUtcNow())), ("@m", method), ("@k", kernel),
            ("@p", parameters), ("@v", softwareVersion), ("@i", inputs), ("@n", database.Node)).ConfigureAwait(false);
        return StudyRepository.ToLong(id);
    }

    public async Task FinishAsync(long id, string results, string outputDir, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        await c.ExecuteAsync("UPDATE computations SET status = 'computed', finished_at = @t, results = @r, output_dir = @d WHERE id = @id", ct,
            ("@t", AuditTime.Format(time.GetUtcNow())), ("@r", results), ("@d", outputDir), ("@id", id)).ConfigureAwait(false);
    }

    public async Task SetOutputsAsync(DbConnection c, DbTransaction tx, long id, string outputUids, CancellationToken ct = default) =>
        await c.ExecuteAsync(tx, "UPDATE computations SET status = 'reported', output_uids = @o WHERE id = @id", ct,
            ("@o", outputUids), ("@id", id)).ConfigureAwait(false);

    public async Task FailAsync(long id, string error, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        await c.ExecuteAsync("UPDATE computations SET status = 'failed', finished_at = @t, error = @e WHERE id = @id", ct,
            ("@t", AuditTime.Format(time.GetUtcNow())), ("@e", error), ("@id", id)).ConfigureAwait(false);
    }

    public async Task<ComputationRecord?> GetAsync(string studyUid, long revision, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return (await c.QueryAsync(null, "SELECT * FROM computations WHERE study_uid = @s AND revision = @r", Map, ct,
            ("@s", studyUid), ("@r", revision)).ConfigureAwait(false)).FirstOrDefault();
    }

    public async Task<List<ComputationRecord>> ForStudyAsync(string studyUid, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null, "SELECT * FROM computations WHERE study_uid = @s ORDER BY revision", Map, ct, ("@s", studyUid)).ConfigureAwait(false);
    }

    private static ComputationRecord Map(DbDataReader r) => new(r.Long("id"), r.Text("study_uid")!, r.Long("revision"), r.Text("status")!,
        r.Time("started_at")!.Value, r.Time("finished_at"), r.Text("method"), r.Text("kernel"), r.Text("parameters"),
        r.Text("software_version"), r.Text("inputs"), r.Text("results"), r.Text("output_uids"), r.Text("output_dir"), r.Text("error"),
        r.Text("node"));
}
