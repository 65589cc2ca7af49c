package org.pangeagraph.db.changes;

import java.util.List;

/**
 * An entity as a change names it: its id (null only for an entity written without one and not yet
 * completed by the post-import pass), its kind (the model's {@code NodeKind} name), its key and caption
 * as they were at the change, and its cases (for need-to-know).
 *
 * @param elementId the database's own id of the node, for the application to find an entity not yet
 * given an id; never shown to users
 */
public record ChangedEntity(String id, String kind, String key, String caption, List<String> cases, String elementId) {

    public ChangedEntity {
        cases = cases == null ? List.of() : List.copyOf(cases);
    }

}
