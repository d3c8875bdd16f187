-- Schema version 7 (6 is the lesion registry): each patient's plans and the plan each Y-90 study linked
-- (docs/planning.md). patient_id and issuer_of_patient_id are PHI: kept for the site's own linking, never logged.
-- plans: one row per computed plan revision of a Tc-99m MAA study; study_date is the MAA study's (YYYYMMDD), what
-- the link window counts from; lesions is JSON [{"name", "tdpGy"}] as in plan.json.
-- plan_links: one row per Y-90 study revision: the plan linked (NULL: none, and reason says why) and the match
-- (JSON: matched lesions with TDp and TDv, unmatched on both sides).
CREATE TABLE IF NOT EXISTS plans (
  id $identity$, study_uid TEXT NOT NULL, revision INTEGER NOT NULL, patient_id TEXT, issuer_of_patient_id TEXT,
  study_date TEXT, computed_at TEXT NOT NULL, plan_json_path TEXT NOT NULL, frame_of_reference_uid TEXT,
  lesions TEXT NOT NULL, UNIQUE (study_uid, revision));
CREATE INDEX IF NOT EXISTS ix_plans_patient ON plans (patient_id, issuer_of_patient_id, study_date);

CREATE TABLE IF NOT EXISTS plan_links (
  id $identity$, study_uid TEXT NOT NULL, revision INTEGER NOT NULL, plan_id INTEGER, linked_at TEXT NOT NULL,
  reason TEXT NOT NULL, match TEXT, UNIQUE (study_uid, revision));
