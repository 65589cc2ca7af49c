package org.pangeagraph.limits;

import java.util.Map;

import graphql.GraphQLError;
import org.pangeagraph.web.ErrorCode;
import org.pangeagraph.web.ErrorResponses;

/** The errors of requests over a limit: code {@code LIMIT_EXCEEDED}, and the limit's name in {@code extensions.limit}. */
final class LimitErrors {

    private LimitErrors() {
    }

    static GraphQLError exceeded(String limit, String message) {
        return ErrorResponses.graphQlError(ErrorCode.LIMIT_EXCEEDED, message, Map.of("limit", limit));
    }

    static GraphQLError exceeded(String limit, String what, long actual, long max) {
        return exceeded(limit, what + " is " + (actual == Long.MAX_VALUE ? "too large to count" : actual)
                + "; the most allowed is " + max + " (pangea.limits." + limit + ")");
    }

}
