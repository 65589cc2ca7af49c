package org.pangeagraph.security;

import java.time.Instant;

/**
 * Sign-in attempts that failed, published for the audit trail: one wrong password (one event each), or
 * the attempts of a period counted together: those refused unchecked while their user name or client
 * address was being slowed down, and bearer tokens that were not valid (which cannot be guessed, so
 * they are counted but not slowed down).
 *
 * @param time when the (first) attempt arrived
 * @param lastTime when the last attempt counted here arrived
 * @param user the user name tried; null for a bearer token, whose claims are not to be believed
 * @param client the client's address
 * @param way how the client tried to sign in
 * @param throttled whether the attempts were refused unchecked (HTTP 429) rather than checked and wrong (401)
 * @param attempts how many attempts this stands for
 */
public record FailedSignIn(Instant time, Instant lastTime, String user, String client, Way way, boolean throttled,
        long attempts) {

    /** The ways to sign in. */
    public enum Way {
        /** A built-in user's name and password over HTTP Basic. */
        PASSWORD,
        /** A bearer token from the identity provider. */
        TOKEN
    }

}
