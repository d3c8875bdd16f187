namespace VoxDose.StoreScp.Audit;

/// <summary>
/// The audit schema, identical on SQLite and PostgreSQL. Times are ISO 8601 UTC text (sortable), JSON documents are
/// text. Version 1; later versions add statements at the end.
/// </summary>
public static class AuditSchema
{
    public static IEnumerable<string> Statements(IAuditDialect dialect)
    {
        var id = dialect.IdentityColumn;
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

        // Web console (src/StoreScp/Web, issue 17): its own tables, prefixed console_, nothing else changed.
        // Users and their lockout; approvals of study revisions; a search index of each study's patient/study header
        // (filled by the console from one received instance) so the Studies page stays index-backed.
        yield return """
            CREATE TABLE IF NOT EXISTS console_users (
              name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, failed_logins INTEGER NOT NULL DEFAULT 0,
              locked_until TEXT, created_at TEXT NOT NULL, last_login_at TEXT)
            """;
        yield return $"""
            CREATE TABLE IF NOT EXISTS console_approvals (
              id {id}, study_uid TEXT NOT NULL, revision INTEGER NOT NULL, approved_by TEXT NOT NULL, approved_at TEXT NOT NULL,
              verified_sr_uid TEXT, verified_pdf_uid TEXT, UNIQUE (study_uid, revision))
            """;
        yield return """
            CREATE TABLE IF NOT EXISTS console_study_index (
              study_uid TEXT PRIMARY KEY, patient_id TEXT NOT NULL, patient_name TEXT NOT NULL, patient_name_upper TEXT NOT NULL,
              accession TEXT NOT NULL, study_date TEXT NOT NULL, study_description TEXT NOT NULL)
            """;
        yield return "CREATE INDEX IF NOT EXISTS ix_console_study_patient_id ON console_study_index (patient_id)";
        yield return "CREATE INDEX IF NOT EXISTS ix_console_study_patient_name ON console_study_index (patient_name_upper)";
        yield return "CREATE INDEX IF NOT EXISTS ix_console_study_accession ON console_study_index (accession)";
        yield return "CREATE INDEX IF NOT EXISTS ix_console_study_date ON console_study_index (study_date)";
        yield return "CREATE INDEX IF NOT EXISTS ix_studies_last_received ON studies (last_received_at)";
        yield return "CREATE INDEX IF NOT EXISTS ix_studies_state ON studies (state, last_received_at)";
        yield return "CREATE INDEX IF NOT EXISTS ix_events_study ON events (study_uid, id)";
    }
}
