package org.pangeagraph.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.pangeagraph.db.DatabaseUnavailableException;
import org.pangeagraph.db.QueryTimeoutException;
import org.pangeagraph.model.ConflictException;
import org.pangeagraph.model.ForbiddenException;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Turns exceptions from resolvers into GraphQL errors with a code in {@code extensions.code} and, for
 * bad input, the offending field in {@code extensions.field}. Unexpected exceptions are logged with a
 * reference and answered with that reference only: no stack trace, Cypher or class name leaves.
 */
@Component
class ApiExceptionResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof InvalidInputException e) {
            return error(env, ErrorType.BAD_REQUEST, ErrorCode.INVALID_INPUT, e.getMessage(), e.field());
        }
        if (ex instanceof LimitExceededException e) {
            return error(env, ErrorType.BAD_REQUEST, ErrorCode.LIMIT_EXCEEDED, e.getMessage(), e.field());
        }
        if (ex instanceof NotFoundException e) {
            return error(env, ErrorType.NOT_FOUND, ErrorCode.NOT_FOUND, e.getMessage(), e.field());
        }
        if (ex instanceof ConflictException e) {
            return error(env, ErrorType.BAD_REQUEST, ErrorCode.CONFLICT, e.getMessage(), e.field());
        }
        if (ex instanceof ForbiddenException e) {
            return error(env, ErrorType.FORBIDDEN, ErrorCode.FORBIDDEN, e.getMessage(), e.field());
        }
        if (ex instanceof QueryTimeoutException e) {
            return error(env, ErrorType.INTERNAL_ERROR, ErrorCode.TIMEOUT, e.getMessage(), null);
        }
        if (ex instanceof DatabaseUnavailableException e) {
            return error(env, ErrorType.INTERNAL_ERROR, ErrorCode.DATABASE_UNAVAILABLE, e.getMessage(), null);
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error {} resolving {}", reference, env.getExecutionStepInfo().getPath(), ex);
        return error(env, ErrorType.INTERNAL_ERROR, ErrorCode.INTERNAL,
                "Internal error; quote reference " + reference + " to the administrator", null);
    }

    static GraphQLError error(DataFetchingEnvironment env, ErrorType type, ErrorCode code, String message, String field) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        if (field != null) {
            extensions.put("field", field);
        }
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).extensions(extensions).build();
    }

}
