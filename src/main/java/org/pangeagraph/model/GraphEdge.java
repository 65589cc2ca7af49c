package org.pangeagraph.model;

import java.util.Map;

/**
 * A link in a subgraph or a path.
 *
 * @param id the link's id
 * @param type its relationship type
 * @param source the id of the entity it starts from
 * @param target the id of the entity it ends at
 * @param properties its provenance and other properties
 */
public record GraphEdge(String id, RelationshipType type, String source, String target, Map<String, Object> properties) {

    /** An edge from its stored properties, without the application's internal marks. */
    public static GraphEdge of(RelationshipType type, String source, String target, Map<String, Object> stored) {
        Map<String, Object> properties = InternalProperties.strip(stored);
        return new GraphEdge((String) properties.get("id"), type, source, target, properties);
    }

}
