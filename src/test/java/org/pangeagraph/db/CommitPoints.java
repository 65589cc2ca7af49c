package org.pangeagraph.db;

/**
 * Where the embedded database's history stands, for test support outside this package: two points
 * equal when no transaction has committed between them in the same start of the database, through
 * this process or over Bolt. Unknown (null) where the database is not in this process.
 */
public final class CommitPoints {

    private CommitPoints() {
    }

    /** The point now, or null where the database is not in this process or is stopped. */
    public static Object now(GraphDb db) {
        return db.commitPoint();
    }

    /** Whether nothing has committed since {@code earlier}, a point {@link #now} gave; false when either is unknown. */
    public static boolean unchangedSince(GraphDb db, Object earlier) {
        GraphDb.CommitPoint now = db.commitPoint();
        return now != null && earlier instanceof GraphDb.CommitPoint point && now.unchangedSince(point);
    }

}
