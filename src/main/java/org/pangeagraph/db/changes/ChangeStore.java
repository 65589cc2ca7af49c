package org.pangeagraph.db.changes;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.pangeagraph.db.GraphDb;

/**
 * The change feed as it is kept in the graph, under labels of its own that no investigative query
 * matches: one {@code ChangeFeed} node (the counter: the last sequence given, and how far the
 * reconciliation has looked) and {@code ChangeBatch} nodes (the changes of one write, up to
 * {@link #BATCH_SIZE} each, with their first and last sequence, time, writer and graph version).
 * Written by the listener on the embedded database ({@link ChangeCapture}), or by the reconciliation
 * ({@link #append}) where there is none; read here a page at a time; purged after the retention time.
 */
public final class ChangeStore {

    public static final String FEED_LABEL = "ChangeFeed";

    public static final String BATCH_LABEL = "ChangeBatch";

    /** Changes kept in one batch node. */
    public static final int BATCH_SIZE = 500;

    static final String NAME = "name";

    static final String FEED_NAME = "feed";

    static final String LAST = "last";

    static final String CHANGES = "changes";

    /** The writer of a batch the reconciliation records; each change names its own when it is known. */
    static final String RECONCILED_BY = "reconciliation";

    /** The last sequence given. */
    private static final String HEAD = "MATCH (c:ChangeFeed {name: $name}) RETURN c.last AS last";

    /** The batches holding changes after {@code $sequence}, in order. */
    static final String AFTER = """
            MATCH (b:ChangeBatch) WHERE b.last > $sequence
            RETURN b.first AS first, b.at AS at, b.graphVersion AS graphVersion, b.user AS user, b.importRun AS run,
                   b.origin AS origin, b.changes AS changes
            ORDER BY b.last LIMIT $max
            """;

    /** The counter, made when there is none, locked for the reconciliation's write. */
    private static final String LOCK_COUNTER = """
            MERGE (c:ChangeFeed {name: $name}) ON CREATE SET c.last = 0
            SET c._lock = true
            RETURN c.last AS last, c.reconciledThrough AS through
            """;

    /** The graph's version, as the listener writes it on a batch. */
    private static final String GRAPH_VERSION = """
            OPTIONAL MATCH (g:PangeaGraph {name: 'graph'})
            RETURN coalesce(g.epoch, 'none') + ':' + toString(coalesce(g.version, 0)) AS v
            """;

    private static final String CREATE_BATCH = "CREATE (b:ChangeBatch) SET b = $properties";

    private static final String MOVE_COUNTER = """
            MATCH (c:ChangeFeed {name: $name})
            SET c.last = $last, c.reconciledThrough = $through
            REMOVE c._lock
            """;

    private static final String RECONCILED_THROUGH = "MATCH (c:ChangeFeed {name: $name}) RETURN c.reconciledThrough AS t";

    private static final String PURGE = "MATCH (b:ChangeBatch) WHERE b.at < $before CALL (b) { DELETE b } IN TRANSACTIONS OF 1000 ROWS";

    static final String OLDEST = "MATCH (b:ChangeBatch) RETURN b.first AS first ORDER BY b.last LIMIT 1";

    private final GraphDb db;

    public ChangeStore(GraphDb db) {
        this.db = db;
    }

