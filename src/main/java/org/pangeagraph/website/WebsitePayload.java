package org.pangeagraph.website;

import org.pangeagraph.entity.Node;

/**
 * What {@code upsertWebsite} did.
 *
 * @param created whether the website was new
 * @param website the website as it is now
 */
public record WebsitePayload(boolean created, Node website) {
}
