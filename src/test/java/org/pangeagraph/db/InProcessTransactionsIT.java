package org.pangeagraph.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.graphdb.Label;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The API's transactions on the embedded database run in the application's process, not over Bolt
 * (with an external database they go through the driver, and these checks hold as well): the
 * records, the errors and the read-only reads must be those the driver gives over Bolt.
 */
@IntegrationTest
class InProcessTransactionsIT {

    private static final String EVERY_KIND_OF_VALUE = """
            MATCH (p:TypeProbe)
            RETURN 1 AS integer, 2.5 AS float, true AS boolean, 'text' AS string, null AS nothing,
                   date('2024-01-02') AS date, datetime('2024-01-02T03:04:05.006Z') AS datetime,
                   localdatetime('2024-01-02T03:04:05') AS local, duration('P1M2DT3.5S') AS duration,
                   [1, 'a', [2.0]] AS list, {a: 1, b: ['x', 'y'], c: {d: date('2020-02-29')}} AS map,
                   p {.*} AS properties, $parameters AS parameters
            """;

    @Autowired
    TestGraph graph;

    @BeforeEach
    void empty() {
        this.graph.reset();
    }

    @Test
    void theEmbeddedDatabaseIsUsedInProcessUnlessTheDatabaseIsExternal() {
        assertThat(this.graph.db().inProcess()).isEqualTo(!"container".equals(System.getProperty("pangea.test.database")));
    }

    @Test
    void recordsAreTheSameAsOverBolt() {
        this.graph.write("CREATE (:TypeProbe {names: ['a', 'b'], numbers: [1, 2], flags: [true], day: date('2023-03-04'), n: 7})",
                Map.of());
        Map<String, Object> nested = new HashMap<>();
        nested.put("day", LocalDate.of(2021, 5, 6));
        nested.put("ids", List.of("x", "y"));
        nested.put("count", 3);
        nested.put("missing", null);
        Map<String, Object> parameters = Map.of("parameters", nested);

        List<Record> inProcess = this.graph.read(EVERY_KIND_OF_VALUE, parameters);
        List<Record> overBolt = this.graph.db().driver().executableQuery(EVERY_KIND_OF_VALUE).withParameters(parameters)
            .execute().records();

        assertThat(inProcess).hasSize(1);
        assertThat(inProcess.get(0).keys()).isEqualTo(overBolt.get(0).keys());
        assertThat(inProcess.get(0).asMap()).isEqualTo(overBolt.get(0).asMap());
        Map<String, Object> properties = inProcess.get(0).get("properties").asMap();
        assertThat(properties).containsEntry("names", List.of("a", "b")).containsEntry("numbers", List.of(1L, 2L))
            .containsEntry("day", LocalDate.of(2023, 3, 4)).containsEntry("n", 7L);
        assertThat(inProcess.get(0).get("parameters").asMap()).containsEntry("day", LocalDate.of(2021, 5, 6))
            .containsEntry("count", 3L).containsEntry("missing", null);
    }

    @Test
    void manyRowsComeBackInOrder() {
        List<Record> rows = this.graph.read("UNWIND range(1, $n) AS i RETURN i, toString(i) AS s ORDER BY i", Map.of("n", 2500));
        List<Long> numbers = new ArrayList<>();
        rows.forEach(r -> numbers.add(r.get("i").asLong()));
        assertThat(numbers).hasSize(2500).startsWith(1L, 2L, 3L).endsWith(2499L, 2500L).isSorted();
        assertThat(rows.get(41).get("s").asString()).isEqualTo("42");
    }

    @Test
    void recordsHandedOnOneAtATimeAreTheRecordsReturnedAtOnceInTheSameOrder() {
        String cypher = "UNWIND range(1, $n) AS i RETURN i, toString(i) AS s, [i, i * 2] AS pair ORDER BY i";
        Map<String, Object> parameters = Map.of("n", 2500);
        List<Record> streamed = this.graph.db().read(tx -> {
            List<Record> handed = new ArrayList<>();
            tx.forEach(cypher, parameters, handed::add);
            return handed;
        });
        assertThat(streamed).hasSize(2500).isEqualTo(this.graph.read(cypher, parameters));
        // A statement the planner says writes is refused here too.
        assertThatThrownBy(() -> this.graph.db().read(tx -> {
            tx.forEach("CREATE (:ReadOnlyProbe) RETURN 1", Map.of(), r -> { });
            return null;
        })).isInstanceOf(ClientException.class);
        assertThat(this.graph.count("MATCH (n:ReadOnlyProbe) RETURN count(n)")).isZero();
    }

    @Test
    void aReadTransactionRefusesToWriteAndWritesNothing() {
        assertThatThrownBy(() -> this.graph.read("CREATE (:ReadOnlyProbe)", Map.of()))
            .isInstanceOf(ClientException.class)
            .satisfies(ex -> assertThat(((ClientException) ex).code()).isEqualTo("Neo.ClientError.Statement.AccessMode"));
        assertThat(this.graph.count("MATCH (n:ReadOnlyProbe) RETURN count(n)")).isZero();
    }

