package org.pangeagraph.security;

import org.springframework.security.authentication.AccountStatusException;

/**
 * A sign-in refused unchecked because its user name or client address has failed too often lately;
 * answered with HTTP 429 and {@code Retry-After}. An account status (as a locked account is), so that no
 * other way of checking the password is tried.
 */
final class SignInThrottledException extends AccountStatusException {

    private final long retryAfterSeconds;

    SignInThrottledException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return this.retryAfterSeconds;
    }

}
