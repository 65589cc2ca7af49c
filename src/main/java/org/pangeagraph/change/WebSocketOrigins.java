package org.pangeagraph.change;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a WebSocket upgrade to the subscriptions' path from a page of another origin
 * ({@code pangea.subscriptions.check-origin}, on in the production profile): a browser sends the sign-in
 * it saved for this server with an upgrade opened by any page, so without this check any site a signed-in
 * investigator visits could follow their alerts. Pages of the server's own origin, and the origins listed
 * in {@code pangea.subscriptions.allowed-origins}, may; a client that is no browser sends no Origin and is
 * let through to the sign-in like any other request.
 */
class WebSocketOrigins extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(WebSocketOrigins.class);

    private final Settings settings;

    WebSocketOrigins(Settings settings) {
        this.settings = settings;
    }

    /** {@code pangea.subscriptions.*}. */
    @ConfigurationProperties("pangea.subscriptions")
    record Settings(@DefaultValue("false") boolean checkOrigin, @DefaultValue List<String> allowedOrigins) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (this.settings.checkOrigin() && origin != null && !allowed(origin, request)) {
            log.info("Refused a WebSocket upgrade to {} from origin {} (pangea.subscriptions.allowed-origins)", request.getRequestURI(),
                    origin);
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "This origin may not open subscriptions");
            return;
        }
        chain.doFilter(request, response);
    }

    boolean allowed(String origin, HttpServletRequest request) {
        String normalised = normalise(origin);
        if (normalised == null) {
            return false;
        }
        String own = normalise(request.getScheme() + "://" + request.getHeader(HttpHeaders.HOST));
        return normalised.equals(own) || this.settings.allowedOrigins().stream().map(WebSocketOrigins::normalise).anyMatch(normalised::equals);
    }

    /** scheme://host:port in lower case, the port written out; null for what is no origin. */
    static String normalise(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") || scheme.equals("wss") ? 443 : 80;
            return scheme.replace("ws", "http") + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

}
