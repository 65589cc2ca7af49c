package org.pangeagraph.db;

/**
 * Where the embedded database's history stands, for test support outside this package: how many
 * transactions have committed between two points in the same start of the database, through this
 * process or over Bolt. Unknown (null) where the database is not in this process.
 */
public final class CommitPoints {

    private CommitPoints() {
    }

    /** The point now, or null where the database is not in this process or is stopped. */
    public static Object now(GraphDb db) {
        return db.commitPoint();
    }

    /**
     * How many transactions have committed since {@code earlier}, a point {@link #now} gave, in the same start
     * of the database (each committed write is one transaction more); -1 when either point is unknown or the
     * database has started again since.
     */
    public static long committedSince(GraphDb db, Object earlier) {
        GraphDb.CommitPoint now = db.commitPoint();
        if (now == null || !(earlier instanceof GraphDb.CommitPoint point) || point.database() != now.database()) {
            return -1;
        }
        return now.transaction() - point.transaction();
    }

}
