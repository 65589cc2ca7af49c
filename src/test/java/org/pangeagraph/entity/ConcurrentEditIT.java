package org.pangeagraph.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.RawGraphQl;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two investigators edit the same website at the same moment, each from the version they read: one
 * edit is written, the other is refused with CONFLICT and leaves no trace. Real threads over real
 * HTTP, released together by a barrier, twenty times over.
 */
@IntegrationTest
class ConcurrentEditIT {

    private static final String UPSERT = """
            mutation edit($input: WebsiteInput!) {
              upsertWebsite(input: $input) { website { name language version } }
            }""";

    private static final int ROUNDS = 20;

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    private final ExecutorService investigators = Executors.newFixedThreadPool(2);

    @BeforeEach
    void oneWebsite() {
        this.graph.reset();
        RawGraphQl.query(this.client, UPSERT, Map.of("input", Map.of("domain", "race.example", "name", "Race Pharmacy")));
    }

    @AfterEach
    void stop() {
        this.investigators.shutdownNow();
    }

    @Test
    void ofTwoConcurrentEditsFromTheSameVersionExactlyOneIsWritten() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            long version = this.graph.count("MATCH (w:Website {domain: 'race.example'}) RETURN w.version");
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<String>> answers = new ArrayList<>();
            for (String who : List.of("alice", "bob")) {
                Map<String, Object> input = Map.of("domain", "race.example", "name", who + " " + round, "language", who,
                        "expectedVersion", version);
                answers.add(this.investigators.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return RawGraphQl.query(this.client, UPSERT, Map.of("input", input));
                }));
            }
            List<String> bodies = new ArrayList<>();
            for (Future<String> answer : answers) {
                bodies.add(answer.get(60, TimeUnit.SECONDS));
            }

            List<String> won = bodies.stream().filter(body -> RawGraphQl.errorCodes(body).isEmpty()).toList();
            List<String> lost = bodies.stream().filter(body -> !RawGraphQl.errorCodes(body).isEmpty()).toList();
            assertThat(won).as("round %d: %s", round, bodies).hasSize(1);
            assertThat(lost).as("round %d: %s", round, bodies).hasSize(1);
            assertThat(JsonPath.<List<Map<String, Object>>>read(lost.get(0), "$.errors")).singleElement()
                .satisfies(error -> assertThat(error.get("extensions")).isEqualTo(
                        Map.of("code", "CONFLICT", "field", "input.expectedVersion", "classification", "BAD_REQUEST")));
            String winner = JsonPath.read(won.get(0), "$.data.upsertWebsite.website.language");
            Map<String, Object> stored = this.graph.read("MATCH (w:Website {domain: 'race.example'}) RETURN w {.name, .language, .version} AS w",
                    Map.of()).get(0).get("w").asMap();
            assertThat(stored).as("round %d", round)
                .isEqualTo(Map.of("name", winner + " " + round, "language", winner, "version", version + 1));
            assertThat(JsonPath.<Integer>read(won.get(0), "$.data.upsertWebsite.website.version")).isEqualTo((int) version + 1);
        }
    }

}
