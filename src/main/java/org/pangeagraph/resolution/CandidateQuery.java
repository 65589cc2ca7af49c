package org.pangeagraph.resolution;

/** Placeholder while the query is written. */
final class CandidateQuery {

    /** The score a candidate needs to be proposed when the caller names no other. */
    static final double DEFAULT_MIN_SCORE = 0.7;

    private CandidateQuery() {
    }

}
