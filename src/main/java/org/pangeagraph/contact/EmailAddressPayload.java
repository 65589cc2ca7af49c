package org.pangeagraph.contact;

import org.pangeagraph.entity.Node;

/**
 * What {@code upsertEmailAddress} did.
 *
 * @param created whether the emailAddress was new
 * @param emailAddress the emailAddress as it is now
 */
public record EmailAddressPayload(boolean created, Node emailAddress) {
}
