-- Schema version 6: the lesion registry and its follow-up (docs/outcomes.md), in tables prefixed registry_.
-- registry_patients: one row per Patient ID (0010,0020) + Issuer of Patient ID (0010,0021) ('' when not given). PHI.
-- registry_treatments: one row per Y-90 PET study (the treatment); study_date is the PET's Study Date (YYYY-MM-DD), the
--   origin of progression-free survival; plan_ref is the plan that preceded it (NULL until the planning work links one).
-- registry_lesions: a lesion's stable identity across revisions: its ROI name normalised (trimmed, inner spaces
--   collapsed, upper case) within its treatment; roi_name is the name as last written.
-- registry_lesion_figures: the audited figures of each computed revision (from results.json, computations.id);
--   doses in Gy, cov a fraction, volume in mL, longest axial diameter in mm from the contour points; tdp_gy (planned
--   lesion dose) stays NULL until a plan is linked.
-- registry_followups: one mRECIST assessment of a lesion (CR|PR|SD|PD) on a date; progression_on when progression was
--   found at that visit otherwise than as PD of the lesion.
-- registry_covariates: a patient's clinical covariates, one row per (patient, name); value is text in the unit of the
--   name (docs/outcomes.md).
-- registry_changes: every change made to follow-up and covariates: who, when, from which file and line, old and new value.
CREATE TABLE IF NOT EXISTS registry_patients (
  id $identity$, patient_id TEXT NOT NULL, issuer TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (patient_id, issuer));

CREATE TABLE IF NOT EXISTS registry_treatments (
  id $identity$, patient_ref BIGINT NOT NULL REFERENCES registry_patients (id), study_uid TEXT NOT NULL UNIQUE, study_date TEXT,
  plan_ref TEXT, created_at TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS registry_lesions (
  id $identity$, treatment_ref BIGINT NOT NULL REFERENCES registry_treatments (id), roi_key TEXT NOT NULL, roi_name TEXT NOT NULL,
  created_at TEXT NOT NULL, UNIQUE (treatment_ref, roi_key));

CREATE TABLE IF NOT EXISTS registry_lesion_figures (
  id $identity$, lesion_ref BIGINT NOT NULL REFERENCES registry_lesions (id), revision INTEGER NOT NULL, computation_id BIGINT NOT NULL,
  roi_name TEXT NOT NULL, tdv_gy DOUBLE PRECISION, sd_gy DOUBLE PRECISION, cov DOUBLE PRECISION, d70_gy DOUBLE PRECISION,
  v100_percent DOUBLE PRECISION, volume_ml DOUBLE PRECISION, longest_axial_diameter_mm DOUBLE PRECISION, tdp_gy DOUBLE PRECISION,
  recorded_at TEXT NOT NULL, UNIQUE (lesion_ref, revision));

CREATE TABLE IF NOT EXISTS registry_followups (
  id $identity$, lesion_ref BIGINT NOT NULL REFERENCES registry_lesions (id), assessed_on TEXT NOT NULL, response TEXT NOT NULL,
  progression_on TEXT, UNIQUE (lesion_ref, assessed_on));

CREATE TABLE IF NOT EXISTS registry_covariates (
  patient_ref BIGINT NOT NULL REFERENCES registry_patients (id), name TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (patient_ref, name));

CREATE TABLE IF NOT EXISTS registry_changes (
  id $identity$, changed_at TEXT NOT NULL, changed_by TEXT NOT NULL, source TEXT NOT NULL, entity TEXT NOT NULL, entity_key TEXT NOT NULL,
  field TEXT NOT NULL, old_value TEXT, new_value TEXT);

CREATE INDEX IF NOT EXISTS ix_registry_treatments_patient ON registry_treatments (patient_ref);
CREATE INDEX IF NOT EXISTS ix_registry_changes_key ON registry_changes (entity, entity_key);
