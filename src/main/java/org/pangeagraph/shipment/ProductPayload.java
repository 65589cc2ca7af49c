package org.pangeagraph.shipment;

import org.pangeagraph.entity.Node;

/**
 * What {@code upsertProduct} did.
 *
 * @param created whether the product was new
 * @param product the product as it is now
 */
public record ProductPayload(boolean created, Node product) {
}
