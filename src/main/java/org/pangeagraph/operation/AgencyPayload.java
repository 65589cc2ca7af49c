package org.pangeagraph.operation;

import org.pangeagraph.entity.Node;

/**
 * What {@code upsertAgency} did.
 *
 * @param created whether the agency was new
 * @param agency the agency as it is now
 */
public record AgencyPayload(boolean created, Node agency) {
}
