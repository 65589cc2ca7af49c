package org.pangeagraph.people;

import org.pangeagraph.entity.Node;

/**
 * What {@code upsertCompany} did.
 *
 * @param created whether the company was new
 * @param company the company as it is now
 */
public record CompanyPayload(boolean created, Node company) {
}
