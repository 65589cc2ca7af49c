package org.pangeagraph.audit;

/**
 * When a request must say why it is made ({@code X-Justification} header or the request extension
 * {@code justification}), as the Law Enforcement Directive asks of every consultation and disclosure.
 */
public enum JustificationPolicy {

    /** Never required; recorded when given. */
    NEVER,

    /**
     * Required for case data: a query or export whose answer holds a fact tagged with a case is
     * withheld without one, and every mutation needs one (a write may touch a case's facts in ways
     * known only once written).
     */
    CASE_DATA,

    /** Required for every operation except schema introspection. */
    ALWAYS;

    /** Whether an operation of this type must carry a justification before it runs. */
    boolean requiredBefore(String operationType) {
        return this == ALWAYS || (this == CASE_DATA && !"QUERY".equals(operationType));
    }

    /**
     * Whether an answer touching these cases may only be sent with a justification (under ALWAYS an
     * operation without one never ran, schema introspection aside, which touches no case).
     */
    boolean requiredFor(java.util.Collection<String> cases) {
        return this != NEVER && !cases.isEmpty();
    }

}
