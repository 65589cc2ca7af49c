package org.pangeagraph.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The same queries with the API's statements sent over Bolt to the embedded database, as they go to
 * a server or cluster: every field of Query answers without an error there too, in read sessions
 * (which a server refuses to write in) only. The rest of the suite runs them in process; this
 * application is closed afterwards so that it does not idle beside the shared one.
 */
@DirtiesContext
@TestPropertySource(properties = "pangea.embedded.in-process=false")
class ReadTransactionsOverBoltIT extends ReadTransactionsIT {

    @Test
    void theStatementsGoOverBolt() {
        assertThat(this.graph.db().inProcess()).isFalse();
    }

}
