/**
 * Parcels, couriers and products. Lookups by natural key, filtered lists, upserts; their inputs and payloads.
 */
package org.pangeagraph.shipment;
