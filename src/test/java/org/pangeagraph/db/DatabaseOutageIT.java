package org.pangeagraph.db;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.neo4j.autoconfigure.Neo4jProperties;

/**
 * The embedded database stopped and started again under the running application, as an operator
 * restarting it would: under a query load ({@link OutageDrill}) and in the middle of an import
 * ({@link ImportDrill}), which say what must hold.
 */
@IntegrationTest
class DatabaseOutageIT {

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @Autowired
    EmbeddedNeo4j embedded;

    @Autowired
    DatabaseProperties database;

    @Autowired
    Neo4jProperties driver;

    @BeforeEach
    void emptyGraph() {
        this.graph.reset();
    }

    @AfterEach
    void databaseBack() {
        // The other tests of this JVM share the database: a failed drill must not leave it stopped.
        this.embedded.restart();
    }

    @Test
    void whileTheDatabaseIsStoppedRequestsAreRefusedWithATypedErrorAndOnceItIsBackTheyAreAnsweredAgain() throws InterruptedException {
        OutageDrill.run(this.client, this.graph, OutageDrill.Limits.of(this.database, this.driver), this.embedded::stop,
                this.embedded::restart);
    }

    @Test
    void anImportCutShortByTheDatabaseStoppingLeavesExactlyTheTransactionsItReportedCommitted(@TempDir Path directory) throws Exception {
        ImportDrill.run(this.graph, directory, this.embedded::stop, this.embedded::restart);
    }

}
