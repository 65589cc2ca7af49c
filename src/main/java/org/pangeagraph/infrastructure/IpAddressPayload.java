package org.pangeagraph.infrastructure;

import org.pangeagraph.entity.Node;

/**
 * What {@code upsertIpAddress} did.
 *
 * @param created whether the ipAddress was new
 * @param ipAddress the ipAddress as it is now
 */
public record IpAddressPayload(boolean created, Node ipAddress) {
}
