package org.pangeagraph.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neo4j.driver.exceptions.TransientException;
import org.pangeagraph.model.ConflictException;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An operation's transaction, in the process and through the driver (over Bolt to the same database,
 * as against a server or cluster): the reads of a thread that joined it, on any thread, see its writes;
 * no one else does until it commits; a rollback leaves nothing; the graph version inside it is never
 * one committed data may take; a deadlock inside it is a conflict, not retried.
 */
@IntegrationTest
class OperationTransactionIT {

    @Autowired
    TestGraph graph;

    @BeforeEach
    void empty() {
        this.graph.reset();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "in process", "through the driver" })
    void joinedReadsSeeTheOperationsWritesOthersOnlyOnceItCommits(String way) throws Exception {
        GraphDb db = db(way);
        OperationTransaction operation = db.operation();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            joined(operation, () -> db.write(tx -> tx.run("CREATE (:Probe {name: 'first'})", Map.of())));

            assertThat(joined(operation, () -> names(db))).containsExactly("first");
            assertThat(names(db)).as("a thread that did not join").isEmpty();
            assertThat(other.submit(() -> joined(operation, () -> {
                db.write(tx -> tx.run("CREATE (:Probe {name: 'second'})", Map.of()));
                return names(db);
            })).get()).as("another thread that joined").containsExactlyInAnyOrder("first", "second");
            assertThat(joined(operation, () -> new GraphVersion(db).current())).startsWith("uncommitted-");
            assertThat(names(db)).isEmpty();

            operation.commit();

            assertThat(names(db)).containsExactlyInAnyOrder("first", "second");
        }
        finally {
            other.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "in process", "through the driver" })
    void aRolledBackOperationLeavesNothingAndAnUnusedOneOpensNothing(String way) {
        GraphDb db = db(way);
        OperationTransaction operation = db.operation();
        joined(operation, () -> db.write(tx -> tx.run("CREATE (:Probe {name: 'gone'})", Map.of())));
        assertThat(operation.opened()).isTrue();

        operation.rollback();

        assertThat(names(db)).isEmpty();
        OperationTransaction unused = db.operation();
        unused.commit();
        assertThat(unused.opened()).isFalse();
        assertThatThrownBy(() -> joined(operation, () -> names(db))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aDeadlockInsideAnOperationIsAConflict() {
        assertThat(GraphDb.translateInOperation(new TransientException("Neo.TransientError.Transaction.DeadlockDetected",
                "ForsetiClient can't acquire ExclusiveLock"))).isInstanceOf(ConflictException.class)
            .hasMessageContaining("nothing of this operation was written");
        // Outside an operation the same failure is retried and, once retries run out, means the database is unavailable.
        assertThat(GraphDb.translate(new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "x")))
            .isInstanceOf(DatabaseUnavailableException.class);
        assertThat(this.graph.db().inOperation()).isFalse();
    }

    private GraphDb db(String way) {
        return way.equals("in process") ? this.graph.db() : new GraphDb(this.graph.db().driver(), Duration.ofSeconds(60));
    }

    private static List<String> names(GraphDb db) {
        return db.query("MATCH (p:Probe) RETURN p.name AS name", Map.of(), r -> r.get("name").asString());
    }

    /** Runs {@code work} with {@code operation} joined on this thread, as a data fetcher of its mutation runs. */
    private static <T> T joined(OperationTransaction operation, Supplier<T> work) {
        OperationTransaction before = OperationTransaction.join(operation);
        try {
            return work.get();
        }
        finally {
            OperationTransaction.restore(before);
        }
    }

}
