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
        return await c.QueryAsync(null, "SELECT * FROM studies WHERE state IN ('received', 'assembled', 'computed', 'reported') ORDER BY first_received_at",
            Map, ct).ConfigureAwait(false);
    }

    /// <summary>Failed studies whose automatic retry is due at <paramref name="now"/>.</summary>
    public async Task<List<StudyRecord>> RetryDueAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null, "SELECT * FROM studies WHERE state = 'failed' AND retry_at IS NOT NULL AND retry_at <= @t ORDER BY retry_at",
            Map, ct, ("@t", AuditTime.Format(now))).ConfigureAwait(false);
    }

    /// <summary>Studies matching every given filter (null: any), newest first: what <c>audit list</c> shows.</summary>
    public async Task<List<StudyRecord>> FindAsync(StudyFilter filter, CancellationToken ct = default)
    {
        var where = new List<string>();
        var parameters = new List<(string, object?)>();
        if (filter.State is { } state) { where.Add("state = @state"); parameters.Add(("@state", state.ToText())); }
        if (filter.PatientId is not null) { where.Add("patient_id = @pid"); parameters.Add(("@pid", filter.PatientId)); }
        if (filter.AccessionNumber is not null) { where.Add("accession_number = @acc"); parameters.Add(("@acc", filter.AccessionNumber)); }
        if (filter.Date is { } date)
        {
            // The DICOM Study Date, or (when the study carried none) the day it was first received (UTC).
            where.Add("(study_date = @dicomDate OR (study_date IS NULL AND first_received_at >= @dayStart AND first_received_at < @dayEnd))");
            parameters.Add(("@dicomDate", date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)));
            parameters.Add(("@dayStart", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            parameters.Add(("@dayEnd", date.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        var sql = "SELECT * FROM studies" + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") + " ORDER BY last_received_at DESC";
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null, sql, Map, ct, [.. parameters]).ConfigureAwait(false);
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
            assembled = await c.ExecuteAsync(tx, $"""
                UPDATE studies SET state = 'assembled', state_changed_at = @t
                WHERE state = 'received' AND study_uid = (SELECT study_uid FROM series WHERE series_uid = @s AND role IN {DrivingSeries.SqlRoles})
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

    /// <summary>
    /// Received → Ignored with its reason, unless an instance arrived since <paramref name="lastReceivedAt"/> (that
    /// arrival is judged on its own). True when the study was ignored.
    /// </summary>
    public async Task<bool> IgnoreAsync(string studyUid, DateTimeOffset lastReceivedAt, string reason, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.ExecuteAsync(null, """
            UPDATE studies SET state = 'ignored', reason = @why, state_changed_at = @t
            WHERE study_uid = @s AND state = 'received' AND last_received_at = @last
            """, ct, ("@why", reason), ("@t", AuditTime.Format(time.GetUtcNow())), ("@s", studyUid),
            ("@last", AuditTime.Format(lastReceivedAt))).ConfigureAwait(false) > 0;
    }

    /// <summary>
    /// Marks a study revision Failed from <paramref name="from"/>, counting the attempt; <paramref name="retryAt"/> is
    /// when it is tried again (null: not automatically, an operator runs <c>studies retry</c>).
    /// </summary>
    public async Task<bool> FailAsync(string studyUid, long revision, StudyState from, string error, DateTimeOffset? retryAt,
        CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.ExecuteAsync(null, """
            UPDATE studies SET state = 'failed', error = @e, attempts = attempts + 1, retry_at = @retry, state_changed_at = @t
            WHERE study_uid = @s AND revision = @r AND state = @from
            """, ct, ("@e", error), ("@retry", retryAt is null ? null : AuditTime.Format(retryAt.Value)),
            ("@t", AuditTime.Format(time.GetUtcNow())), ("@s", studyUid), ("@r", revision), ("@from", from.ToText())).ConfigureAwait(false) > 0;
    }

    /// <summary>
    /// Takes a study out of an end state (<paramref name="from"/>) to resume at <paramref name="to"/> (a retry or an
    /// operator's request); its error and retry time are cleared, its attempt count kept unless
    /// <paramref name="resetAttempts"/> (an operator's retry starts a fresh schedule).
    /// </summary>
    public async Task<bool> ResumeAsync(string studyUid, long revision, StudyState from, StudyState to, bool resetAttempts = false,
        CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.ExecuteAsync(null, $"""
            UPDATE studies SET state = @to, error = NULL, reason = NULL, retry_at = NULL, state_changed_at = @t{(resetAttempts ? ", attempts = 0" : "")}
            WHERE study_uid = @s AND revision = @r AND state = @from
            """, ct, ("@to", to.ToText()), ("@t", AuditTime.Format(time.GetUtcNow())), ("@s", studyUid), ("@r", revision),
            ("@from", from.ToText())).ConfigureAwait(false) > 0;
    }

    /// <summary>Counts one more attempt at the current revision (a sweeper rescue); returns the new count.</summary>
    public async Task<long> CountAttemptAsync(string studyUid, long revision, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        await c.ExecuteAsync(null, "UPDATE studies SET attempts = attempts + 1 WHERE study_uid = @s AND revision = @r", ct,
            ("@s", studyUid), ("@r", revision)).ConfigureAwait(false);
        return ToLong(await c.ScalarAsync(null, "SELECT attempts FROM studies WHERE study_uid = @s", ct, ("@s", studyUid)).ConfigureAwait(false));
    }

    /// <summary>Ends a study revision in <paramref name="to"/> (NotExported) with the reason a user reads.</summary>
    public async Task<bool> EndAsync(string studyUid, long revision, StudyState from, StudyState to, string reason, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.ExecuteAsync(null, """
            UPDATE studies SET state = @to, reason = @why, error = NULL, retry_at = NULL, state_changed_at = @t
            WHERE study_uid = @s AND revision = @r AND state = @from
            """, ct, ("@to", to.ToText()), ("@why", reason), ("@t", AuditTime.Format(time.GetUtcNow())), ("@s", studyUid),
            ("@r", revision), ("@from", from.ToText())).ConfigureAwait(false) > 0;
    }

    /// <summary>
    /// A new revision on an operator's request (<c>studies reprocess</c>): from an end state back to Assembled when
    /// its Y-90 PET is complete. Returns the new revision, or null when the study is busy or has no complete PET.
    /// </summary>
    public async Task<long?> NewRevisionAsync(string studyUid, string? method = null, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        var changed = await c.ExecuteAsync(null, $"""
            UPDATE studies SET revision = revision + 1, state = 'assembled', error = NULL, reason = NULL, retry_at = NULL,
              attempts = 0, method = COALESCE(@m, method), state_changed_at = @t
            WHERE study_uid = @s AND state IN ('exported', 'failed', 'notexported', 'ignored')
              AND EXISTS (SELECT 1 FROM series WHERE series.study_uid = @s AND role IN {DrivingSeries.SqlRoles} AND completed_at IS NOT NULL)
            """, ct, ("@t", AuditTime.Format(time.GetUtcNow())), ("@s", studyUid), ("@m", method)).ConfigureAwait(false);
        return changed > 0 ? (await GetAsync(c, null, studyUid, ct).ConfigureAwait(false))!.Revision : null;
    }

    internal static StudyRecord Map(DbDataReader r) => new(r.Text("study_uid")!, StudyStateText.Parse(r.Text("state")!), r.Long("revision"),
        r.Time("first_received_at")!.Value, r.Time("last_received_at")!.Value, r.Time("state_changed_at")!.Value, r.Text("error"),
        r.Text("reason"), r.Long("attempts"), r.Time("retry_at"), r.Text("patient_id"), r.Text("accession_number"), r.Text("study_date"),
        r.Text("method"));

    internal static SeriesRecord MapSeries(DbDataReader r) => new(r.Text("series_uid")!, r.Text("study_uid")!, r.Text("modality")!,
        RoleText.ParseRole(r.Text("role")!), r.Text("frame_of_reference_uid"), r.LongOrNull("expected_instances"), r.Long("received_instances"),
        r.Time("last_received_at")!.Value, r.Time("completed_at"), r.Text("reason"));

    internal static long ToLong(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);
}

/// <summary>What <c>audit list</c> filters studies by; null means any.</summary>
public sealed record StudyFilter(StudyState? State = null, string? PatientId = null, string? AccessionNumber = null, DateOnly? Date = null);
