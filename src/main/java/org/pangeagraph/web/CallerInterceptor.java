package org.pangeagraph.web;

import java.util.Map;

import org.pangeagraph.model.Caller;
import org.pangeagraph.model.CallerResolver;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Resolves the caller once per request and puts it in the GraphQL context, where controllers
 * ({@code @ContextValue Caller caller}) and batch loaders find it.
 */
@Component
class CallerInterceptor implements WebGraphQlInterceptor, Ordered {

    private final CallerResolver callers;

    CallerInterceptor(CallerResolver callers) {
        this.callers = callers;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Caller caller = this.callers.current();
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(Caller.CONTEXT_KEY, caller)).build());
        return chain.next(request);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

}
