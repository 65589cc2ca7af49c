package org.pangeagraph.infrastructure;

import org.pangeagraph.entity.Node;

/**
 * What {@code upsertHostingProvider} did.
 *
 * @param created whether the hostingProvider was new
 * @param hostingProvider the hostingProvider as it is now
 */
public record HostingProviderPayload(boolean created, Node hostingProvider) {
}
