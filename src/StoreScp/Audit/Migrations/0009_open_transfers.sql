-- Schema version 9 (8 is the node column of the work rows): the associations still delivering each
-- study, on every node of a cluster (src/StoreScp/Assembly/ActiveTransfers.cs). One row per association and study,
-- written on the association's first instance of the study and deleted when the association closes. node_id is the
-- node holding the association (Scheduler:InstanceId); heartbeat_at is renewed by that node every
-- Scp:TransferHeartbeatSeconds, so the row of a node that died is ignored once older than Scp:TransferExpirySeconds
-- and then deleted by any node. association_id is the node's row in associations.
CREATE TABLE IF NOT EXISTS open_transfers (
  association_id BIGINT NOT NULL, study_uid TEXT NOT NULL, node_id TEXT NOT NULL, started_at TEXT NOT NULL,
  heartbeat_at TEXT NOT NULL, PRIMARY KEY (association_id, study_uid));
CREATE INDEX IF NOT EXISTS ix_open_transfers_study ON open_transfers (study_uid, heartbeat_at);
CREATE INDEX IF NOT EXISTS ix_open_transfers_node ON open_transfers (node_id);