    /** The properties of a batch node but its changes. */
    static Map<String, Object> describe(long first, long last, ZonedDateTime at, String graphVersion, String user, String run,
            ChangeOrigin origin) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("first", first);
        properties.put(LAST, last);
        properties.put("at", at);
        properties.put("graphVersion", graphVersion);
        properties.put("user", user);
        if (run != null) {
            properties.put("importRun", run);
        }
        properties.put("origin", origin.name());
        return properties;
    }

    /** The sequence of the last change recorded; 0 before the first. */
    public long head() {
        List<Long> last = this.db.query(HEAD, Map.of("name", FEED_NAME), r -> r.get("last").isNull() ? 0L : r.get("last").asLong());
        return last.isEmpty() ? 0 : last.get(0);
    }

    /**
     * The batches holding changes after {@code sequence}, in order, at most {@code maxBatches}; the first may
     * begin at or before {@code sequence} (it holds the change after it).
     */
    public List<ChangeBatch> after(long sequence, int maxBatches) {
        return this.db.query(AFTER, Map.of("sequence", sequence, "max", maxBatches), ChangeStore::batch);
    }

    private static ChangeBatch batch(Record r) {
        long first = r.get("first").asLong();
        ZonedDateTime at = r.get("at").asZonedDateTime();
        String version = r.get("graphVersion").asString(null);
        String user = r.get("user").asString(null);
        String run = r.get("run").asString(null);
        ChangeOrigin origin = ChangeOrigin.valueOf(r.get("origin").asString());
        List<Change> changes = new ArrayList<>();
        List<String> encoded = r.get("changes").asList(Value::asString);
        for (int i = 0; i < encoded.size(); i++) {
            changes.add(ChangeCodec.decode(encoded.get(i), first + i, at, version, user, run, origin));
        }
        return new ChangeBatch(first, changes);
    }

    /**
     * Records {@code changes} found by the reconciliation, in one write transaction that also moves the
     * reconciliation's mark to {@code reconciledThrough}: the counter is locked first, so that two
     * instances of the application reconciling at once record each change once, one after the other.
     * Each change is attributed to its own {@code user} (the link's recordedBy, when known).
     *
     * @return the batches written, with their sequences
     */
    public List<ChangeBatch> append(List<Change> changes, ZonedDateTime reconciledThrough) {
        return this.db.write(tx -> {
            Record counter = tx.run(LOCK_COUNTER, Map.of("name", FEED_NAME)).get(0);
            long last = counter.get("last").asLong();
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            String version = tx.run(GRAPH_VERSION, Map.of()).get(0).get("v").asString();
            List<ChangeBatch> batches = new ArrayList<>();
            long next = last + 1;
            for (int start = 0; start < changes.size(); start += BATCH_SIZE) {
                List<Change> slice = changes.subList(start, Math.min(changes.size(), start + BATCH_SIZE));
                List<Change> placed = new ArrayList<>();
                List<String> encoded = new ArrayList<>();
                for (int i = 0; i < slice.size(); i++) {
                    Change change = slice.get(i).placed(next + i, now, version, slice.get(i).user(), null, ChangeOrigin.RECONCILIATION);
                    placed.add(change);
                    encoded.add(ChangeCodec.encode(change, RECONCILED_BY));
                }
                Map<String, Object> properties = describe(next, next + slice.size() - 1, now, version, RECONCILED_BY, null,
                        ChangeOrigin.RECONCILIATION);
                properties.put(CHANGES, encoded);
                tx.run(CREATE_BATCH, Map.of("properties", properties));
                batches.add(new ChangeBatch(next, placed));
                next += slice.size();
            }
            Map<String, Object> parameters = new HashMap<>();
            parameters.put("name", FEED_NAME);
            parameters.put("last", next - 1);
            parameters.put("through", reconciledThrough);
            tx.run(MOVE_COUNTER, parameters);
            return batches;
        });
    }

    /** How far the reconciliation has looked: the time of the newest write it has recorded; null before it first ran. */
    public ZonedDateTime reconciledThrough() {
        List<ZonedDateTime> through = this.db.query(RECONCILED_THROUGH, Map.of("name", FEED_NAME), r -> r.get("t").isNull() ? null : r.get("t").asZonedDateTime());
        return through.isEmpty() ? null : through.get(0);
    }

    /** Deletes the batches recorded before {@code before}; returns nothing, as the statement commits in pieces. */
    public void purge(ZonedDateTime before, Duration timeout) {
        this.db.autoCommit(PURGE, Map.of("before", before), timeout);
    }

    /** The oldest sequence still kept, or {@code head + 1} when none is. */
    public long oldest() {
        List<Long> first = this.db.query(OLDEST, Map.of(),
                r -> r.get("first").asLong());
        return first.isEmpty() ? head() + 1 : first.get(0);
    }

}
