package org.pangeagraph.model;

/**
 * Bad input from a caller: the offending field (as a path into the request, e.g. {@code input.domain})
 * and what is wrong with it. Answered as a GraphQL error with code {@code INVALID_INPUT}; nothing is
 * written.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String problem) {
        super(field + " " + problem, null, false, false);
        this.field = field;
    }

    public String field() {
        return this.field;
    }

    /** Runs {@code normaliser} on a value, naming {@code field} if it fails. */
    public static String check(String field, String value, KeyForm form) {
        if (value.length() > KeyForm.MAX_LENGTH) {
            throw new InvalidInputException(field, "is " + value.length() + " characters long; a key or id may have at most "
                    + KeyForm.MAX_LENGTH);
        }
        try {
            return form.normalise(value);
        }
        catch (InvalidValueException ex) {
            throw new InvalidInputException(field, "'" + abbreviate(value) + "' " + ex.getMessage());
        }
    }

    static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }

}
