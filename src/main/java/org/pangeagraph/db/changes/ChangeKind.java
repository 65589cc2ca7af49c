package org.pangeagraph.db.changes;

/** What a change did: to an entity or to a link, created, changed or deleted. */
public enum ChangeKind {

    ENTITY_CREATED, ENTITY_CHANGED, ENTITY_DELETED, LINK_CREATED, LINK_CHANGED, LINK_DELETED;

    /** Whether the change is to a link (else to an entity). */
    public boolean link() {
        return this == LINK_CREATED || this == LINK_CHANGED || this == LINK_DELETED;
    }

    /** Whether the fact is gone after the change. */
    public boolean deletion() {
        return this == ENTITY_DELETED || this == LINK_DELETED;
    }

}
