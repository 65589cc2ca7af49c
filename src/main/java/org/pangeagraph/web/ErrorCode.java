package org.pangeagraph.web;

import graphql.ErrorClassification;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.http.HttpStatus;

/**
 * The codes in {@code extensions.code} of every error the API returns, each with the GraphQL
 * classification ({@code extensions.classification}) and the HTTP status it is answered with: the one
 * table every kind of error reads, whoever raises it. A refusal of a rate limit answers
 * {@code LIMIT_EXCEEDED} with HTTP 429 instead.
 */
public enum ErrorCode {
    /** A value has no normal form or breaks a rule; {@code extensions.field} names it. */
    INVALID_INPUT(ErrorType.BAD_REQUEST, HttpStatus.BAD_REQUEST),
    /** No such entity, or one the caller may not see. */
    NOT_FOUND(ErrorType.NOT_FOUND, HttpStatus.NOT_FOUND),
    /** The write contradicts the graph as it is now (a stale version, a taken key). */
    CONFLICT(ErrorType.BAD_REQUEST, HttpStatus.CONFLICT),
    /** The caller may not do this. */
    FORBIDDEN(ErrorType.FORBIDDEN, HttpStatus.FORBIDDEN),
    /** The request needs a justification (X-Justification header or request extension) and had none. */
    JUSTIFICATION_REQUIRED(ErrorType.FORBIDDEN, HttpStatus.FORBIDDEN),
    /** No valid credentials. */
    UNAUTHENTICATED(ErrorType.UNAUTHORIZED, HttpStatus.UNAUTHORIZED),
    /**
     * A field of a mutation that was rolled back, or never ran, because another field of the same operation
     * failed: a mutation operation is written whole or not at all. {@code extensions.failedField} names the
     * field that failed.
     */
    NOT_WRITTEN(graphql.ErrorType.ExecutionAborted, HttpStatus.FAILED_DEPENDENCY),
    /** The request is wider or heavier than the API allows. */
    LIMIT_EXCEEDED(ErrorType.BAD_REQUEST, HttpStatus.BAD_REQUEST),
    /** The query ran past its time limit. */
    TIMEOUT(ErrorType.INTERNAL_ERROR, HttpStatus.SERVICE_UNAVAILABLE),
    /** The database cannot be reached right now; retry. */
    DATABASE_UNAVAILABLE(ErrorType.INTERNAL_ERROR, HttpStatus.SERVICE_UNAVAILABLE),
    /** The document is not valid GraphQL for this schema. */
    GRAPHQL_VALIDATION_FAILED(graphql.ErrorType.ValidationError, HttpStatus.BAD_REQUEST),
    /** The document cannot be parsed. */
    GRAPHQL_PARSE_FAILED(graphql.ErrorType.InvalidSyntax, HttpStatus.BAD_REQUEST),
    /** Anything else; the message carries a reference to the server log, never internals. */
    INTERNAL(ErrorType.INTERNAL_ERROR, HttpStatus.INTERNAL_SERVER_ERROR);

    private final ErrorClassification classification;

    private final HttpStatus status;

    ErrorCode(ErrorClassification classification, HttpStatus status) {
        this.classification = classification;
        this.status = status;
    }

    /** The classification of a GraphQL error of this code. */
    public ErrorClassification classification() {
        return this.classification;
    }

    /** The HTTP status of an error of this code answered by itself, not as part of a GraphQL result. */
    public HttpStatus status() {
        return this.status;
    }

}
