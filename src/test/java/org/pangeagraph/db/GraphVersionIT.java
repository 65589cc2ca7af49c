package org.pangeagraph.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The graph version that cached analytics are keyed on: every write raises it and is seen by the next
 * request, whichever way it reached the database, and on the embedded database an unchanged graph is
 * answered without a statement.
 */
@IntegrationTest
class GraphVersionIT {

    @Autowired
    TestGraph graph;

    @Autowired
    GraphVersion version;

    @BeforeEach
    void empty() {
        this.graph.reset();
        this.graph.write("CREATE (:Probe {n: 0})", Map.of());
    }

    private String stored() {
        return this.graph.read("MATCH (g:PangeaGraph {name: 'graph'}) RETURN g.epoch + ':' + toString(g.version) AS v", Map.of())
            .get(0).get("v").asString();
    }

    @Test
    void aWriteThroughTheApplicationIsSeenByTheNextCall() {
        assertABumpThroughIsSeen(this.graph.db());
    }

    @Test
    void aWriteOverBoltIsSeenByTheNextCall() {
        // As the import command and analysts' scripts write: through the driver, not the application's transactions.
        assertABumpThroughIsSeen(new GraphDb(this.graph.db().driver(), Duration.ofSeconds(30)));
    }

    private void assertABumpThroughIsSeen(GraphDb writer) {
        String before = this.version.current();
        writer.write(tx -> {
            GraphVersion.bump(tx);
            return null;
        });
        String after = this.version.current();
        assertThat(after).isNotEqualTo(before).isEqualTo(stored());
        assertThat(counter(after)).isEqualTo(counter(before) + 1);
    }

    @Test
    void anUnchangedGraphIsAnsweredWithoutAStatementOnTheEmbeddedDatabase() {
        String first = this.version.current();
        long statements = this.graph.statementsRun();
        for (int i = 0; i < 5; i++) {
            assertThat(this.version.current()).isEqualTo(first);
        }
        // A server or cluster is asked every time: another instance may have written.
        assertThat(this.graph.statementsRun() - statements).isEqualTo(this.graph.db().inProcess() ? 0 : 5);
    }

    @Test
    void anyOtherWriteMakesItReadTheCounterAgainAndFindItUnchanged() {
        String first = this.version.current();
        this.graph.write("MATCH (p:Probe) SET p.n = p.n + 1", Map.of());
        long statements = this.graph.statementsRun();
        assertThat(this.version.current()).isEqualTo(first);
        assertThat(this.graph.statementsRun() - statements).isEqualTo(1);
    }

    private static long counter(String version) {
        return Long.parseLong(version.substring(version.lastIndexOf(':') + 1));
    }

}
