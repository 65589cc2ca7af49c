package org.pangeagraph.shipment;

import org.pangeagraph.entity.Node;

/**
 * What {@code upsertShipment} did.
 *
 * @param created whether the shipment was new
 * @param shipment the shipment as it is now
 */
public record ShipmentPayload(boolean created, Node shipment) {
}
