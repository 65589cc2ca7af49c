package org.pangeagraph.operation;

import org.pangeagraph.entity.Node;

/**
 * What {@code upsertCountry} did.
 *
 * @param created whether the country was new
 * @param country the country as it is now
 */
public record CountryPayload(boolean created, Node country) {
}
