package org.pangeagraph.operation;

import org.pangeagraph.entity.Node;

/**
 * What {@code upsertOperation} did.
 *
 * @param created whether the operation was new
 * @param operation the operation as it is now
 */
public record OperationPayload(boolean created, Node operation) {
}
