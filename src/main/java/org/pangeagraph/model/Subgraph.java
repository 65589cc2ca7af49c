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

    /** The subgraph as the caller may read it: case numbers cut to theirs ({@link Visibility#shown}). */
    public Subgraph shownTo(Visibility visibility) {
        return new Subgraph(
                this.nodes.stream().map(n -> new GraphNode(n.id(), n.kind(), n.caption(), visibility.shown(n.properties()))).toList(),
                this.edges.stream().map(e -> new GraphEdge(e.id(), e.type(), e.source(), e.target(), visibility.shown(e.properties())))
                    .toList(),
                this.truncated);
    }

}
