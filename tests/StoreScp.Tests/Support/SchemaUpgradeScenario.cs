using VoxDose.StoreScp.Audit;

namespace VoxDose.StoreScp.Tests.Support;

/// <summary>
/// A version-1 audit database as nodes created it before versioned migrations (the CREATE TABLE IF NOT EXISTS
/// statements of AuditSchema v1, no journal), with one row in every table; then the upgrade, and the rows read back
/// through today's repositories. Shared by the SQLite test and the PostgreSQL interop test.
/// </summary>
public static class SchemaUpgradeScenario
{
    public static async Task CreateVersion1WithRowsAsync(AuditDatabase database)
    {
        await using var c = await database.OpenAsync();
        foreach (var statement in Version1Statements(database.Dialect.IdentityColumn))
            await c.ExecuteAsync(statement, CancellationToken.None);
        await c.ExecuteAsync("INSERT INTO associations (calling_ae, called_ae, peer_address, started_at, ended_at, instances_received, outcome) VALUES ('ORTHANC', 'VOXDOSE', '10.0.0.1:104', '2026-01-02T03:04:05.006Z', '2026-01-02T03:05:00.000Z', 2, 'released')", CancellationToken.None);
        await c.ExecuteAsync("INSERT INTO studies (study_uid, state, revision, first_received_at, last_received_at, state_changed_at, error) VALUES ('1.2.3', 'exported', 2, '2026-01-02T03:04:05.006Z', '2026-01-02T03:04:06.000Z', '2026-01-02T03:10:00.000Z', NULL)", CancellationToken.None);
        await c.ExecuteAsync("INSERT INTO series (series_uid, study_uid, modality, role, frame_of_reference_uid, expected_instances, received_instances, last_received_at, completed_at) VALUES ('1.2.3.1', '1.2.3', 'PT', 'y90pet', '1.2.3.9', 2, 2, '2026-01-02T03:04:06.000Z', '2026-01-02T03:04:06.000Z')", CancellationToken.None);
        await c.ExecuteAsync("INSERT INTO instances (sop_instance_uid, version, sop_class_uid, series_uid, study_uid, sha256, size_bytes, received_at, path, association_id) VALUES ('1.2.3.1.1', 1, '1.2.840.10008.5.1.4.1.1.128', '1.2.3.1', '1.2.3', 'abc', 1234, '2026-01-02T03:04:05.006Z', '/spool/a.dcm', 1)", CancellationToken.None);
        await c.ExecuteAsync("INSERT INTO computations (study_uid, revision, status, started_at, finished_at, method, results, output_uids, output_dir) VALUES ('1.2.3', 2, 'reported', '2026-01-02T03:06:00.000Z', '2026-01-02T03:07:00.000Z', 'ldm', '{\"x\":1}', '[]', '/results/1.2.3/r2')", CancellationToken.None);
        await c.ExecuteAsync("INSERT INTO exports (computation_id, study_uid, destination, object_kind, sop_instance_uid, path, status, attempts, created_at, next_attempt_at) VALUES (1, '1.2.3', 'PACS', 'Sr', '1.2.3.77', '/results/sr.dcm', 'sent', 1, '2026-01-02T03:08:00.000Z', '2026-01-02T03:08:00.000Z')", CancellationToken.None);
        await c.ExecuteAsync("INSERT INTO export_attempts (export_id, attempted_at, status, dicom_status) VALUES (1, '2026-01-02T03:09:00.000Z', 'success', 0)", CancellationToken.None);
        await c.ExecuteAsync("INSERT INTO events (at, component, kind, study_uid, detail) VALUES ('2026-01-02T03:04:05.006Z', 'ingest', 'new-version', '1.2.3', 'kept')", CancellationToken.None);
    }

    /// <summary>Upgrades, then checks the version, every row, and that new rows still get identities after the old ones.</summary>
    public static async Task UpgradeAndVerifyAsync(AuditDatabase database)
    {
        Assert.Equal(0, AuditSchema.ReadVersion(database.Dialect));
        var upgrade = await database.EnsureSchemaAsync();
        Assert.Equal((0, AuditSchema.CurrentVersion, AuditSchema.CurrentVersion), (upgrade.FromVersion, upgrade.ToVersion, upgrade.Applied.Count));
        Assert.Equal(AuditSchema.CurrentVersion, database.SchemaVersion);
        Assert.Equal(AuditSchema.CurrentVersion, AuditSchema.ReadVersion(database.Dialect));
        Assert.Empty((await database.EnsureSchemaAsync()).Applied); // a second start applies nothing

        var time = TimeProvider.System;
        var study = (await new StudyRepository(database, time).GetAsync("1.2.3"))!;
        Assert.Equal((StudyState.Exported, 2L, new DateTimeOffset(2026, 1, 2, 3, 10, 0, TimeSpan.Zero)), (study.State, study.Revision, study.StateChangedAt));
        Assert.Equal((0L, (DateTimeOffset?)null, (string?)null, (string?)null), (study.Attempts, study.RetryAt, study.Reason, study.PatientId));
        var series = (await new StudyRepository(database, time).GetSeriesAsync("1.2.3.1"))!;
        Assert.Equal((SeriesRole.Y90Pet, 2L), (series.Role, series.ReceivedInstances));
        var instance = Assert.Single(await new InstanceRepository(database, time).ForStudyAsync("1.2.3"));
        Assert.Equal(("abc", 1234L, "/spool/a.dcm"), (instance.Sha256, instance.SizeBytes, instance.Path));
        var computation = (await new ComputationRepository(database, time).GetAsync("1.2.3", 2))!;
        Assert.Equal(("reported", "{\"x\":1}", "/results/1.2.3/r2"), (computation.Status, computation.Results, computation.OutputDir));
        var exports = new ExportRepository(database, time);
        var export = Assert.Single(await exports.ForStudyAsync("1.2.3"));
        Assert.Equal(("PACS", "Sr", "sent"), (export.Destination, export.ObjectKind, export.Status));
        Assert.Single(await exports.AttemptsAsync(export.Id));
        var association = Assert.Single(await new AssociationRepository(database, time).ForStudyAsync("1.2.3"));
        Assert.Equal("released", association.Outcome);
        var events = new EventRepository(database, time);
        await events.AddAsync("test", "after-upgrade", "1.2.3", "new row");
        var all = await events.ListAsync("1.2.3");
        Assert.Equal(["new-version", "after-upgrade"], all.Select(e => e.Kind));
        Assert.True(all[1].Id > all[0].Id);
    }

