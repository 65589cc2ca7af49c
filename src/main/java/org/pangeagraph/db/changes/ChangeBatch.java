package org.pangeagraph.db.changes;

import java.util.List;

/**
 * The changes one committed write made, in the order of the feed: {@code first} is the sequence of the
 * first, the others follow without gaps. A large write is stored as several batches.
 */
public record ChangeBatch(long first, List<Change> changes) {

    public ChangeBatch {
        changes = List.copyOf(changes);
    }

    /** The sequence of the last change. */
    public long last() {
        return this.first + this.changes.size() - 1;
    }

}
