package org.pangeagraph.contact;

import org.pangeagraph.entity.Node;

/**
 * What {@code upsertAddress} did.
 *
 * @param created whether the address was new
 * @param address the address as it is now
 */
public record AddressPayload(boolean created, Node address) {
}
