package org.pangeagraph.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pangeagraph.model.Caller;
import org.pangeagraph.model.CallerResolver;
import org.pangeagraph.model.GraphEdge;
import org.pangeagraph.model.GraphNode;
import org.pangeagraph.model.Subgraph;
import org.pangeagraph.web.ErrorCode;
import org.pangeagraph.web.ErrorResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audits what the GraphQL interceptor cannot: exports ({@code /export/**}), one record each with the
 * entities of the file sent, and requests to {@code /graphql} refused before they became an operation
 * (wrong method or media type, a batch, a rate limit). An export's file is held back until its record
 * is on disk, and withheld when it holds case data and the policy asks for a justification.
 */
class HttpAuditFilter extends OncePerRequestFilter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditTrail trail;

    private final CallerResolver callers;

    private final Clock clock;

    HttpAuditFilter(AuditTrail trail, CallerResolver callers, Clock clock) {
        this.trail = trail;
        this.callers = callers;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Instant time = this.clock.instant();
        long started = System.nanoTime();
        if (request.getRequestURI().startsWith(request.getContextPath() + "/export/")) {
            export(request, response, chain, time, started);
            return;
        }
        AtomicBoolean audited = new AtomicBoolean();
        request.setAttribute(GraphQlAuditInterceptor.AUDITED, audited);
        try {
            chain.doFilter(request, response);
        }
        finally {
            if (!request.isAsyncStarted() && !audited.get()) {
                String code = response.getStatus() == HttpStatus.TOO_MANY_REQUESTS.value() ? ErrorCode.LIMIT_EXCEEDED.name()
                        : "HTTP_" + response.getStatus();
                record(request, "HTTP", Set.of(), List.of(), List.of(code), AuditEvent.Outcome.DENIED,
                        Map.of("method", request.getMethod(), "path", request.getRequestURI(), "status", response.getStatus()),
                        time, started, false);
            }
        }
    }

    private void export(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Instant time,
            long started) throws ServletException, IOException {
        String justification = AuditTrail.justification(request.getHeader(AuditTrail.JUSTIFICATION_HEADER));
        if (justification == null && this.trail.policy() == JustificationPolicy.ALWAYS) {
            refuse(response);
            record(request, "EXPORT", Set.of(), List.of(), List.of(ErrorCode.JUSTIFICATION_REQUIRED.name()),
                    AuditEvent.Outcome.DENIED, Map.of(), time, started, true);
            return;
        }
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        List<String> errors = List.of(ErrorCode.INTERNAL.name());
        try {
            chain.doFilter(request, held);
            errors = held.getStatus() < 400 ? List.of() : List.of(codeOf(held));
        }
        finally {
            Set<String> cases = new LinkedHashSet<>();
            List<String> ids = List.of();
            if (errors.isEmpty() && request.getAttribute(Subgraph.DISCLOSED_ATTRIBUTE) instanceof Subgraph subgraph) {
                ids = subgraph.nodes().stream().map(GraphNode::id).toList();
                subgraph.nodes().forEach(node -> cases.addAll(casesOf(node.properties())));
                subgraph.edges().stream().map(GraphEdge::properties).forEach(properties -> cases.addAll(casesOf(properties)));
            }
            if (errors.isEmpty() && justification == null && this.trail.policy().requiredFor(cases)) {
                held.resetBuffer();
                refuse(held);
                errors = List.of(ErrorCode.JUSTIFICATION_REQUIRED.name());
                ids = List.of();
            }
            record(request, "EXPORT", cases, ids, errors, AuditEvent.Outcome.of(errors), Map.of("status", held.getStatus()),
                    time, started, true);
            held.copyBodyToResponse();
        }
    }

    private void record(HttpServletRequest request, String type, Set<String> cases, List<String> ids, List<String> errors,
            AuditEvent.Outcome outcome, Map<String, Object> details, Instant time, long started, boolean durable) {
        Caller caller = this.callers.current();
        Map<String, Object> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, values.length == 1 ? values[0] : List.of(values)));
        String requestLine = request.getMethod() + " " + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        this.trail.record(new AuditEvent(time, caller.name(), List.copyOf(caller.roles()), request.getRemoteAddr(), type,
                request.getRequestURI(), AuditLine.sha256(requestLine), type.equals("EXPORT") ? this.trail.redact(parameters) : Map.of(),
                AuditTrail.justification(request.getHeader(AuditTrail.JUSTIFICATION_HEADER)), cases, ids, outcome, errors,
                (System.nanoTime() - started) / 1_000_000, details), durable);
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        ErrorResponses.write(response, false, HttpStatus.FORBIDDEN.value(), ErrorCode.JUSTIFICATION_REQUIRED,
                AuditTrail.justificationRequired("An export holding case data").getMessage(), Map.of());
    }

    /** The code of an error answer, as ApiExceptionHandler writes it. */
    private static String codeOf(ContentCachingResponseWrapper response) {
        try {
            if (JSON.readValue(response.getContentAsByteArray(), Map.class).get("code") instanceof String code) {
                return code;
            }
        }
        catch (JacksonException ex) {
            // not one of the API's error bodies
        }
        return "HTTP_" + response.getStatus();
    }

    private static List<String> casesOf(Map<String, Object> properties) {
        return properties.get("cases") instanceof List<?> cases
                ? cases.stream().filter(String.class::isInstance).map(String.class::cast).toList() : List.of();
    }

}