    @Test
    void aFailedWriteTransactionLeavesNothingBehind() {
        assertThatThrownBy(() -> this.graph.db().write(tx -> {
            tx.run("CREATE (:HalfProbe)", Map.of());
            return tx.run("RETURN 1 / $zero AS x", Map.of("zero", 0));
        })).isInstanceOf(ClientException.class)
            .satisfies(ex -> assertThat(((ClientException) ex).code()).isEqualTo("Neo.ClientError.Statement.ArithmeticError"));
        assertThat(this.graph.count("MATCH (n:HalfProbe) RETURN count(n)")).isZero();
    }

    @Test
    void twoWritersThatDeadlockAreRetriedAndBothWritesLand() throws Exception {
        this.graph.write("CREATE (:LockProbe {k: 1}), (:LockProbe {k: 2})", Map.of());
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> done = new ArrayList<>();
            for (int[] order : new int[][] { { 1, 2 }, { 2, 1 } }) {
                String writer = "w" + order[0];
                done.add(writers.submit(() -> this.graph.db().write(tx -> {
                    boolean first = attempts.incrementAndGet() <= 2;
                    tx.run("MATCH (n:LockProbe {k: $k}) SET n.by = coalesce(n.by, []) + [$w]", Map.of("k", order[0], "w", writer));
                    if (first) {
                        // Each holds the lock of one node, then asks for the other's: Neo4j sees the deadlock.
                        bothHoldOne.countDown();
                        awaitQuietly(bothHoldOne);
                    }
                    tx.run("MATCH (n:LockProbe {k: $k}) SET n.by = coalesce(n.by, []) + [$w]", Map.of("k", order[1], "w", writer));
                    return null;
                })));
            }
            for (Future<Object> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        }
        finally {
            writers.shutdownNow();
        }
        assertThat(attempts.get()).as("one of the two ran again after the deadlock").isGreaterThan(2);
        List<Record> nodes = this.graph.read("MATCH (n:LockProbe) RETURN n.k AS k, n.by AS by ORDER BY k", Map.of());
        for (Record node : nodes) {
            assertThat(node.get("by").asList(v -> v.asString())).as("node %s", node.get("k")).containsExactlyInAnyOrder("w1", "w2");
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aStatementErrorCarriesNeo4jsCode() {
        assertThatThrownBy(() -> this.graph.read("MATCH (n RETURN n", Map.of()))
            .isInstanceOf(ClientException.class)
            .satisfies(ex -> assertThat(((ClientException) ex).code()).isEqualTo("Neo.ClientError.Statement.SyntaxError"));
    }

    @Test
    void aTransactionPastItsTimeoutIsAQueryTimeout() {
        GraphDb impatient = this.graph.db().withTimeout(Duration.ofMillis(300));
        assertThatThrownBy(() -> impatient.read(tx -> tx.run(
                "UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(*) AS n", Map.of())))
            .isInstanceOf(QueryTimeoutException.class);
    }

    @Test
    void aWalkThroughTheEmbeddedApiMayOnlyRead() {
        assumeTrue(this.graph.db().inProcess(), "the walk needs the database in this process");
        assertThatThrownBy(() -> this.graph.db().readInProcess(List.of(), Map.of(), tx -> tx.createNode(Label.label("ReadOnlyProbe"))))
            .isInstanceOf(ClientException.class)
            .satisfies(ex -> assertThat(((ClientException) ex).code()).startsWith("Neo.ClientError.Security."));
        assertThat(this.graph.count("MATCH (n:ReadOnlyProbe) RETURN count(n)")).isZero();
        assertThat(this.graph.db().readInProcess(List.of(), Map.of(), tx -> tx.findNodes(Label.label("ReadOnlyProbe")).stream().count()))
            .contains(0L);
    }

    @Test
    void aWalkPastItsTimeoutIsAQueryTimeout() {
        assumeTrue(this.graph.db().inProcess(), "the walk needs the database in this process");
        this.graph.write("UNWIND range(1, 100) AS i CREATE (:WalkProbe {i: i})", Map.of());
        GraphDb impatient = this.graph.db().withTimeout(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.readInProcess(List.of(), Map.of(), tx -> {
            long seen = 0;
            while (true) {
                seen += tx.findNodes(Label.label("WalkProbe")).stream().count();
            }
        })).isInstanceOf(QueryTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    /**
     * A transaction stopped by its timeout while it takes a lock fails with Neo4j's LockClientStopped ("no
     * more locks can be acquired") rather than TransactionTimedOut; it timed out all the same. The walk
     * above takes a lock on each pass, so which of the two it met was a race. Here the walk waits for a
     * lock a writer holds, every time.
     */
    @Test
    void aWalkStoppedByItsTimeoutWhileItWaitsForALockIsAQueryTimeout() {
        assumeTrue(this.graph.db().inProcess(), "the walk needs the database in this process");
        this.graph.write("CREATE (:WalkProbe {i: 1})", Map.of());
        GraphDb impatient = this.graph.db().withTimeout(Duration.ofMillis(300));
        try (Session session = this.graph.db().driver().session(); Transaction holder = session.beginTransaction()) {
            holder.run("MATCH (p:WalkProbe) SET p.held = true").consume();

            assertThatThrownBy(() -> impatient.readInProcess(List.of(), Map.of(),
                    tx -> tx.acquireReadLock(tx.findNodes(Label.label("WalkProbe")).next())))
                .isInstanceOf(QueryTimeoutException.class);
            holder.rollback();
        }
    }

}
