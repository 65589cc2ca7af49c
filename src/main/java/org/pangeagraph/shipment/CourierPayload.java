package org.pangeagraph.shipment;

import org.pangeagraph.entity.Node;

/**
 * What {@code upsertCourier} did.
 *
 * @param created whether the courier was new
 * @param courier the courier as it is now
 */
public record CourierPayload(boolean created, Node courier) {
}
