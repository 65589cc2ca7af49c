package org.pangeagraph.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The embedded database stopped and started again under the running application, as an operator
 * restarting it would: see {@link OutageDrill} for what must hold.
 */
@IntegrationTest
class DatabaseOutageIT {

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @Autowired
    EmbeddedNeo4j embedded;

    @BeforeEach
    void sharedInfrastructure() {
        this.graph.reset();
        this.graph.load("shared-infrastructure");
    }

    @AfterEach
    void databaseBack() {
        // The other tests of this JVM share the database: a failed drill must not leave it stopped.
        this.embedded.restart();
    }

    @Test
    void whileTheDatabaseIsStoppedRequestsAreRefusedWithATypedErrorAndOnceItIsBackTheyAreAnsweredAgain() throws InterruptedException {
        OutageDrill.run(this.client, this.graph, this.embedded::stop, this.embedded::restart);
    }

}
