-- Schema version 3: what a user searches studies by (audit list --patient/--accession/--date). These are PHI:
-- stored for the site's own audit, never written to logs.
ALTER TABLE studies ADD COLUMN patient_id TEXT;
ALTER TABLE studies ADD COLUMN accession_number TEXT;
ALTER TABLE studies ADD COLUMN study_date TEXT;
CREATE INDEX IF NOT EXISTS ix_studies_patient ON studies (patient_id);
CREATE INDEX IF NOT EXISTS ix_studies_accession ON studies (accession_number);
