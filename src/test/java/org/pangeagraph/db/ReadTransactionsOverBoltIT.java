package org.pangeagraph.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The same queries with the API's statements sent over Bolt to a database server, as they go to a
 * server or cluster: every field of Query answers without an error there too, in read sessions (which
 * a server refuses to write in) only. The rest of the suite runs them in process on the embedded
 * database; this class runs on the application the network tests use ({@link ExternalDatabase}).
 */
@ExternalDatabase
class ReadTransactionsOverBoltIT extends ReadTransactionsIT {

    @Test
    void theStatementsGoOverBolt() {
        assertThat(this.graph.db().inProcess()).isFalse();
    }

}
