package org.pangeagraph.model;

/**
 * A value that has no normal form or breaks a rule of the data contract. It says what is wrong with
 * the value; {@link InvalidInputException} adds which input field held it.
 */
public class InvalidValueException extends RuntimeException {

    public InvalidValueException(String problem) {
        super(problem, null, false, false);
    }

}
