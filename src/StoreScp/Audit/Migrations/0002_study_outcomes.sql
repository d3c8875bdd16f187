-- Schema version 2: explicit study outcomes. reason: why a study ended Ignored or NotExported; attempts and
-- retry_at: how often a Failed study was tried and when it is tried again (NULL: not retried automatically).
ALTER TABLE studies ADD COLUMN reason TEXT;
ALTER TABLE studies ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE studies ADD COLUMN retry_at TEXT;
CREATE INDEX IF NOT EXISTS ix_studies_state ON studies (state, retry_at);
