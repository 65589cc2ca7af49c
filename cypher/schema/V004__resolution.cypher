// Entity resolution: judgements (SAME_AS, NOT_SAME_AS, UNSURE_SAME_AS) found by id for retraction, and
// the entities an import left as written because their key in normal form was another's.

CREATE INDEX judgement_id_same_as IF NOT EXISTS FOR ()-[r:SAME_AS]-() ON (r.id);
CREATE INDEX judgement_id_not_same_as IF NOT EXISTS FOR ()-[r:NOT_SAME_AS]-() ON (r.id);
CREATE INDEX judgement_id_unsure_same_as IF NOT EXISTS FOR ()-[r:UNSURE_SAME_AS]-() ON (r.id);
CREATE INDEX entity_key_collision IF NOT EXISTS FOR (n:Entity) ON (n._keyCollision);
