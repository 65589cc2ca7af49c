package org.pangeagraph.db;

/** A statement ran past its transaction timeout and was stopped. Answered with code {@code TIMEOUT}. */
public class QueryTimeoutException extends RuntimeException {

    public QueryTimeoutException(Throwable cause) {
        super("The query ran past its time limit and was stopped; narrow it (fewer hops, fewer ids, a smaller page)", cause);
    }

}
