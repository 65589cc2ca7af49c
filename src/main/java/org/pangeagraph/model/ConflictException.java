package org.pangeagraph.model;

/**
 * A write that would contradict the graph as it is now: a stale version, a key taken by another
 * entity. Answered with code {@code CONFLICT}; nothing is written.
 */
public class ConflictException extends RuntimeException {

    private final String field;

    public ConflictException(String field, String problem) {
        super(problem, null, false, false);
        this.field = field;
    }

    public String field() {
        return this.field;
    }

}
