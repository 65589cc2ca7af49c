// The time USES_NAME_SERVER links were recorded, indexed as for every other type (V005): the change
// feed's reconciliation reads the links recorded since its last pass through it, type by type.
// Safe to run again (IF NOT EXISTS). Runs unchanged with cypher-shell.

CREATE INDEX link_recorded_at_uses_name_server IF NOT EXISTS FOR ()-[r:USES_NAME_SERVER]-() ON (r.recordedAt);
