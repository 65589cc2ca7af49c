package org.pangeagraph.change;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.web.ErrorCode;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * A subscription refused or ended by the API's own checks (a sequence no longer kept, one subscription
 * too many) reaches the client with the same code and field as any request's error: Spring for GraphQL
 * hands the errors of subscriptions to resolvers of their own. Anything else stays a plain subscription
 * error, without detail.
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex) {
        if (ex instanceof LimitExceededException e) {
            return error(ErrorType.BAD_REQUEST, ErrorCode.LIMIT_EXCEEDED, e.getMessage(), e.field());
        }
        if (ex instanceof InvalidInputException e) {
            return error(ErrorType.BAD_REQUEST, ErrorCode.INVALID_INPUT, e.getMessage(), e.field());
        }
        return null;
    }

    private static GraphQLError error(ErrorType type, ErrorCode code, String message, String field) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        if (field != null) {
            extensions.put("field", field);
        }
        return GraphqlErrorBuilder.newError().errorType(type).message(message).extensions(extensions).build();
    }

}
