package org.pangeagraph.audit;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.language.OperationDefinition;
import org.pangeagraph.model.Caller;
import org.pangeagraph.web.ErrorCode;
import org.pangeagraph.web.RequestedOperation;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes one audit record for every GraphQL operation, after it ran and before its answer is sent, and
 * one for every event a subscription pushes, before it is pushed: the first interceptor, so that it
 * sees the answer as the client will (with every error coded). An answer holding case data without the
 * justification the policy asks for is withheld here.
 */
class GraphQlAuditInterceptor implements WebGraphQlInterceptor, Ordered {

    /**
     * The request attribute where the HTTP filter leaves a flag, set here once the request has its
     * record (the attributes a GraphQL request sees cannot be added to).
     */
    static final String AUDITED = GraphQlAuditInterceptor.class.getName() + ".audited";

    /** The type of the record of one event a subscription pushed. */
    static final String SUBSCRIPTION_EVENT = "SUBSCRIPTION_EVENT";

    /** At most this many events of a subscription share one force of their records to disk. */
    private static final int EVENT_BATCH = 256;

    /** How long the first event of a batch waits for others to share its force to disk. */
    private static final Duration EVENT_BATCH_WAIT = Duration.ofMillis(2);

    private static final Logger log = LoggerFactory.getLogger(GraphQlAuditInterceptor.class);

    private final AuditTrail trail;

    private final Clock clock;

    GraphQlAuditInterceptor(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Instant time = this.clock.instant();
        long started = System.nanoTime();
        Object extension = request.getExtensions().get(AuditTrail.JUSTIFICATION_EXTENSION);
        String header = request.getHeaders().getFirst(AuditTrail.JUSTIFICATION_HEADER);
        Disclosure disclosure = new Disclosure(AuditTrail.justification(header != null ? header
                : extension instanceof String s ? s : null));
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(Disclosure.CONTEXT_KEY, disclosure))
            .build());
        return chain.next(request)
            .map(response -> withheldWithoutJustification(response, disclosure))
            .map(response -> {
                Caller caller = response.getExecutionInput().getGraphQLContext().get(Caller.CONTEXT_KEY);
                record(request, caller, disclosure, response.getData() != null,
                        codes(response.getErrors().stream().map(ResponseError::getExtensions)), time, started);
                return response.getData() instanceof Publisher<?> events
                        ? response.transform(builder -> builder.data(eachAudited(events, request, caller, disclosure)))
                        : response;
            })
            .doOnError(ex -> recordFailure(request, disclosure, time, started, ex));
    }

    private WebGraphQlResponse withheldWithoutJustification(WebGraphQlResponse response, Disclosure disclosure) {
        if (disclosure.justification() != null || response.getData() == null
                || !this.trail.policy().requiredFor(disclosure.cases())) {
            return response;
        }
        return response.transform(builder -> builder.data(null)
            .errors(List.of(AuditTrail.justificationRequired("An answer holding case data"))));
    }

    private void record(WebGraphQlRequest request, Caller caller, Disclosure disclosure, boolean answered, List<String> errors,
            Instant time, long started) {
        boolean withheld = errors.contains(ErrorCode.JUSTIFICATION_REQUIRED.name());
        String type = disclosure.operationType();
        String name = disclosure.operationName();
        if (type == null) {
            OperationDefinition operation = RequestedOperation.of(request);
            type = operation == null ? "INVALID" : operation.getOperation().name();
            name = operation == null ? request.getOperationName() : operation.getName();
        }
        AuditEvent event = new AuditEvent(time, caller == null ? null : caller.name(),
                caller == null ? List.of() : List.copyOf(caller.roles()), client(request.getRemoteAddress()), type, name,
                AuditLine.sha256(request.getDocument()), this.trail.redact(request.getVariables()), disclosure.justification(),
                answered || withheld ? disclosure.cases() : Set.of(), answered ? disclosure.entityIds() : List.of(),
                AuditEvent.Outcome.of(type, errors), errors, (System.nanoTime() - started) / 1_000_000, Map.of());
        this.trail.record(event, true);
        if (request.getAttributes().get(AUDITED) instanceof AtomicBoolean audited) {
            audited.set(true);
        }
    }

    /**
     * A subscription's events, each recorded before it is pushed: a {@code SUBSCRIPTION_EVENT} record with
     * the entities and cases that event shows, as a query's answer is recorded. Events that come together
     * (a replay, a burst of changes: as many as arrive within {@link #EVENT_BATCH_WAIT}, at most
     * {@link #EVENT_BATCH}) share one force to disk, the last record's, which forces those before it;
     * one at a time, each waited for its own, and a replay of a thousand changes took 2.7 s longer.
     */
    private Flux<ExecutionResult> eachAudited(Publisher<?> events, WebGraphQlRequest request, Caller caller, Disclosure disclosure) {
        String client = client(request.getRemoteAddress());
        String documentHash = AuditLine.sha256(request.getDocument());
        Map<String, Object> variables = this.trail.redact(request.getVariables());
        return Flux.from(events).cast(ExecutionResult.class)
            .bufferTimeout(EVENT_BATCH, EVENT_BATCH_WAIT, true)
            .concatMapIterable(batch -> {
                for (int i = 0; i < batch.size(); i++) {
                    ExecutionResult result = batch.get(i);
                    Disclosure shown = disclosure.nextEvent();
                    List<String> errors = codes(result.getErrors().stream().map(GraphQLError::getExtensions));
                    boolean answered = result.getData() != null;
                    this.trail.record(new AuditEvent(this.clock.instant(), caller == null ? null : caller.name(),
                            caller == null ? List.of() : List.copyOf(caller.roles()), client, SUBSCRIPTION_EVENT, shown.operationName(),
                            documentHash, variables, shown.justification(), answered ? shown.cases() : Set.of(),
                            answered ? shown.entityIds() : List.of(), AuditEvent.Outcome.of(errors), errors, 0, Map.of()),
                            i == batch.size() - 1);
                }
                return batch;
            });
    }

    private void recordFailure(WebGraphQlRequest request, Disclosure disclosure, Instant time, long started, Throwable failure) {
        try {
            record(request, null, disclosure, false, List.of(ErrorCode.INTERNAL.name()), time, started);
        }
        catch (RuntimeException ex) {
            log.error("Could not audit a failed GraphQL request", ex);
        }
        log.debug("GraphQL request failed", failure);
    }

    /** The distinct codes of errors, from their extensions: INTERNAL for an error without one. */
    private static List<String> codes(Stream<Map<String, Object>> extensions) {
        return extensions.map(e -> String.valueOf(e == null ? ErrorCode.INTERNAL.name() : e.getOrDefault("code", ErrorCode.INTERNAL.name())))
            .distinct().toList();
    }

    static String client(InetSocketAddress address) {
        if (address == null) {
            return null;
        }
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

}
