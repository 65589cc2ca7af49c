package org.pangeagraph.security;

import org.pangeagraph.model.Caller;
import org.pangeagraph.model.CallerResolver;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller of the current request, from whoever Spring Security signed in: a built-in user or the
 * holder of a bearer token. There is no anonymous caller: the filter chain refuses requests without
 * credentials before they reach a controller.
 */
final class AuthenticatedCallers implements CallerResolver {

    @Override
    public Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("No signed-in user for this request");
        }
        return Grants.caller(authentication.getName(), authentication.getAuthorities());
    }

}
