package org.pangeagraph.limits;

import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.pangeagraph.web.ErrorCode;
import org.springframework.graphql.execution.ErrorType;

/** The errors of requests over a limit: code {@code LIMIT_EXCEEDED}, and the limit's name in {@code extensions.limit}. */
final class LimitErrors {

    private LimitErrors() {
    }

    static GraphQLError exceeded(String limit, String message) {
        return GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(message)
            .extensions(Map.of("code", ErrorCode.LIMIT_EXCEEDED.name(), "limit", limit))
            .build();
    }

    static GraphQLError exceeded(String limit, String what, long actual, long max) {
        return exceeded(limit, what + " is " + (actual == Long.MAX_VALUE ? "too large to count" : actual)
                + "; the most allowed is " + max + " (pangea.limits." + limit + ")");
    }

}
