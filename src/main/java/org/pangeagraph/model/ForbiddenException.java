package org.pangeagraph.model;

/**
 * The caller may not do this: a write by a read-only user, a tag with a case the caller is not a
 * member of. Answered with code {@code FORBIDDEN}; nothing is written.
 */
public class ForbiddenException extends RuntimeException {

    private final String field;

    public ForbiddenException(String field, String problem) {
        super(problem, null, false, false);
        this.field = field;
    }

    public String field() {
        return this.field;
    }

}
