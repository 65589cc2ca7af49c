package org.pangeagraph.db;

/** The database cannot be reached right now; the request may be retried. Answered with code {@code DATABASE_UNAVAILABLE}. */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(Throwable cause) {
        super("The graph database is not reachable right now; try again shortly", cause);
    }

}
