package org.pangeagraph.db;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns the database start-up failures an operator can fix (store in use, port taken, an edited
 * schema script) into a description and an action, instead of a stack trace.
 */
class StartupFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EmbeddedDatabaseException ex) {
                return new FailureAnalysis(ex.getMessage(), ex.action(), null);
            }
            if (t instanceof Migrations.MigrationException ex) {
                return new FailureAnalysis(ex.getMessage(), ex.action(), null);
            }
        }
        return null;
    }

}
