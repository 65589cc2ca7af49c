package org.pangeagraph.model;

import java.util.Map;

/**
 * A link in a subgraph or a path.
 *
 * @param id the link's id
 * @param type its relationship type; null for a step through a SAME_AS cluster ({@link #sameAs})
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

    /**
     * A step through a SAME_AS cluster, shown only by traversals asked with {@code resolve: true}: a
     * standing positive judgement ({@link JudgementType#SAME_AS}) with its stored properties (who judged,
     * when, the note, its cases). It has no relationship type, since a judgement is no link of the world.
     */
    public static GraphEdge sameAs(String source, String target, Map<String, Object> stored) {
        Map<String, Object> properties = InternalProperties.strip(stored);
        return new GraphEdge((String) properties.get("id"), null, source, target, properties);
    }

    /** Whether this is a step through a SAME_AS cluster rather than a link. */
    public boolean isSameAs() {
        return this.type == null;
    }

}
