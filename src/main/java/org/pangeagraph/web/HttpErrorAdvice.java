package org.pangeagraph.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

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

/**
 * The same typed errors for the plain HTTP endpoints (exports) as for GraphQL: a JSON body with
 * {@code code}, {@code field} and {@code message}, and the HTTP status that goes with the code.
 */
@RestControllerAdvice
class HttpErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(HttpErrorAdvice.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException ex) {
        return body(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_INPUT, ex.getMessage(), ex.field());
    }

    @ExceptionHandler(LimitExceededException.class)
    ResponseEntity<Map<String, Object>> limit(LimitExceededException ex) {
        return body(HttpStatus.BAD_REQUEST, ErrorCode.LIMIT_EXCEEDED, ex.getMessage(), ex.field());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException ex) {
        return body(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, ex.getMessage(), ex.field());
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Map<String, Object>> conflict(ConflictException ex) {
        return body(HttpStatus.CONFLICT, ErrorCode.CONFLICT, ex.getMessage(), ex.field());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<Map<String, Object>> forbidden(ForbiddenException ex) {
        return body(HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN, ex.getMessage(), ex.field());
    }

    @ExceptionHandler(QueryTimeoutException.class)
    ResponseEntity<Map<String, Object>> timeout(QueryTimeoutException ex) {
        return body(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.TIMEOUT, ex.getMessage(), null);
    }

    @ExceptionHandler(DatabaseUnavailableException.class)
    ResponseEntity<Map<String, Object>> unavailable(DatabaseUnavailableException ex) {
        return body(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.DATABASE_UNAVAILABLE, ex.getMessage(), null);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException ex) {
        return body(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_INPUT, ex.getParameterName() + " is required",
                ex.getParameterName());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException ex) {
        return body(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_INPUT, ex.getName() + " has a value of the wrong form", ex.getName());
    }

    /** A body that is not one request: a batch of GraphQL operations (a JSON array), or not JSON at all. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
        return body(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_INPUT,
                "The request body is not one request; batches of GraphQL operations are not supported", null);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, Object>> unexpected(RuntimeException ex) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error {}", reference, ex);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL,
                "Internal error; quote reference " + reference + " to the administrator", null);
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, ErrorCode code, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code.name());
        if (field != null) {
            body.put("field", field);
        }
        body.put("message", message);
        return ResponseEntity.status(status).body(body);
    }

}
