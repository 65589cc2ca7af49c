package org.pangeagraph.web;

import java.util.Locale;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.language.OperationDefinition;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Over the WebSocket only subscriptions run: queries and mutations go over POST, where the per-user rate
 * and concurrency limits, the request timeout and the request body's checks apply (the socket's messages
 * pass none of them). Any other operation sent over the socket is refused with FORBIDDEN, after the caller
 * is known, so that the refusal is audited with who sent it. A document that does not parse runs on, and
 * is refused as such.
 */
@Component
class SocketSubscriptionsOnly implements WebGraphQlInterceptor, Ordered {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest)) {
            return chain.next(request);
        }
        OperationDefinition operation = RequestedOperation.of(request);
        if (operation == null || operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
            return chain.next(request);
        }
        ExecutionResult refused = ExecutionResult.newExecutionResult()
            .addError(ErrorResponses.graphQlError(ErrorCode.FORBIDDEN, "Over the WebSocket only subscriptions run; send this "
                    + operation.getOperation().name().toLowerCase(Locale.ROOT) + " over POST to /graphql", Map.of()))
            .build();
        return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refused)));
    }

    /** After the caller is resolved (CallerInterceptor), before the request's time starts running (RequestTimeoutInterceptor). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 15;
    }

}
