package org.pangeagraph.model;

import java.util.List;

/**
 * Entities and the links between them, for link charts and exports.
 *
 * @param nodes the entities
 * @param edges the links between them
 * @param truncated whether a node budget cut the subgraph short
 */
public record Subgraph(List<GraphNode> nodes, List<GraphEdge> edges, boolean truncated) {

    /** The HTTP request attribute under which an export leaves the subgraph it sent, for the audit trail. */
    public static final String DISCLOSED_ATTRIBUTE = Subgraph.class.getName() + ".disclosed";

    public Subgraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

}
