package org.pangeagraph.db.changes;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListener;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.pangeagraph.db.WriteAttribution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change feed of the embedded database: a transaction event listener that sees every transaction
 * about to commit, whoever opened it (the application, the import command, cypher-shell through the
 * Bolt port), and writes what it changed into the same transaction as {@code ChangeBatch} nodes. The feed
 * is therefore atomic with the write: a write that rolls back leaves no change behind, and one that
 * commits cannot lose its changes, even if the application stops right after.
 *
 * <p>Sequences come from the {@code ChangeFeed} counter node, locked before it is read: the lock is
 * held until the transaction has committed, so the next writer reads the counter only after this one's
 * batches are visible. A reader of the feed therefore never sees a sequence while an earlier one is still
 * to come: no gaps a client could miss. A write of the model that did not raise the graph version (a
 * client on the Bolt port; not an import, which raises it once when it ends) has it raised here, before the counter is locked, in the order every write of the
 * application takes the two, so that a cached analysis never outlives a change of the graph.
 *
 * <p>Once committed, the batches are handed to the application ({@link #onCommit}) on the committing
 * thread, which must not be kept: the application only queues them.
 */
public final class ChangeCapture implements TransactionEventListener<List<ChangeBatch>> {

    private static final Logger log = LoggerFactory.getLogger(ChangeCapture.class);

    static final Label FEED = Label.label(ChangeStore.FEED_LABEL);

    static final Label BATCH = Label.label(ChangeStore.BATCH_LABEL);

    private static final Label GRAPH_VERSION = Label.label("PangeaGraph");

    /** The last sequence the batches kept hold, for a new counter to carry on from. */
    static final String LAST_STORED = "MATCH (b:ChangeBatch) RETURN max(b.last) AS last";

    private volatile Consumer<List<ChangeBatch>> committed = batches -> {
    };

    /** The last sequence this listener saw committed, to carry on from if the counter node is deleted. */
    private volatile long lastCommitted;

    /** Hands the batches of every committed write to {@code consumer}, on the committing thread. */
    public void onCommit(Consumer<List<ChangeBatch>> consumer) {
        this.committed = consumer;
    }

    @Override
    public List<ChangeBatch> beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService database) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        TransactionChanges found = new TransactionChanges(data, now);
        List<Change> changes = found.collect();
        if (changes.isEmpty()) {
            return null;
        }
        Map<String, Object> metadata = data.metaData();
        // An import raises the version once, when it ends (an import counts as one write), not once a batch.
        String version = raiseGraphVersion(transaction, found.graphVersionRaised() || metadata.get(WriteAttribution.IMPORT_RUN) != null);
        Node counter = counter(data, transaction);
        transaction.acquireWriteLock(counter);
        long last = ((Number) counter.getProperty(ChangeStore.LAST, 0L)).longValue();
        counter.setProperty(ChangeStore.LAST, last + changes.size());
        boolean application = metadata.containsKey(WriteAttribution.APPLICATION);
        String user = (String) metadata.get(WriteAttribution.USER);
        String run = (String) metadata.get(WriteAttribution.IMPORT_RUN);
        ChangeOrigin origin = run != null ? ChangeOrigin.IMPORT : user != null ? ChangeOrigin.MUTATION
                : application ? ChangeOrigin.APPLICATION : bolt(transaction) ? ChangeOrigin.BOLT : ChangeOrigin.APPLICATION;
        if (user == null) {
            user = origin == ChangeOrigin.BOLT ? "bolt" : origin == ChangeOrigin.IMPORT ? "import" : "application";
        }
        List<ChangeBatch> batches = new ArrayList<>();
        long next = last + 1;
        for (int start = 0; start < changes.size(); start += ChangeStore.BATCH_SIZE) {
            List<Change> slice = changes.subList(start, Math.min(changes.size(), start + ChangeStore.BATCH_SIZE));
            List<Change> placed = new ArrayList<>(slice.size());
            String[] encoded = new String[slice.size()];
            for (int i = 0; i < slice.size(); i++) {
                Change change = slice.get(i).placed(next + i, now, version, user, run, origin);
                placed.add(change);
                encoded[i] = ChangeCodec.encode(change, user);
            }
            Node batch = transaction.createNode(BATCH);
            ChangeStore.describe(next, next + slice.size() - 1, now, version, user, run, origin)
                .forEach(batch::setProperty);
            batch.setProperty(ChangeStore.CHANGES, encoded);
            batches.add(new ChangeBatch(next, placed));
            next += slice.size();
        }
        return batches;
    }

    @Override
    public void afterCommit(TransactionData data, List<ChangeBatch> batches, GraphDatabaseService database) {
        if (batches == null || batches.isEmpty()) {
            return;
        }
        long last = batches.get(batches.size() - 1).last();
        if (last > this.lastCommitted) {
            this.lastCommitted = last;
        }
        try {
            this.committed.accept(batches);
        }
        catch (RuntimeException ex) {
            // The write is committed and its changes are in the feed; whoever follows the feed reads them there.
            log.warn("Handing committed changes {}-{} on failed: {}", batches.get(0).first(), last, ex.toString());
        }
    }

    @Override
    public void afterRollback(TransactionData data, List<ChangeBatch> batches, GraphDatabaseService database) {
        // Rolled back with the write: nothing was recorded.
    }

    /** Whether the transaction came through the Bolt port rather than from inside this process. */
    private static boolean bolt(Transaction transaction) {
        return transaction instanceof InternalTransaction internal && internal.clientInfo() != null
                && "bolt".equalsIgnoreCase(internal.clientInfo().protocol());
    }

    /**
     * Raises the graph version unless the transaction did, and returns it as {@code epoch:counter}; the
     * version node is created as {@code GraphVersion} creates it when there is none.
     */
    private static String raiseGraphVersion(Transaction transaction, boolean raised) {
        Node graph = transaction.findNode(GRAPH_VERSION, "name", "graph");
        if (graph == null) {
            graph = transaction.createNode(GRAPH_VERSION);
            graph.setProperty("name", "graph");
            graph.setProperty("epoch", UUID.randomUUID().toString());
            // Raised now, unless whoever wrote raises it themselves (an import, once it ends).
            graph.setProperty("version", raised ? 0L : 1L);
        }
        else if (!raised) {
            transaction.acquireWriteLock(graph);
            graph.setProperty("version", ((Number) graph.getProperty("version", 0L)).longValue() + 1);
        }
        return graph.getProperty("epoch", "none") + ":" + graph.getProperty("version", 0L);
    }

    /**
     * The counter node. When there is none (a new store), or this transaction deletes it (a script
     * emptying the graph), a new one carries on from the last sequence known, so that sequences never
     * go back.
     */
    private Node counter(TransactionData data, Transaction transaction) {
        Node counter = transaction.findNode(FEED, ChangeStore.NAME, ChangeStore.FEED_NAME);
        if (counter != null && !data.isDeleted(counter)) {
            return counter;
        }
        long last = this.lastCommitted;
        for (PropertyEntry<Node> removed : data.removedNodeProperties()) {
            // The counter, and batches, deleted by this transaction: what they held is reported as removed.
            if (removed.key().equals(ChangeStore.LAST) && removed.previouslyCommittedValue() instanceof Number before) {
                last = Math.max(last, before.longValue());
            }
        }
        Object stored = transaction.execute(LAST_STORED).columnAs("last").next();
        if (stored instanceof Number number) {
            last = Math.max(last, number.longValue());
        }
        Node created = transaction.createNode(FEED);
        created.setProperty(ChangeStore.NAME, ChangeStore.FEED_NAME);
        created.setProperty(ChangeStore.LAST, last);
        return created;
    }

}
