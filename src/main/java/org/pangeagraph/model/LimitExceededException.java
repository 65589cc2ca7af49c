package org.pangeagraph.model;

/**
 * A request wider than the API allows (depth, page size, hop bound, node budget). Answered with code
 * {@code LIMIT_EXCEEDED}: a wider request is an error, never a silent cut.
 */
public class LimitExceededException extends RuntimeException {

    private final String field;

    public LimitExceededException(String field, String problem) {
        super(field + " " + problem, null, false, false);
        this.field = field;
    }

    public String field() {
        return this.field;
    }

    /** Checks {@code 1 <= value <= max}. */
    public static int bounded(String field, int value, int max) {
        return bounded(field, value, 1, max);
    }

    /** Checks {@code min <= value <= max}. */
    public static int bounded(String field, int value, int min, int max) {
        if (value < min) {
            throw new InvalidInputException(field, "must be at least " + min);
        }
        if (value > max) {
            throw new LimitExceededException(field, "is " + value + "; the most allowed is " + max);
        }
        return value;
    }

}
