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

    public Subgraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

}
