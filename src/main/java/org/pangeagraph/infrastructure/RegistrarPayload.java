package org.pangeagraph.infrastructure;

import org.pangeagraph.entity.Node;

/**
 * What {@code upsertRegistrar} did.
 *
 * @param created whether the registrar was new
 * @param registrar the registrar as it is now
 */
public record RegistrarPayload(boolean created, Node registrar) {
}
