package org.pangeagraph.security;

/**
 * The security configuration cannot be used: a misconfigured built-in user, or demo users in the
 * {@code production} profile. Reported at start-up as a description and an action, without a stack
 * trace, by {@link SecurityFailureAnalyzer}.
 */
class SecurityConfigurationException extends RuntimeException {

    private final String action;

    SecurityConfigurationException(String description, String action) {
        super(description, null, false, false);
        this.action = action;
    }

    String action() {
        return this.action;
    }

}
