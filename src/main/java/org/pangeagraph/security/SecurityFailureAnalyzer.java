package org.pangeagraph.security;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Turns a security configuration the application refuses to start with into a description and an action. */
class SecurityFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SecurityConfigurationException ex) {
                return new FailureAnalysis(ex.getMessage(), ex.action(), null);
            }
        }
        return null;
    }

}
