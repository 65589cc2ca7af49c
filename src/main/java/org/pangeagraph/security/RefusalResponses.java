package org.pangeagraph.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pangeagraph.web.ErrorCode;
import org.pangeagraph.web.ErrorResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a request without valid credentials (401), one whose sign-in must wait after too many failed
 * ones (429 with {@code Retry-After}), or one without a role that allows it (403) the way
 * the endpoint answers its other errors: a GraphQL response with {@code extensions.code} on
 * {@code /graphql}, the JSON body of the REST errors elsewhere. The 401 names every way to sign in
 * that is configured, so that a browser opening GraphiQL asks for a user name and password; to a page's
 * script (the explorer) it names no Basic challenge, which would open the browser's dialog over the page.
 */
final class RefusalResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "Pangea Graph";

    private final boolean basic;

    private final boolean bearer;

    RefusalResponses(boolean basic, boolean bearer) {
        this.basic = basic;
        this.bearer = bearer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        if (ex instanceof SignInThrottledException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
            ErrorResponses.write(response, ErrorResponses.graphQl(request), HttpStatus.TOO_MANY_REQUESTS.value(),
                    ErrorCode.LIMIT_EXCEEDED, throttled.getMessage(), Map.of("limit", "failed-sign-ins"));
            return;
        }
        if (this.basic && !fromScript(request)) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        if (this.bearer) {
            boolean tokenSent = String.valueOf(request.getHeader(HttpHeaders.AUTHORIZATION)).regionMatches(true, 0, "Bearer ", 0, 7);
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer realm=\"" + REALM + "\"" + (tokenSent ? ", error=\"invalid_token\"" : ""));
        }
        ErrorResponses.write(request, response, ErrorCode.UNAUTHENTICATED,
                "Sign in first: a user name and password, or a bearer token from the identity provider");
    }

    /**
     * Whether a page's script sent the request (it says so with {@code X-Requested-With: XMLHttpRequest}, as
     * the explorer does): a Basic challenge would make the browser open its own sign-in dialog over the
     * page's sign-in form, so the script gets the 401 and its error body without it.
     */
    private static boolean fromScript(HttpServletRequest request) {
        return "XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex) throws IOException {
        ErrorResponses.write(request, response, ErrorCode.FORBIDDEN,
                "Your account has no role that allows this (VIEWER, INVESTIGATOR or ADMIN)");
    }

}
