-- Schema version 5: the web console (src/StoreScp/Web, docs/console.md), in its own tables prefixed console_.
-- console_users: accounts with PBKDF2 password hashes (ASP.NET Core Identity format) and their lockout.
-- console_approvals: a physicist's approval of one study revision and the verified SR / approved PDF it issued.
-- console_study_index: what the Studies page searches by (patient ID and name, accession, date, description; PHI,
-- never logged), filled by the console from one received instance of each study.
CREATE TABLE IF NOT EXISTS console_users (
  name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL, failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT, created_at TEXT NOT NULL, last_login_at TEXT);

CREATE TABLE IF NOT EXISTS console_approvals (
  id $identity$, study_uid TEXT NOT NULL, revision INTEGER NOT NULL, approved_by TEXT NOT NULL, approved_at TEXT NOT NULL,
  verified_sr_uid TEXT, verified_pdf_uid TEXT, UNIQUE (study_uid, revision));

CREATE TABLE IF NOT EXISTS console_study_index (
  study_uid TEXT PRIMARY KEY, patient_id TEXT NOT NULL, patient_name TEXT NOT NULL, patient_name_upper TEXT NOT NULL,
  accession TEXT NOT NULL, study_date TEXT NOT NULL, study_description TEXT NOT NULL);

CREATE INDEX IF NOT EXISTS ix_console_study_patient_id ON console_study_index (patient_id);
CREATE INDEX IF NOT EXISTS ix_console_study_patient_name ON console_study_index (patient_name_upper);
CREATE INDEX IF NOT EXISTS ix_console_study_accession ON console_study_index (accession);
CREATE INDEX IF NOT EXISTS ix_console_study_date ON console_study_index (study_date);
-- The Studies page lists newest first, optionally by state; the study's audit trail reads events by study.
CREATE INDEX IF NOT EXISTS ix_console_studies_last_received ON studies (last_received_at);
CREATE INDEX IF NOT EXISTS ix_console_studies_state_received ON studies (state, last_received_at);
CREATE INDEX IF NOT EXISTS ix_console_events_study ON events (study_uid, id);
