-- Schema version 8: which node did the work (Scheduler:InstanceId, or host:port for AUTO), for a cluster of nodes on
-- one PostgreSQL database; on SQLite it names the single node. NULL on rows written before version 8.
ALTER TABLE computations ADD COLUMN node TEXT;
ALTER TABLE export_attempts ADD COLUMN node TEXT;
ALTER TABLE events ADD COLUMN node TEXT;
ALTER TABLE associations ADD COLUMN node TEXT;
