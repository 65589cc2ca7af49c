package org.pangeagraph.model;

import java.util.Map;

/**
 * An entity in a subgraph or a path, as link-analysis tools take it.
 *
 * @param id the entity's id
 * @param kind its kind
 * @param caption its caption
 * @param properties all its stored properties
 */
public record GraphNode(String id, NodeKind kind, String caption, Map<String, Object> properties) {

    /** A node from its stored properties, without the application's internal marks. */
    public static GraphNode of(NodeKind kind, Map<String, Object> stored) {
        Map<String, Object> properties = InternalProperties.strip(stored);
        return new GraphNode((String) properties.get("id"), kind, kind.caption(properties), properties);
    }

}
