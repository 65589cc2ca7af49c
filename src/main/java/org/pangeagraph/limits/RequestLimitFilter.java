package org.pangeagraph.limits;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pangeagraph.model.CallerResolver;
import org.pangeagraph.web.ErrorCode;
import org.pangeagraph.web.ErrorResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admits requests to {@code /graphql} and {@code /export/} within the caller's rate and concurrency
 * limits, and answers the others with HTTP 429 and {@code Retry-After}; notes when each request
 * arrived, for the request timeout.
 */
class RequestLimitFilter extends OncePerRequestFilter {

    /** The request attribute holding {@link System#nanoTime()} at the request's arrival. */
    static final String ARRIVAL = RequestLimitFilter.class.getName() + ".arrival";

    private final PerUserLimits limits;

    private final CallerResolver callers;

    private final String graphQlPath;

    RequestLimitFilter(PerUserLimits limits, CallerResolver callers, String graphQlPath) {
        this.limits = limits;
        this.callers = callers;
        this.graphQlPath = graphQlPath;
    }

    /** How many admitted requests of {@code user} are running. */
    int running(String user) {
        return this.limits.running(user);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(ARRIVAL, System.nanoTime());
        String user = this.callers.current().name();
        PerUserLimits.Refusal refusal = this.limits.admit(user);
        if (refusal != null) {
            refuse(request, response, refusal);
            return;
        }
        try {
            chain.doFilter(request, response);
        }
        finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Release(user));
            }
            else {
                this.limits.release(user);
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, PerUserLimits.Refusal refusal)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refusal.retryAfterSeconds()));
        ErrorResponses.write(response, request.getRequestURI().equals(request.getContextPath() + this.graphQlPath),
                HttpStatus.TOO_MANY_REQUESTS.value(), ErrorCode.LIMIT_EXCEEDED, refusal.message(), Map.of("limit", refusal.limit()));
    }

    /** Ends a request that went on asynchronously (a GraphQL operation) when its answer is complete. */
    private final class Release implements AsyncListener {

        private final String user;

        Release(String user) {
            this.user = user;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            RequestLimitFilter.this.limits.release(this.user);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }

    }

}
