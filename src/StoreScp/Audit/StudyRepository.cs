using System.Data.Common;
using System.Globalization;

namespace VoxDose.StoreScp.Audit;

/// <summary>Studies and their series: the pipeline state machine. Every transition is a conditional UPDATE, so two workers cannot both take it.</summary>
public sealed class StudyRepository(AuditDatabase database, TimeProvider time)
{
    public async Task<StudyRecord?> GetAsync(string studyUid, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await GetAsync(c, null, studyUid, ct).ConfigureAwait(false);
    }

    internal static async Task<StudyRecord?> GetAsync(DbConnection c, DbTransaction? tx, string studyUid, CancellationToken ct) =>
        (await c.QueryAsync(tx, "SELECT * FROM studies WHERE study_uid = @s", Map, ct, ("@s", studyUid)).ConfigureAwait(false)).FirstOrDefault();

    public async Task<List<StudyRecord>> ListAsync(CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null, "SELECT * FROM studies ORDER BY last_received_at DESC", Map, ct).ConfigureAwait(false);
    }

    public async Task<List<StudyRecord>> NotFinalAsync(CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null, "SELECT * FROM studies WHERE state NOT IN ('exported', 'failed') ORDER BY first_received_at",
            Map, ct).ConfigureAwait(false);
    }

    public async Task<List<SeriesRecord>> SeriesAsync(string studyUid, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null, "SELECT * FROM series WHERE study_uid = @s ORDER BY series_uid", MapSeries, ct, ("@s", studyUid)).ConfigureAwait(false);
    }

    public async Task<SeriesRecord?> GetSeriesAsync(string seriesUid, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return (await c.QueryAsync(null, "SELECT * FROM series WHERE series_uid = @s", MapSeries, ct, ("@s", seriesUid)).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <summary>
    /// Marks a series complete (if it still is incomplete as of <paramref name="lastReceivedAt"/>: a later arrival re-armed it)
    /// and, for a Y-90 PET series of a study still receiving, moves the study to Assembled. True when the study became Assembled.
    /// </summary>
    public async Task<bool> CompleteSeriesAsync(string seriesUid, DateTimeOffset lastReceivedAt, CancellationToken ct = default)
    {
        var now = AuditTime.Format(time.GetUtcNow());
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);
        var changed = await c.ExecuteAsync(tx,
            "UPDATE series SET completed_at = @t WHERE series_uid = @s AND completed_at IS NULL AND last_received_at = @last", ct,
            ("@t", now), ("@s", seriesUid), ("@last", AuditTime.Format(lastReceivedAt))).ConfigureAwait(false);
        var assembled = false;
        if (changed > 0)
        {
            assembled = await c.ExecuteAsync(tx, """
                UPDATE studies SET state = 'assembled', state_changed_at = @t
                WHERE state = 'received' AND study_uid = (SELECT study_uid FROM series WHERE series_uid = @s AND role = 'y90pet')
                """, ct, ("@t", now), ("@s", seriesUid)).ConfigureAwait(false) > 0;
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return assembled;
    }

    /// <summary>Moves a study from one state to the next, only if it is still in that state at that revision.</summary>
    public async Task<bool> TransitionAsync(string studyUid, long revision, StudyState from, StudyState to, string? error = null,
        CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await TransitionAsync(c, null, studyUid, revision, from, to, error, ct).ConfigureAwait(false);
    }

    internal async Task<bool> TransitionAsync(DbConnection c, DbTransaction? tx, string studyUid, long revision, StudyState from,
        StudyState to, string? error, CancellationToken ct) =>
        await c.ExecuteAsync(tx, """
            UPDATE studies SET state = @to, state_changed_at = @t, error = @e
            WHERE study_uid = @s AND revision = @r AND state = @from
            """, ct, ("@to", to.ToText()), ("@t", AuditTime.Format(time.GetUtcNow())), ("@e", error), ("@s", studyUid),
            ("@r", revision), ("@from", from.ToText())).ConfigureAwait(false) > 0;

    private static StudyRecord Map(DbDataReader r) => new(r.Text("study_uid")!, StudyStateText.Parse(r.Text("state")!), r.Long("revision"),
        r.Time("first_received_at")!.Value, r.Time("last_received_at")!.Value, r.Time("state_changed_at")!.Value, r.Text("error"));

    private static SeriesRecord MapSeries(DbDataReader r) => new(r.Text("series_uid")!, r.Text("study_uid")!, r.Text("modality")!,
        RoleText.ParseRole(r.Text("role")!), r.Text("frame_of_reference_uid"), r.LongOrNull("expected_instances"), r.Long("received_instances"),
        r.Time("last_received_at")!.Value, r.Time("completed_at"), r.Text("reason"));

    internal static long ToLong(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}
