package org.pangeagraph.db;

import java.util.List;
import java.util.Map;

/**
 * A counter in the graph that every write through the application and every import raises by one.
 * Analytics computed in the JVM are cached against it, so that a cached answer is never older than
 * the graph. It lives in the database, not in memory, so that several application instances on one
 * cluster agree on it. The counter node carries a random epoch, set when it is created, so that a
 * graph emptied and written again (or restored from a backup) never repeats a version seen before.
 */
public final class GraphVersion {

    private static final String BUMP = "MERGE (g:PangeaGraph {name: 'graph'}) ON CREATE SET g.epoch = randomUUID() "
            + "SET g.version = coalesce(g.version, 0) + 1";

    private final GraphDb db;

    public GraphVersion(GraphDb db) {
        this.db = db;
    }

    /** Raises the version inside the caller's write transaction, so that it commits with the change. */
    public static void bump(GraphDb.GraphTx tx) {
        tx.run(BUMP, Map.of());
    }

    /** Raises the version in a transaction of its own (after an import). */
    public void bump() {
        this.db.write(tx -> {
            bump(tx);
            return null;
        });
    }

    /** The current version, as {@code epoch:counter}. */
    public String current() {
        List<String> version = this.db.query("""
                OPTIONAL MATCH (g:PangeaGraph {name: 'graph'})
                RETURN coalesce(g.epoch, 'none') + ':' + toString(coalesce(g.version, 0)) AS v
                """, Map.of(), r -> r.get("v").asString());
        return version.get(0);
    }

}
