package org.pangeagraph.web;

import java.util.Map;

import graphql.GraphQLError;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * A subscription's error (one refused when it starts, a stream that fails) answered from the same table
 * as every other error (ApiExceptionHandler): Spring for GraphQL hands the errors of subscriptions to
 * resolvers of their own, and without this one a subscription refused with {@code LIMIT_EXCEEDED} would
 * reach the client as a bare "Subscription error".
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex) {
        ApiExceptionHandler.Answer answer = ApiExceptionHandler.answer(ex, () -> "streaming a subscription");
        return ErrorResponses.graphQlError(answer.code(), answer.message(),
                answer.field() == null ? Map.of() : Map.of("field", answer.field()));
    }

}
