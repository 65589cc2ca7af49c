package org.pangeagraph.web;

import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.pangeagraph.db.DatabaseUnavailableException;
import org.pangeagraph.db.QueryTimeoutException;
import org.pangeagraph.model.ConflictException;
import org.pangeagraph.model.ForbiddenException;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ServerWebInputException;

/**
 * The same typed errors for the plain HTTP endpoints (exports) as for GraphQL: a JSON body with
 * {@code code}, {@code field} and {@code message}, and the HTTP status that goes with the code.
 */
@RestControllerAdvice
class HttpErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(HttpErrorAdvice.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException ex, HttpServletRequest request) {
        return body(request, HttpStatus.BAD_REQUEST, ErrorCode.INVALID_INPUT, ex.getMessage(), ex.field());
    }

    @ExceptionHandler(LimitExceededException.class)
    ResponseEntity<Map<String, Object>> limit(LimitExceededException ex, HttpServletRequest request) {
        return body(request, HttpStatus.BAD_REQUEST, ErrorCode.LIMIT_EXCEEDED, ex.getMessage(), ex.field());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException ex, HttpServletRequest request) {
        return body(request, HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, ex.getMessage(), ex.field());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Map<String, Object>> conflict(ConflictException ex, HttpServletRequest request) {
        return body(request, HttpStatus.CONFLICT, ErrorCode.CONFLICT, ex.getMessage(), ex.field());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Map<String, Object>> forbidden(ForbiddenException ex, HttpServletRequest request) {
        return body(request, HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, ex.getMessage(), ex.field());
    }

    @ExceptionHandler(QueryTimeoutException.class)
    ResponseEntity<Map<String, Object>> timeout(QueryTimeoutException ex, HttpServletRequest request) {
        return body(request, HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.TIMEOUT, ex.getMessage(), null);
    }

    @ExceptionHandler(DatabaseUnavailableException.class)
    ResponseEntity<Map<String, Object>> unavailable(DatabaseUnavailableException ex, HttpServletRequest request) {
        return body(request, HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.DATABASE_UNAVAILABLE, ex.getMessage(), null);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException ex, HttpServletRequest request) {
        return body(request, HttpStatus.BAD_REQUEST, ErrorCode.INVALID_INPUT, ex.getParameterName() + " is required",
                ex.getParameterName());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
        return body(request, HttpStatus.BAD_REQUEST, ErrorCode.INVALID_INPUT, ex.getName() + " has a value of the wrong form", ex.getName());
    }

    /**
     * A body that is not one request: a GraphQL request with a member of the wrong type, a batch of
     * operations (a JSON array), not JSON at all. GraphQlRequestReader says which.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
        if (ex instanceof GraphQlRequestReader.MalformedRequestException malformed) {
            return body(request, HttpStatus.BAD_REQUEST, ErrorCode.INVALID_INPUT, malformed.getMessage(), malformed.field());
        }
        return body(request, HttpStatus.BAD_REQUEST, ErrorCode.INVALID_INPUT, "The request body cannot be read: it is empty,"
                + " not valid JSON, or not of the form this endpoint takes", null);
    }

    /** The request body could not be read at all (the connection broke while it was sent). */
    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<Map<String, Object>> unreadableInput(ServerWebInputException ex, HttpServletRequest request) {
        return body(request, HttpStatus.BAD_REQUEST, ErrorCode.INVALID_INPUT, "The request body could not be read whole", null);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, Object>> unexpected(RuntimeException ex, HttpServletRequest request) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error {}", reference, ex);
        return body(request, HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL,
                "Internal error; quote reference " + reference + " to the administrator", null);
    }

    /** The error in the shape of the endpoint: a GraphQL response on /graphql, the REST error body elsewhere. */
    private static ResponseEntity<Map<String, Object>> body(HttpServletRequest request, HttpStatus status, ErrorCode code,
            String message, String field) {
        Map<String, Object> details = field == null ? Map.of() : Map.of("field", field);
        return ResponseEntity.status(status).body(ErrorResponses.body(ErrorResponses.graphQl(request), code, message, details));
    }

}
