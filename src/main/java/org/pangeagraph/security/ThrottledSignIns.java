package org.pangeagraph.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Signs in built-in users with their passwords under the {@link SignInThrottle}: an attempt whose user
 * name or client address must wait is refused unchecked ({@link SignInThrottledException}, HTTP 429),
 * before even the remembered sign-ins are consulted, so that a waiting client cannot try passwords
 * against them at full speed; every wrong password and every refusal is accounted for in the audit
 * trail ({@link SignInFailures}). A right password costs one look-up in the throttle's tables.
 */
final class ThrottledSignIns implements AuthenticationProvider {

    private final RememberedSignIns passwords;

    private final SignInThrottle throttle;

    private final SignInFailures failures;

    ThrottledSignIns(RememberedSignIns passwords, SignInThrottle throttle, SignInFailures failures) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.failures = failures;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String client = client(authentication);
        SignInThrottle.Refusal waiting = this.throttle.waiting(user, client);
        if (waiting != null) {
            throw refused(user, client, waiting);
        }
        Authentication known = this.passwords.remembered(authentication);
        if (known != null) {
            if (!this.throttle.isTrusted(user, client)) {
                this.throttle.trust(user, client);
            }
            return known;
        }
        try {
            return this.passwords.check(authentication, () -> {
                Object admitted = this.throttle.admit(user, client);
                if (admitted instanceof SignInThrottle.Refusal refusal) {
                    throw new SignInThrottledException(refusal.message(), refusal.retryAfterSeconds());
                }
                return ((SignInThrottle.Attempt) admitted)::succeeded;
            });
        }
        catch (SignInThrottledException ex) {
            this.failures.throttled(user, client, FailedSignIn.Way.PASSWORD);
            throw ex;
        }
        catch (AuthenticationException ex) {
            this.failures.wrongPassword(user, client);
            throw ex;
        }
    }

    private SignInThrottledException refused(String user, String client, SignInThrottle.Refusal refusal) {
        this.failures.throttled(user, client, FailedSignIn.Way.PASSWORD);
        return new SignInThrottledException(refusal.message(), refusal.retryAfterSeconds());
    }

    /** The client's address, as the sign-in filter noted it (behind a proxy: see server.forward-headers-strategy). */
    static String client(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

}
