using System.Data.Common;

namespace VoxDose.StoreScp.Audit;

/// <summary>
/// Received instances and the study/series rows they update, in one transaction. Duplicates are decided by the
/// unique key (SOP Instance UID, SHA-256), never by a file overwrite.
/// </summary>
public sealed class InstanceRepository(AuditDatabase database, TimeProvider time) : IAsyncDisposable
{
    // SQLite: every arrival is recorded on one connection whose statements are prepared once (PreparedStatements);
    // arrivals take turns on it, as SQLite takes one writer at a time anyway. A connection that failed is not kept.
    private readonly SemaphoreSlim _arrivalGate = new(1, 1);
    private DbConnection? _arrivalConnection;

    /// <summary>
    /// Records an arrival. Two nodes of a cluster receiving the same SOP Instance at once both read "no version yet" and
    /// both insert version 1 (PostgreSQL, read committed): the one that loses the unique key (sop_instance_uid, version)
    /// records again and finds the other's row, so the same content is one duplicate and different content a new version.
    /// </summary>
    public async Task<ArrivalOutcome> RecordArrivalAsync(InstanceArrival a, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RecordArrivalOnceAsync(a, ct).ConfigureAwait(false);
            }
            catch (DbException e) when (attempt < 5 && UniqueViolation.Is(e))
            {
                // Another node recorded a version of this instance between our read and our insert: read again.
            }
        }
    }

    private async Task<ArrivalOutcome> RecordArrivalOnceAsync(InstanceArrival a, CancellationToken ct)
    {
        if (database.Dialect is not SqliteDialect)
        {
            await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
            return await RecordArrivalOnAsync(c, a, ct).ConfigureAwait(false);
        }
        await _arrivalGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_arrivalConnection is null)
            {
                var opened = await database.OpenAsync(ct).ConfigureAwait(false);
                PreparedStatements.Register(opened);
                _arrivalConnection = opened;
            }
            return await RecordArrivalOnAsync(_arrivalConnection, a, ct).ConfigureAwait(false);
        }
        catch
        {
            if (_arrivalConnection is { } failed)
            {
                _arrivalConnection = null;
                await failed.DisposeAsync().ConfigureAwait(false);
            }
            throw;
        }
        finally
        {
            _arrivalGate.Release();
        }
    }

    private async Task<ArrivalOutcome> RecordArrivalOnAsync(DbConnection c, InstanceArrival a, CancellationToken ct)
    {
        var now = AuditTime.Format(time.GetUtcNow());
        await using var tx = await c.BeginTransactionAsync(ct).ConfigureAwait(false);

        var versions = await c.QueryAsync(tx, "SELECT version, sha256, series_uid FROM instances WHERE sop_instance_uid = @u",
            r => (Version: r.Long("version"), Sha: r.Text("sha256")!, Series: r.Text("series_uid")!), ct, ("@u", a.SopInstanceUid)).ConfigureAwait(false);
        var same = versions.FirstOrDefault(v => v.Sha == a.Sha256);
        if (same.Sha is not null)
        {
            // A resend is sender activity: the quiet period of a series (or study) still waiting counts from it too
            // (regression: after a kill -9 a slow resend of the acknowledged instances let the quiet period expire and
            // the series was judged complete at 85 of 200).
            await c.ExecuteAsync(tx, """
                UPDATE series SET last_received_at = @t WHERE series_uid = @se AND completed_at IS NULL AND last_received_at < @t;
                UPDATE studies SET last_received_at = @t WHERE study_uid = @s AND state = 'received' AND last_received_at < @t;
                """, ct, ("@t", now), ("@se", a.SeriesUid), ("@s", a.StudyUid)).ConfigureAwait(false);
            var study = await StudyRepository.GetAsync(c, tx, a.StudyUid, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return new ArrivalOutcome(ArrivalKind.Duplicate, same.Version, study?.State ?? StudyState.Received, study?.Revision ?? 1, false);
        }
        var version = versions.Count == 0 ? 1 : versions.Max(v => v.Version) + 1;

        await c.ExecuteAsync(tx, """
            INSERT INTO instances (sop_instance_uid, version, sop_class_uid, series_uid, study_uid, sha256, size_bytes, received_at, path, association_id)
            VALUES (@u, @v, @k, @se, @st, @h, @z, @t, @p, @a)
            """, ct, ("@u", a.SopInstanceUid), ("@v", version), ("@k", a.SopClassUid), ("@se", a.SeriesUid), ("@st", a.StudyUid),
            ("@h", a.Sha256), ("@z", a.SizeBytes), ("@t", now), ("@p", a.Path), ("@a", a.AssociationId)).ConfigureAwait(false);

        // RETURNING gives the study and series rows as written: no SELECT of either afterwards (SQLite >= 3.35, PostgreSQL).
        var before = (await c.QueryAsync(tx, """
            INSERT INTO studies (study_uid, state, revision, first_received_at, last_received_at, state_changed_at, patient_id, accession_number, study_date)
            VALUES (@s, 'received', 1, @t, @t, @t, @pid, @acc, @date)
            ON CONFLICT (study_uid) DO UPDATE SET last_received_at = excluded.last_received_at,
              patient_id = COALESCE(studies.patient_id, excluded.patient_id),
              accession_number = COALESCE(studies.accession_number, excluded.accession_number),
              study_date = COALESCE(studies.study_date, excluded.study_date)
            RETURNING *
            """, StudyRepository.Map, ct, ("@s", a.StudyUid), ("@t", now), ("@pid", a.Identifiers?.PatientId), ("@acc", a.Identifiers?.AccessionNumber),
            ("@date", a.Identifiers?.StudyDate)).ConfigureAwait(false))[0];

        // A Y-90 PET (or MAA SPECT) series re-opens with every new instance (its completeness is judged again); an RTSTRUCT is
        // one object, complete on arrival; CT and ignored series are never waited for.
        var completedAt = a.Role.Drives() ? null : now;
        // received_instances counts the series' distinct SOP Instance UIDs, kept incrementally (a COUNT(DISTINCT) per
        // arrival grew with the series): one more unless a version of this instance is already in this series.
        var added = versions.Any(v => v.Series == a.SeriesUid) ? 0 : 1;
        var series = (await c.QueryAsync(tx, """
            INSERT INTO series (series_uid, study_uid, modality, role, frame_of_reference_uid, expected_instances, received_instances, last_received_at, completed_at, reason)
            VALUES (@se, @st, @m, @r, @f, @e, @n, @t, @done, @why)
            ON CONFLICT (series_uid) DO UPDATE SET last_received_at = excluded.last_received_at,
              expected_instances = COALESCE(excluded.expected_instances, series.expected_instances),
              frame_of_reference_uid = COALESCE(excluded.frame_of_reference_uid, series.frame_of_reference_uid),
              completed_at = excluded.completed_at, received_instances = series.received_instances + excluded.received_instances
            RETURNING *
            """, StudyRepository.MapSeries, ct, ("@se", a.SeriesUid), ("@st", a.StudyUid), ("@m", a.Modality), ("@r", a.Role.ToText()), ("@f", a.FrameOfReferenceUid),
            ("@e", a.ExpectedInstances), ("@n", added), ("@t", now), ("@done", completedAt), ("@why", a.RoleReason)).ConfigureAwait(false))[0];

        var bumped = false;
        var state = before.State;
        if (a.Role.Drives() && before.State == StudyState.Ignored)
        {
            // A Y-90 PET for a study ignored for want of one: it is received again (nothing was computed, same revision).
            state = StudyState.Received;
            await c.ExecuteAsync(tx, "UPDATE studies SET state = 'received', reason = NULL, state_changed_at = @t WHERE study_uid = @s",
                ct, ("@t", now), ("@s", a.StudyUid)).ConfigureAwait(false);
        }
        else if (a.Role == SeriesRole.RtStruct && before.State == StudyState.Assembled && !await ComputationStartedAsync(c, tx, a.StudyUid, before.Revision, ct).ConfigureAwait(false))
        {
            // Contours for a study assembled but not yet computed (e.g. waiting for them, Processing:RtStructGraceSeconds):
            // the coming computation uses them; no new revision.
        }
        else if ((a.Role.Drives() || a.Role == SeriesRole.RtStruct) && before.State is not (StudyState.Received or StudyState.Ignored))
        {
            // New input for a study already (being) processed: a new revision; it is computed again once its PET is complete.
            var petComplete = Convert.ToInt64(await c.ScalarAsync(tx,
                $"SELECT COUNT(*) FROM series WHERE study_uid = @s AND role IN {DrivingSeries.SqlRoles} AND completed_at IS NOT NULL", ct,
                ("@s", a.StudyUid)).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;
            state = petComplete ? StudyState.Assembled : StudyState.Received;
            await c.ExecuteAsync(tx, """
                UPDATE studies SET revision = revision + 1, state = @state, state_changed_at = @t, error = NULL, reason = NULL,
                  retry_at = NULL, attempts = 0 WHERE study_uid = @s
                """,
                ct, ("@state", state.ToText()), ("@t", now), ("@s", a.StudyUid)).ConfigureAwait(false);
            bumped = true;
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return new ArrivalOutcome(version == 1 ? ArrivalKind.NewInstance : ArrivalKind.NewVersion, version, state,
            before.Revision + (bumped ? 1 : 0), bumped, series);
    }

    public async ValueTask DisposeAsync()
    {
        await _arrivalGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_arrivalConnection is { } c) await c.DisposeAsync().ConfigureAwait(false);
            _arrivalConnection = null;
        }
        finally
        {
            _arrivalGate.Release();
        }
    }

    private static async Task<bool> ComputationStartedAsync(DbConnection c, DbTransaction tx, string studyUid, long revision, CancellationToken ct) =>
        Convert.ToInt64(await c.ScalarAsync(tx, "SELECT COUNT(*) FROM computations WHERE study_uid = @s AND revision = @r", ct,
            ("@s", studyUid), ("@r", revision)).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) > 0;

    public async Task<List<InstanceRecord>> ForStudyAsync(string studyUid, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null, "SELECT * FROM instances WHERE study_uid = @s ORDER BY series_uid, sop_instance_uid, version",
            Map, ct, ("@s", studyUid)).ConfigureAwait(false);
    }

    /// <summary>The latest version of every instance of a series (what the pipeline reads).</summary>
    public async Task<List<InstanceRecord>> LatestOfSeriesAsync(string seriesUid, CancellationToken ct = default)
    {
        await using var c = await database.OpenAsync(ct).ConfigureAwait(false);
        return await c.QueryAsync(null, """
            SELECT * FROM instances i WHERE series_uid = @s
              AND version = (SELECT MAX(version) FROM instances j WHERE j.sop_instance_uid = i.sop_instance_uid)
            ORDER BY sop_instance_uid
            """, Map, ct, ("@s", seriesUid)).ConfigureAwait(false);
    }

    private static InstanceRecord Map(DbDataReader r) => new(r.Long("id"), r.Text("sop_instance_uid")!, r.Long("version"),
        r.Text("sop_class_uid")!, r.Text("series_uid")!, r.Text("study_uid")!, r.Text("sha256")!, r.Long("size_bytes"),
        r.Time("received_at")!.Value, r.Text("path")!, r.LongOrNull("association_id"));
}
