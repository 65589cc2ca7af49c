package org.pangeagraph.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shapes of an error, wherever it is answered, so that a client reads every error the same way:
 * a GraphQL error (the message; {@code extensions} with the code first, then the field at fault or
 * other details, then the code's classification); the JSON body of the REST errors
 * ({@code {"code":..., ..., "message":...}}) with an HTTP status, or, for a request to the GraphQL
 * endpoint refused before GraphQL runs, a GraphQL response holding that error alone; and the message
 * of an unexpected error, which gives the client a reference to the server log and nothing else.
 */
public final class ErrorResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorResponses() {
    }

    /** A GraphQL error of {@code code}; {@code details} are further extensions beside the code, in the order given. */
    public static GraphQLError graphQlError(ErrorCode code, String message, Map<String, ?> details) {
        return build(GraphqlErrorBuilder.newError(), code, message, details);
    }

    /** A GraphQL error of the field being resolved, at its path and location, naming the input field at fault if any. */
    static GraphQLError graphQlError(DataFetchingEnvironment env, ErrorCode code, String message, String field) {
        return build(GraphqlErrorBuilder.newError(env), code, message, field == null ? Map.of() : Map.of("field", field));
    }

    /** A GraphQL error of {@code code} at {@code path}, without a location, as an operation's own errors are. */
    static GraphQLError graphQlError(List<Object> path, ErrorCode code, String message, Map<String, ?> details) {
        return build(GraphqlErrorBuilder.newError().path(path), code, message, details);
    }

    private static GraphQLError build(GraphqlErrorBuilder<?> builder, ErrorCode code, String message, Map<String, ?> details) {
        return builder.errorType(code.classification()).message(message).extensions(extensions(code, details)).build();
    }

    /** The members of an error beside its message: the code first, then {@code details} in their order. */
    private static Map<String, Object> extensions(ErrorCode code, Map<String, ?> details) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        extensions.putAll(details);
        return extensions;
    }

    /** Writes the error with the HTTP status of its code, in the shape of the endpoint the request went to. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message)
            throws IOException {
        write(response, graphQl(request), code.status().value(), code, message, Map.of());
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

    /** The error as the answer of a controller: its status, and its body in the shape of the endpoint. */
    static ResponseEntity<Map<String, Object>> entity(HttpStatusCode status, boolean graphQl, ErrorCode code, String message,
            Map<String, ?> details) {
        return ResponseEntity.status(status).body(body(graphQl, code, message, details));
    }

    /**
     * The body of an error: a GraphQL response with the error alone for the GraphQL endpoint, the REST
     * error body elsewhere.
     */
    private static Map<String, Object> body(boolean graphQl, ErrorCode code, String message, Map<String, ?> details) {
        Map<String, Object> error = extensions(code, details);
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
        return graphQl(request.getRequestURI().substring(request.getContextPath().length()));
    }

    /** Whether a path inside the application is the GraphQL endpoint's. */
    static boolean graphQl(String path) {
        return path.equals("/graphql") || path.startsWith("/graphql/");
    }

    /**
     * The message of an unexpected error: the error is logged under a new reference, with {@code context}
     * and the exception if there is one, and the client gets the reference alone.
     */
    static String internal(Logger log, String context, Throwable ex) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error {} {}", reference, context, ex);
        return "Internal error; quote reference " + reference + " to the administrator";
    }

}
