-- Schema version 1: the audit schema as it was before versioned migrations (CREATE ... IF NOT EXISTS, so a
-- database created by those statements is adopted unchanged). Times are ISO 8601 UTC text (sortable), JSON
-- documents are text. $identity$ is the engine's auto-numbered 64-bit primary key (IAuditDialect.IdentityColumn).
CREATE TABLE IF NOT EXISTS associations (
  id $identity$, calling_ae TEXT NOT NULL, called_ae TEXT NOT NULL, peer_address TEXT NOT NULL,
  started_at TEXT NOT NULL, ended_at TEXT, instances_received INTEGER NOT NULL DEFAULT 0,
  instances_failed INTEGER NOT NULL DEFAULT 0, outcome TEXT);

CREATE TABLE IF NOT EXISTS studies (
  study_uid TEXT PRIMARY KEY, state TEXT NOT NULL, revision INTEGER NOT NULL DEFAULT 1,
  first_received_at TEXT NOT NULL, last_received_at TEXT NOT NULL, state_changed_at TEXT NOT NULL,
  error TEXT);

CREATE TABLE IF NOT EXISTS series (
  series_uid TEXT PRIMARY KEY, study_uid TEXT NOT NULL, modality TEXT NOT NULL, role TEXT NOT NULL,
  frame_of_reference_uid TEXT, expected_instances INTEGER, received_instances INTEGER NOT NULL DEFAULT 0,
  last_received_at TEXT NOT NULL, completed_at TEXT, reason TEXT);

CREATE INDEX IF NOT EXISTS ix_series_study ON series (study_uid);

CREATE TABLE IF NOT EXISTS instances (
  id $identity$, sop_instance_uid TEXT NOT NULL, version INTEGER NOT NULL, sop_class_uid TEXT NOT NULL,
  series_uid TEXT NOT NULL, study_uid TEXT NOT NULL, sha256 TEXT NOT NULL, size_bytes BIGINT NOT NULL,
  received_at TEXT NOT NULL, path TEXT NOT NULL, association_id BIGINT,
  UNIQUE (sop_instance_uid, version));

CREATE INDEX IF NOT EXISTS ix_instances_series ON instances (series_uid);

CREATE TABLE IF NOT EXISTS computations (
  id $identity$, study_uid TEXT NOT NULL, revision INTEGER NOT NULL, status TEXT NOT NULL,
  started_at TEXT NOT NULL, finished_at TEXT, method TEXT, kernel TEXT, parameters TEXT,
  software_version TEXT, inputs TEXT, results TEXT, output_uids TEXT, output_dir TEXT, error TEXT,
  UNIQUE (study_uid, revision));

CREATE TABLE IF NOT EXISTS exports (
  id $identity$, computation_id BIGINT NOT NULL, study_uid TEXT NOT NULL, destination TEXT NOT NULL,
  object_kind TEXT NOT NULL, sop_instance_uid TEXT NOT NULL, path TEXT NOT NULL, status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, next_attempt_at TEXT NOT NULL,
  last_attempt_at TEXT, last_error TEXT, UNIQUE (computation_id, destination, object_kind));

CREATE INDEX IF NOT EXISTS ix_exports_due ON exports (destination, status, next_attempt_at);

CREATE TABLE IF NOT EXISTS export_attempts (
  id $identity$, export_id BIGINT NOT NULL, attempted_at TEXT NOT NULL, status TEXT NOT NULL,
  dicom_status INTEGER, error TEXT);

CREATE TABLE IF NOT EXISTS events (
  id $identity$, at TEXT NOT NULL, component TEXT NOT NULL, kind TEXT NOT NULL, study_uid TEXT,
  detail TEXT NOT NULL);
