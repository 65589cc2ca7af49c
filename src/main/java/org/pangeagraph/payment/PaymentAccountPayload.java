package org.pangeagraph.payment;

import org.pangeagraph.entity.Node;

/**
 * What {@code upsertPaymentAccount} did.
 *
 * @param created whether the paymentAccount was new
 * @param paymentAccount the paymentAccount as it is now
 */
public record PaymentAccountPayload(boolean created, Node paymentAccount) {
}
