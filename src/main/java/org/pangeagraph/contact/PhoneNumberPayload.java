package org.pangeagraph.contact;

import org.pangeagraph.entity.Node;

/**
 * What {@code upsertPhoneNumber} did.
 *
 * @param created whether the phoneNumber was new
 * @param phoneNumber the phoneNumber as it is now
 */
public record PhoneNumberPayload(boolean created, Node phoneNumber) {
}
