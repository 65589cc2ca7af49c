package org.pangeagraph.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.pangeagraph.db.EmbeddedNeo4j;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.Subscription;
import org.pangeagraph.support.TestGraph;
import org.pangeagraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * A client following the feed over graphql-ws drops its connection in the middle of a thousand changes
 * written by another client, and follows on over server-sent events from the last sequence it received:
 * it has every change once, in order, none lost and none twice.
 */
@IntegrationTest
class ReplayIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final String CHANGES = "subscription($since: Long) { graphChanges(sinceSequence: $since) { sequence kind entity { key } } }";

    private static final int WRITES = 20;

    private static final int PER_WRITE = 50;

    @Autowired
    TestGraph graph;

    @Autowired
    ChangeFeed feed;

    @Autowired
    EmbeddedNeo4j embedded;

    @Value("${local.server.port}")
    int port;

    @BeforeEach
    void emptyGraph() {
        this.graph.reset();
    }

    @Test
    void aReplayAfterAReconnectLosesNothingAndDuplicatesNothing() throws Exception {
        long start = this.feed.head();
        long end = start + WRITES * PER_WRITE;
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (Driver driver = GraphDatabase.driver(this.embedded.boltUri(), this.embedded.authToken());
                    Session session = driver.session()) {
                for (int w = 0; w < WRITES; w++) {
                    session.run("UNWIND range(1, $n) AS i CREATE (:Website {domain: 'replay-' + $w + '-' + i + '.example'})",
                            Map.of("n", PER_WRITE, "w", w)).consume();
                }
            }
        });
        List<Long> received = new ArrayList<>();
        String authorization = GraphQlClient.basic(TestUsers.ADMIN);
        try (Subscription ws = Subscription.webSocket(this.port, authorization, CHANGES, Map.of("since", start))) {
            while (received.size() < 400) {
                received.add(sequence(ws.next(PATIENCE)));
            }
        }
        long last = received.get(received.size() - 1);
        try (Subscription sse = Subscription.serverSentEvents(this.port, authorization, CHANGES, Map.of("since", last))) {
            while (received.get(received.size() - 1) < end) {
                received.add(sequence(sse.next(PATIENCE)));
            }
        }
        writer.get();
        assertThat(received).containsExactlyElementsOf(LongStream.rangeClosed(start + 1, end).boxed().toList());
    }

    private static long sequence(String change) {
        return JsonPath.<Number>read(change, "$.sequence").longValue();
    }

}
