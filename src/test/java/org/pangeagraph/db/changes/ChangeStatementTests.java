package org.pangeagraph.db.changes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The change feed's statements, written whole: they read the labels and properties the listener writes
 * through the embedded API ({@link ChangeCapture}), so that a batch the listener records is one the feed
 * reads.
 */
class ChangeStatementTests {

    @Test
    void aNewCounterCarriesOnFromTheLastSequenceTheBatchesHold() {
        assertThat(ChangeCapture.LAST_STORED).isEqualTo("MATCH (b:ChangeBatch) RETURN max(b.last) AS last")
            .contains("(b:" + ChangeStore.BATCH_LABEL + ")", "b." + ChangeStore.LAST + ")");
    }

    @Test
    void theFeedReadsTheBatchesAfterASequenceInOrderAPageAtATime() {
        assertThat(ChangeStore.AFTER).isEqualTo("""
                MATCH (b:ChangeBatch) WHERE b.last > $sequence
                RETURN b.first AS first, b.at AS at, b.graphVersion AS graphVersion, b.user AS user, b.importRun AS run,
                       b.origin AS origin, b.changes AS changes
                ORDER BY b.last LIMIT $max
                """).contains("(b:" + ChangeStore.BATCH_LABEL + ")", "b." + ChangeStore.LAST + " >", "b." + ChangeStore.CHANGES + " AS");
        assertThat(ChangeStore.OLDEST).contains("(b:" + ChangeStore.BATCH_LABEL + ")");
    }

}
