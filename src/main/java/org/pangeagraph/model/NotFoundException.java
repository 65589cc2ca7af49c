package org.pangeagraph.model;

/**
 * An entity that does not exist or that the caller may not see: both answer the same, so that an
 * invisible entity's existence does not leak. Answered with code {@code NOT_FOUND}.
 */
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String field, String what) {
        super("No " + what + " found", null, false, false);
        this.field = field;
    }

    public String field() {
        return this.field;
    }

}
