package org.pangeagraph.operation;

import org.pangeagraph.entity.Node;

/**
 * What {@code upsertCase} did.
 *
 * @param created whether the case was new
 * @param caseNode the case as it is now, the payload's {@code case} field
 */
public record CasePayload(boolean created, Node caseNode) {

    /** The GraphQL field {@code case}, a word Java keeps for itself. */
    public Node getCase() {
        return this.caseNode;
    }

}
