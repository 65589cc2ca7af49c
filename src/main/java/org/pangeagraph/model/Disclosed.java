package org.pangeagraph.model;

import java.util.List;

/**
 * A value an answer holds that is neither an entity nor a link but tells of them, such as a resolution
 * candidate or a judgement: the audit trail records its cases and the entities it is about, as it
 * records those of entities and links.
 */
public interface Disclosed {

    /** The case numbers of the fact itself (a judgement's own cases); empty for none. */
    List<String> cases();

    /** The entities (and links) it is about, as the answer resolves them. */
    List<Object> about();

    /** The ids of entities it names without resolving them (a SAME_AS step's two ends); empty for none. */
    default List<String> entityIds() {
        return List.of();
    }

}
