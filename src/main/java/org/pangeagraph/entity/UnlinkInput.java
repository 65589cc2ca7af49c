package org.pangeagraph.entity;

import org.pangeagraph.model.RelationshipType;

/** Which links to remove: one by id, or all of a type between two entities (from one source). */
public record UnlinkInput(String linkId, RelationshipType type, EntityRef from, EntityRef to, String source) {
}
