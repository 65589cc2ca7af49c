package org.pangeagraph.people;

import org.pangeagraph.entity.Node;

/**
 * What {@code upsertPerson} did.
 *
 * @param created whether the person was new
 * @param person the person as it is now
 */
public record PersonPayload(boolean created, Node person) {
}
