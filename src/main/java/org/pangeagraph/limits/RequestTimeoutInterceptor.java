package org.pangeagraph.limits;

import java.time.Duration;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.parser.ParserOptions;
import org.pangeagraph.web.ErrorCode;
import org.pangeagraph.web.ErrorResponses;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Answers a GraphQL request that is still running when its time is up with code {@code TIMEOUT}, and
 * cancels it: the operation runs on a scheduler of its own, so that the HTTP request thread is free to
 * answer; graphql-java then starts no further field, and the database statement in flight ends at its
 * own transaction timeout. Time is counted from the request's arrival, reading its body included.
 * Comes after the caller is resolved (so that is done on the request's thread) and the audit
 * interceptor (so that a timed-out request is audited).
 */
class RequestTimeoutInterceptor implements WebGraphQlInterceptor, Ordered {

    private final Duration timeout;

    private final ParserOptions parserOptions;

    private final Scheduler execution;

    private final Scheduler timer;

    RequestTimeoutInterceptor(Duration timeout, ParserOptions parserOptions, Scheduler execution, Scheduler timer) {
        this.timeout = timeout;
        this.parserOptions = parserOptions;
        this.execution = execution;
        this.timer = timer;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(ParserOptions.class, this.parserOptions))
            .build());
        Duration left = this.timeout;
        if (request.getAttributes().get(RequestLimitFilter.ARRIVAL) instanceof Long arrival) {
            left = this.timeout.minusNanos(System.nanoTime() - arrival);
        }
        if (left.isNegative() || left.isZero()) {
            return Mono.fromSupplier(() -> timedOut(request));
        }
        return chain.next(request).subscribeOn(this.execution)
            .timeout(left, Mono.fromSupplier(() -> timedOut(request)), this.timer);
    }

    private WebGraphQlResponse timedOut(WebGraphQlRequest request) {
        ExecutionResult result = ExecutionResult.newExecutionResult()
            .addError(ErrorResponses.graphQlError(ErrorCode.TIMEOUT, "The request took longer than the "
                    + this.timeout.toMillis() + " ms allowed and was stopped (pangea.limits.request-timeout); a mutation may have"
                    + " been written, read it back to see", Map.of()))
            .build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

}
