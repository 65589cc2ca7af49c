package org.pangeagraph.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * An error answered by a servlet filter, before Spring MVC or GraphQL: shaped as a GraphQL error
 * ({@code {"errors":[{"message":..., "extensions":{"code":..., ...}}]}}) for the GraphQL endpoint,
 * and as the REST error body ({@code {"code":..., ..., "message":...}}) that HttpErrorAdvice writes
 * elsewhere, so that a client reads every refusal the same way wherever it comes from.
 */
public final class ErrorResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorResponses() {
    }

    /**
     * Writes the error with its status.
     *
     * @param graphQl whether the request went to the GraphQL endpoint
     * @param details further members beside the code (e.g. the limit exceeded), in the order given
     */
    public static void write(HttpServletResponse response, boolean graphQl, int status, ErrorCode code, String message,
            Map<String, Object> details) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(body(graphQl, code, message, details)));
    }

    /**
     * The body of an error: a GraphQL response with the error alone for the GraphQL endpoint, the REST
     * error body elsewhere.
     */
    public static Map<String, Object> body(boolean graphQl, ErrorCode code, String message, Map<String, Object> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code.name());
        error.putAll(details);
        if (graphQl) {
            Map<String, Object> graphQlError = new LinkedHashMap<>();
            graphQlError.put("message", message);
            graphQlError.put("extensions", error);
            return Map.of("errors", List.of(graphQlError));
        }
        error.put("message", message);
        return error;
    }

    /** Whether the request went to the GraphQL endpoint, {@code /graphql} (or below it). */
    public static boolean graphQl(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/graphql") || path.startsWith("/graphql/");
    }

}
