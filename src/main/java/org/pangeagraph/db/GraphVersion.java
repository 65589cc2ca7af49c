package org.pangeagraph.db;

import java.util.List;
import java.util.Map;

/**
 * A counter in the graph that every write through the application and every import raises by one.
 * Analytics computed in the JVM are cached against it, so that a cached answer is never older than
 * the graph. It lives in the database, not in memory, so that several application instances on one
 * cluster agree on it. The counter node carries a random epoch, set when it is created, so that a
 * graph emptied and written again (or restored from a backup) never repeats a version seen before.
 *
 * <p>On the embedded database the version read last is kept with the database's last closed
 * transaction: while no transaction has closed since, the counter cannot have moved, and it is
 * answered without a statement. Every write, through this process or over Bolt (the import command),
 * closes a transaction. A server or cluster is asked every time.
 */
public final class GraphVersion {

    private static final String BUMP = "MERGE (g:PangeaGraph {name: 'graph'}) ON CREATE SET g.epoch = randomUUID() "
            + "SET g.version = coalesce(g.version, 0) + 1";

    private final GraphDb db;

    /** The version last read on the embedded database, and the commit point it was read after. */
    private volatile Known known;

    private record Known(GraphDb.CommitPoint after, String version) {
    }

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

    /**
     * The current version, as {@code epoch:counter}. Inside an operation's transaction (a mutation's
     * payload), the graph holds writes that may yet be rolled back: the version is then of an epoch of
     * its own, never seen before or after, so that nothing computed from it is cached under a version
     * that committed data may later take.
     */
    public String current() {
        if (this.db.inOperation()) {
            return "uncommitted-" + java.util.UUID.randomUUID() + ":0";
        }
        // Taken before reading: a write closing while the counter is read moves the point past it, so
        // that the next call reads again.
        GraphDb.CommitPoint now = this.db.commitPoint();
        Known last = this.known;
        if (now != null && last != null && now.unchangedSince(last.after())) {
            return last.version();
        }
        String version = read();
        if (now != null) {
            this.known = new Known(now, version);
        }
        return version;
    }

    private String read() {
        List<String> version = this.db.query("""
                OPTIONAL MATCH (g:PangeaGraph {name: 'graph'})
                RETURN coalesce(g.epoch, 'none') + ':' + toString(coalesce(g.version, 0)) AS v
                """, Map.of(), r -> r.get("v").asString());
        return version.get(0);
    }

}
