package org.pangeagraph.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.awaitility.core.ConditionTimeoutException;
import org.pangeagraph.db.QueryLoad.Answer;
import org.pangeagraph.db.QueryLoad.Outcome;
import org.pangeagraph.db.QueryLoad.Request;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.TestGraph;
import org.springframework.boot.neo4j.autoconfigure.Neo4jProperties;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the outage tests do to a running application, on {@code fixtures/shared-infrastructure.cypher}:
 * investigators' requests from eight threads over HTTP, the database taken away for a while and
 * brought back, and what must hold all along:
 * <ul>
 * <li>every request is answered rightly or refused with a typed error, and none takes longer than the
 * query timeout and a margin;</li>
 * <li>a request made while the database is away is refused within the driver's bounds: its retry time
 * and one connection attempt, and a margin;</li>
 * <li>the health endpoint says DOWN while the database is away and UP once it is back;</li>
 * <li>within {@link #RECOVERY} of the database's return every kind of request is answered rightly
 * again, without anything restarting the application;</li>
 * <li>every write acknowledged is in the graph.</li>
 * </ul>
 */
final class OutageDrill {

    static final int CONCURRENCY = 8;

    static final Duration RECOVERY = Duration.ofSeconds(30);

    /** For a loaded build machine, whose two cores serve the client, the application and the database. */
    static final Duration MARGIN = Duration.ofSeconds(10);

    /**
     * The bounds the drill holds the application to.
     *
     * @param request the longest any request may take: the query timeout and the margin
     * @param refusal the longest a request made while the database is away may take to be refused
     */
    record Limits(Duration request, Duration refusal) {

        static Limits of(DatabaseProperties database, Neo4jProperties driver) {
            return new Limits(database.queryTimeout().plus(MARGIN),
                    driver.getMaxTransactionRetryTime().plus(driver.getConnectionTimeout()).plus(MARGIN));
        }

    }

    private OutageDrill() {
    }

    static void run(GraphQlClient client, TestGraph graph, Limits limits, Runnable takeDown, Runnable bringBack)
            throws InterruptedException {
        graph.load("shared-infrastructure");
        String rxOne = graph.read("MATCH (w:Website {domain: 'rx-one.example'}) RETURN w.id AS id", Map.of()).get(0).get("id").asString();
        List<Request> requests = List.of(
                Request.graphQl("lookup", n -> Map.of("domain", "rx-one.example"), "$.data.website.id", n -> rxOne),
                Request.graphQl("storefront", n -> Map.of("domain", "rx-one.example"),
                        "$.data.website.paymentAccounts[*].node.holders[*].node.caption", n -> "Rx Holdings (CY)"),
                Request.graphQl("siblings", n -> Map.of("domain", "rx-one.example"),
                        "$.data.sharedInfrastructure[0].website.domain", n -> "rx-two.example"),
                Request.graphQl("neighbourhood", n -> Map.of("id", rxOne), "$.data.network.nodes[*].caption", n -> "MID-RX-0001"),
                Request.get("export", "/export/network.cyjs?depth=1&ids=" + rxOne, "MID-RX-0001"),
                Request.graphQl("record", n -> Map.of("domain", recorded(n)), "$.data.upsertWebsite.website.domain",
                        OutageDrill::recorded));
        WebTestClient web = client.webClient();
        // One of each first, so that the database plans each statement once rather than eight times at once.
        try (QueryLoad warmUp = QueryLoad.start(client, 1, requests)) {
            long start = System.nanoTime();
            within(warmUp, "every kind of request answered", Duration.ofSeconds(90), () -> warmUp.allAnsweredSince(start, requests));
        }
        List<Answer> answers;
        long down;
        long back;
        try (QueryLoad load = QueryLoad.start(client, CONCURRENCY, requests)) {
            long start = System.nanoTime();
            within(load, "every kind of request answered under load", Duration.ofSeconds(90),
                    () -> load.allAnsweredSince(start, requests));
            assertThat(health(web)).isEqualTo("UP");

            takeDown.run();
            down = System.nanoTime();
            within(load, "health DOWN", Duration.ofSeconds(30), () -> health(web).equals("DOWN"));
            within(load, "requests refused while the database is away", Duration.ofSeconds(60),
                    () -> load.refusedSince(down) >= CONCURRENCY);

            back = System.nanoTime();
            bringBack.run();
            long available = System.nanoTime();
            within(load, "every kind of request answered again", RECOVERY, () -> load.allAnsweredSince(available, requests));
            within(load, "health UP", RECOVERY, () -> health(web).equals("UP"));
            answers = load.answers();
        }
        // For the record of how the drill went on this machine.
        System.out.println("Outage drill: " + summary(answers));

        assertThat(answers).filteredOn(a -> a.outcome() == Outcome.UNTYPED).as("answers neither right nor a typed refusal")
            .isEmpty();
        assertThat(answers).filteredOn(a -> a.took().compareTo(limits.request()) > 0).as("requests slower than " + limits.request())
            .isEmpty();
        List<Answer> whileAway = answers.stream().filter(a -> a.startedAt() - down >= 0 && back - a.endedAt() >= 0).toList();
        assertThat(whileAway).as("requests made and ended while the database was away").hasSizeGreaterThanOrEqualTo(CONCURRENCY)
            .allSatisfy(a -> {
                assertThat(a.outcome()).isEqualTo(Outcome.DATABASE_UNAVAILABLE);
                assertThat(a.took()).isLessThanOrEqualTo(limits.refusal());
            });
        List<String> acknowledged = answers.stream()
            .filter(a -> a.request().equals("record") && a.outcome() == Outcome.ANSWERED)
            .map(a -> recorded(a.sequence()))
            .toList();
        assertThat(acknowledged).isNotEmpty();
        assertThat(graph.read("MATCH (w:Website) WHERE w.domain IN $domains RETURN w.domain AS domain", Map.of("domains", acknowledged))
            .stream().map(r -> r.get("domain").asString()).toList())
            .as("every website whose recording was acknowledged is in the graph")
            .containsExactlyInAnyOrderElementsOf(acknowledged);
    }

    private static void within(QueryLoad load, String what, Duration limit, Callable<Boolean> condition) {
        try {
            await(what).atMost(limit).pollInterval(Duration.ofMillis(200)).until(condition);
        }
        catch (ConditionTimeoutException ex) {
            List<Answer> answers = load.answers();
            throw new AssertionError("Not within " + limit + ": " + what + "; so far " + summary(answers) + "; the last answers: "
                    + answers.subList(Math.max(0, answers.size() - 12), answers.size()), ex);
        }
    }

    private static String recorded(int sequence) {
        return "recorded-" + sequence + ".example";
    }

    private static String health(WebTestClient web) {
        String body = web.get().uri("/actuator/health").exchange().expectBody(String.class).returnResult().getResponseBody();
        return JsonPath.read(body, "$.components.neo4j.status");
    }

    private static String summary(List<Answer> answers) {
        Map<String, String> outcomes = new TreeMap<>();
        answers.stream().collect(Collectors.groupingBy(a -> a.request() + " " + a.outcome())).forEach((kind, same) -> outcomes.put(kind,
                same.size() + " (slowest " + same.stream().map(Answer::took).max(Comparator.naturalOrder()).orElseThrow().toMillis() + " ms)"));
        return answers.size() + " requests: " + outcomes;
    }

}
