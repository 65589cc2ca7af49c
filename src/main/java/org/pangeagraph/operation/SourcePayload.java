package org.pangeagraph.operation;

import org.pangeagraph.entity.Node;

/**
 * What {@code upsertSource} did.
 *
 * @param created whether the source was new
 * @param source the source as it is now
 */
public record SourcePayload(boolean created, Node source) {
}
