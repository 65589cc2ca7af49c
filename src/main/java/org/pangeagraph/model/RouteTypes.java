package org.pangeagraph.model;

import java.util.Arrays;
import java.util.List;

/**
 * The relationship types of the routes from a website to the items it may share
 * ({@link InfrastructureKind}), each once, as the slots of statements that match every route at once:
 * {@code (w)-[a1:{{oneLink}}]-(i)} and {@code (w)-[a1:{{twoLinkFirst}}]-(am)-[a2:{{twoLinkSecond}}]->(i)}.
 *
 * @param oneLink the types of one-link routes
 * @param twoLinkFirst the types of the first links of two-link routes
 * @param twoLinkSecond the types of the second links of two-link routes
 */
public record RouteTypes(List<RelationshipType> oneLink, List<RelationshipType> twoLinkFirst,
        List<RelationshipType> twoLinkSecond) {

    /** The routes of the model. */
    public static final RouteTypes MODEL = new RouteTypes(
            Arrays.stream(InfrastructureKind.values()).filter(k -> !k.twoHops()).map(InfrastructureKind::first).distinct().toList(),
            Arrays.stream(InfrastructureKind.values()).filter(InfrastructureKind::twoHops).map(InfrastructureKind::first).distinct()
                .toList(),
            Arrays.stream(InfrastructureKind.values()).filter(InfrastructureKind::twoHops).map(InfrastructureKind::second)
                .distinct().toList());

}
