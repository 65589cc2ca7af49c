package org.pangeagraph.web;

/** The codes in {@code extensions.code} of every error the API returns. */
public enum ErrorCode {
    /** A value has no normal form or breaks a rule; {@code extensions.field} names it. */
    INVALID_INPUT,
    /** No such entity, or one the caller may not see. */
    NOT_FOUND,
    /** The write contradicts the graph as it is now (a stale version, a taken key). */
    CONFLICT,
    /** The caller may not do this. */
    FORBIDDEN,
    /** The request needs a justification (X-Justification header or request extension) and had none. */
    JUSTIFICATION_REQUIRED,
    /** No valid credentials. */
    UNAUTHENTICATED,
    /**
     * A field of a mutation that was rolled back, or never ran, because another field of the same operation
     * failed: a mutation operation is written whole or not at all. {@code extensions.failedField} names the
     * field that failed.
     */
    NOT_WRITTEN,
    /** The request is wider or heavier than the API allows. */
    LIMIT_EXCEEDED,
    /** The query ran past its time limit. */
    TIMEOUT,
    /** The database cannot be reached right now; retry. */
    DATABASE_UNAVAILABLE,
    /** The document is not valid GraphQL for this schema. */
    GRAPHQL_VALIDATION_FAILED,
    /** The document cannot be parsed. */
    GRAPHQL_PARSE_FAILED,
    /** Anything else; the message carries a reference to the server log, never internals. */
    INTERNAL
}