    /// <summary>The statements of schema version 1, verbatim from AuditSchema before migrations.</summary>
    public static IEnumerable<string> Version1Statements(string id)
    {
        yield return $"""
            CREATE TABLE IF NOT EXISTS associations (
              id {id}, calling_ae TEXT NOT NULL, called_ae TEXT NOT NULL, peer_address TEXT NOT NULL,
              started_at TEXT NOT NULL, ended_at TEXT, instances_received INTEGER NOT NULL DEFAULT 0,
              instances_failed INTEGER NOT NULL DEFAULT 0, outcome TEXT)
            """;
        yield return """
            CREATE TABLE IF NOT EXISTS studies (
              study_uid TEXT PRIMARY KEY, state TEXT NOT NULL, revision INTEGER NOT NULL DEFAULT 1,
              first_received_at TEXT NOT NULL, last_received_at TEXT NOT NULL, state_changed_at TEXT NOT NULL,
              error TEXT)
            """;
        yield return """
            CREATE TABLE IF NOT EXISTS series (
              series_uid TEXT PRIMARY KEY, study_uid TEXT NOT NULL, modality TEXT NOT NULL, role TEXT NOT NULL,
              frame_of_reference_uid TEXT, expected_instances INTEGER, received_instances INTEGER NOT NULL DEFAULT 0,
              last_received_at TEXT NOT NULL, completed_at TEXT, reason TEXT)
            """;
        yield return "CREATE INDEX IF NOT EXISTS ix_series_study ON series (study_uid)";
        yield return $"""
            CREATE TABLE IF NOT EXISTS instances (
              id {id}, sop_instance_uid TEXT NOT NULL, version INTEGER NOT NULL, sop_class_uid TEXT NOT NULL,
              series_uid TEXT NOT NULL, study_uid TEXT NOT NULL, sha256 TEXT NOT NULL, size_bytes BIGINT NOT NULL,
              received_at TEXT NOT NULL, path TEXT NOT NULL, association_id BIGINT,
              UNIQUE (sop_instance_uid, version))
            """;
        yield return "CREATE INDEX IF NOT EXISTS ix_instances_series ON instances (series_uid)";
        yield return $"""
            CREATE TABLE IF NOT EXISTS computations (
              id {id}, study_uid TEXT NOT NULL, revision INTEGER NOT NULL, status TEXT NOT NULL,
              started_at TEXT NOT NULL, finished_at TEXT, method TEXT, kernel TEXT, parameters TEXT,
              software_version TEXT, inputs TEXT, results TEXT, output_uids TEXT, output_dir TEXT, error TEXT,
              UNIQUE (study_uid, revision))
            """;
        yield return $"""
            CREATE TABLE IF NOT EXISTS exports (
              id {id}, computation_id BIGINT NOT NULL, study_uid TEXT NOT NULL, destination TEXT NOT NULL,
              object_kind TEXT NOT NULL, sop_instance_uid TEXT NOT NULL, path TEXT NOT NULL, status TEXT NOT NULL,
              attempts INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, next_attempt_at TEXT NOT NULL,
              last_attempt_at TEXT, last_error TEXT, UNIQUE (computation_id, destination, object_kind))
            """;
        yield return "CREATE INDEX IF NOT EXISTS ix_exports_due ON exports (destination, status, next_attempt_at)";
        yield return $"""
            CREATE TABLE IF NOT EXISTS export_attempts (
              id {id}, export_id BIGINT NOT NULL, attempted_at TEXT NOT NULL, status TEXT NOT NULL,
              dicom_status INTEGER, error TEXT)
            """;
        yield return $"""
            CREATE TABLE IF NOT EXISTS events (
              id {id}, at TEXT NOT NULL, component TEXT NOT NULL, kind TEXT NOT NULL, study_uid TEXT,
              detail TEXT NOT NULL)
            """;
    }
}
