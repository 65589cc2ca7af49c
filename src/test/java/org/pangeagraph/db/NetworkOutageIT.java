package org.pangeagraph.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jProperties;

/**
 * The network between the application and an external database failing: every connection cut and
 * new ones refused for a while by a proxy in between, then restored. The external database is a
 * Neo4j of the test's own on its own store; the application reaches it through the proxy
 * ({@link ExternalDatabase}, an application it shares with the other tests over Bolt). See
 * {@link OutageDrill} and {@link ImportDrill} for what must hold.
 */
@ExternalDatabase
class NetworkOutageIT {

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @Autowired
    DatabaseProperties databaseProperties;

    @Autowired
    Neo4jProperties driver;

    private static CuttableProxy proxy() {
        return ExternalDatabase.Initializer.proxy();
    }

    @BeforeEach
    void emptyGraph() {
        this.graph.reset();
    }

    @AfterEach
    void networkBack() {
        proxy().restore();
    }

    @Test
    void whileTheNetworkIsDownRequestsAreRefusedWithATypedErrorAndOnceItIsBackTheyAreAnsweredAgain() throws InterruptedException {
        OutageDrill.run(this.client, this.graph, OutageDrill.Limits.of(this.databaseProperties, this.driver), proxy()::cut,
                proxy()::restore);
    }

    @Test
    void anImportCutShortByTheNetworkLeavesExactlyTheTransactionsItReportedCommitted(@TempDir Path directory) throws Exception {
        ImportDrill.run(this.graph, directory, proxy()::cut, proxy()::restore);
    }

    /**
     * The connection lost after COMMIT went out and before its answer came back. The driver would run
     * the transaction again on a new connection (and, with the database reachable again at once, apply
     * it twice); the command instead stops and names the lines in doubt.
     */
    @ParameterizedTest(name = "new connections refused after the cut: {0}")
    @ValueSource(booleans = { false, true })
    void anImportWhoseCommitGoesUnansweredNamesTheLinesInDoubtAndNeverRunsThemTwice(boolean refuseAfter, @TempDir Path directory)
            throws Exception {
        boolean inDoubt = ImportDrill.run(this.graph, directory, () -> proxy().cutAtNextCommit(ImportDrill.STATEMENT, refuseAfter), proxy()::restore);

        assertThat(inDoubt).isTrue();
    }

}
