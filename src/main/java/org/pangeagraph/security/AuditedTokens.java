package org.pangeagraph.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Signs in holders of bearer tokens and accounts for every token refused (forged, expired, malformed)
 * in the audit trail, counted per client address. Tokens are not slowed down: a signature cannot be
 * guessed, and counting them keeps a flood of them from becoming a flood of records.
 */
final class AuditedTokens implements AuthenticationProvider {

    private final AuthenticationProvider tokens;

    private final SignInFailures failures;

    AuditedTokens(AuthenticationProvider tokens, SignInFailures failures) {
        this.tokens = tokens;
        this.failures = failures;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            return this.tokens.authenticate(authentication);
        }
        catch (AuthenticationException ex) {
            this.failures.invalidToken(ThrottledSignIns.client(authentication));
            throw ex;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return this.tokens.supports(authentication);
    }

}
