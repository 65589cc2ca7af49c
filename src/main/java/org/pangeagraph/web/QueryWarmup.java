package org.pangeagraph.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.pangeagraph.db.BackgroundThreads;
import org.pangeagraph.model.Caller;
import org.pangeagraph.model.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.graphql.ExecutionGraphQlRequest;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.support.DefaultExecutionGraphQlRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Runs the main operations once, in the background, when the application is ready, so that Neo4j
 * plans their statements (some are large) before an investigator's first request would have to wait
 * for it against the query timeout. Neo4j caches a plan per statement text and parameter types, so
 * each operation runs with and without a date. Nothing is written; failures are only logged.
 */
@Component
@ConditionalOnProperty(name = "pangea.warmup.enabled", havingValue = "true", matchIfMissing = true)
class QueryWarmup {

    private static final Logger log = LoggerFactory.getLogger(QueryWarmup.class);

    private static final String IDS = "{ websites(first: 1) { edges { node { id domain } } } people(first: 1) { edges { node { id } } } }";

    private static final List<String> OPERATIONS = List.of("""
            query w($domain: String!, $asOf: Date) { website(domain: $domain) { id
              ipAddresses(asOf: $asOf) { node { address hostingProviders(asOf: $asOf) { node { name } } } }
              paymentAccounts(asOf: $asOf) { node { identifier holders { node { caption } } } }
              shipments(asOf: $asOf) { node { trackingNumber couriers { node { name } } } } } }""",
            """
            query w($domain: String!, $asOf: Date) { sharedInfrastructure(domain: $domain, asOf: $asOf) { score website { domain } } }""",
            """
            query w($domain: String!, $asOf: Date) { sharedInfrastructure(domain: $domain, asOf: $asOf, minScore: 1.0) { score } }""",
            """
            query w($id: ID!, $asOf: Date) { network(ids: [$id], asOf: $asOf) { truncated } timeline(ids: [$id]) { date } }""",
            """
            query w($id: ID!, $person: ID!, $asOf: Date) { a: paths(from: $person, to: $id, asOf: $asOf) { length }
              b: paths(from: $person, to: $id, mode: ALL_SHORTEST, asOf: $asOf) { length } }""",
            """
            query w($domain: String!, $asOf: Date) { search(text: $domain) { caption }
              criminalNetworks(asOf: $asOf) { totalCount edges { node { id people { caption } subgraph { truncated } } } }
              websites(filter: {text: "a"}) { totalCount } }""",
            """
            query w($id: ID!) { keyInfrastructure { rank } takedownImpact(ids: [$id]) { websitesWithoutHostingCount }
              operations { edges { node { figuresFromGraph { websitesLinked } } } } }""");

    private final ExecutionGraphQlService graphQl;

    QueryWarmup(ExecutionGraphQlService graphQl) {
        this.graphQl = graphQl;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void startWarmUp() {
        BackgroundThreads.start("query-warmup", this::warmUp);
    }

    void warmUp() {
        long start = System.nanoTime();
        try {
            Map<String, Object> data = execute(IDS, Map.of()).getData();
            List<?> websites = edges(data, "websites");
            List<?> people = edges(data, "people");
            if (websites.isEmpty()) {
                return;
            }
            Map<?, ?> website = (Map<?, ?>) ((Map<?, ?>) websites.get(0)).get("node");
            String person = people.isEmpty() ? (String) website.get("id")
                    : (String) ((Map<?, ?>) ((Map<?, ?>) people.get(0)).get("node")).get("id");
            for (Object asOf : new Object[] { null, "2009-11-20" }) {
                Map<String, Object> variables = new java.util.HashMap<>();
                variables.put("domain", website.get("domain"));
                variables.put("id", website.get("id"));
                variables.put("person", person);
                variables.put("asOf", asOf);
                for (String operation : OPERATIONS) {
                    execute(operation, variables);
                }
            }
            log.info("Query plans warmed up in {} ms", Duration.ofNanos(System.nanoTime() - start).toMillis());
        }
        catch (RuntimeException ex) {
            log.warn("Warming up query plans failed; the first requests will plan their own: {}", ex.getMessage());
        }
    }

    /**
     * The warm-up runs inside the application, not for anyone: it sees every fact so that its plans are
     * those of every caller, may write nothing, and its answers are thrown away.
     */
    private static final Caller WARMUP = new Caller("warmup", java.util.Set.of(), Visibility.everything(), false, List.of());

    private ExecutionGraphQlResponse execute(String document, Map<String, Object> variables) {
        ExecutionGraphQlRequest request = new DefaultExecutionGraphQlRequest(document, null, variables, Map.of(), "warmup",
                null);
        request.configureExecutionInput((input, builder) -> builder
            .graphQLContext(Map.of(Caller.CONTEXT_KEY, WARMUP)).build());
        return this.graphQl.execute(request).block(Duration.ofMinutes(5));
    }

    private static List<?> edges(Map<String, Object> data, String field) {
        if (data == null || !(data.get(field) instanceof Map<?, ?> connection)) {
            return List.of();
        }
        return connection.get("edges") instanceof List<?> list ? list : List.of();
    }

}
