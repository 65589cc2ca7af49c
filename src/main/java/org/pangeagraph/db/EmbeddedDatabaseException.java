package org.pangeagraph.db;

/**
 * The embedded database cannot start. Reported at start-up by {@link StartupFailureAnalyzer} as a
 * description and an action, without a stack trace.
 */
public class EmbeddedDatabaseException extends RuntimeException {

    private final String action;

    public EmbeddedDatabaseException(String description, String action) {
        super(description);
        this.action = action;
    }

    public String action() {
        return this.action;
    }

}
