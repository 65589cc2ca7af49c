package org.pangeagraph.entity;

/**
 * An entity at the other end of a link, with the link: the GraphQL {@code Linked*} types.
 *
 * @param node the entity at the other end
 * @param link the link and its provenance
 */
public record Linked(Node node, LinkView link) {
}
