-- Schema version 4: the dose method an operator asked for (voxdose studies reprocess --method); NULL means the
-- node's Processing:Method.
ALTER TABLE studies ADD COLUMN method TEXT;
