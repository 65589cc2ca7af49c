// The time an entity's cases alone last changed. Another case taking an entity up, or leaving it,
// moves neither its updatedAt nor its version (which every reader sees) but this, which the API never
// shows; the change feed's reconciliation finds those changes through it.
// Safe to run again (IF NOT EXISTS). Runs unchanged with cypher-shell.

CREATE INDEX entity_tagged_at IF NOT EXISTS FOR (n:Entity) ON (n.taggedAt);
