package org.pangeagraph.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * One write transaction for a whole operation: every field of one GraphQL mutation, its writes and the
 * reads of its answer, all of it committed together or none of it. It is opened at the operation's
 * first statement (an operation refused before it reaches the database opens nothing) and ended once,
 * by {@link #commit()} or {@link #rollback()}, by whoever began it.
 *
 * <p>While an operation is {@link #join joined} on a thread, every {@link GraphDb#read},
 * {@link GraphDb#write} and {@link GraphDb#query} of that {@code GraphDb} on the thread runs in it, so
 * that a payload field or a batch loader sees what the fields before wrote; it may be joined on several
 * threads, and runs their statements one at a time. Nothing else changes: queries and imports never
 * join one. The transaction has the API's timeout, for the whole operation. A failure is not retried
 * inside it (its earlier statements could not be replayed): a deadlock with another writer is a
 * {@link org.pangeagraph.model.ConflictException}, and the operation writes nothing.
 */
public final class OperationTransaction {

    /** The key under which an operation is kept in a request's context, and its thread-local value propagated. */
    public static final String CONTEXT_KEY = OperationTransaction.class.getName();

    private static final ThreadLocal<OperationTransaction> JOINED = new ThreadLocal<>();

    private final GraphDb owner;

    private final ReentrantLock lock = new ReentrantLock();

    /** The open transaction; null until the first statement. Guarded by {@link #lock}. */
    private OpenTransaction open;

    /** Whether the operation has ended. Guarded by {@link #lock}. */
    private boolean ended;

    /** What to do once the operation has committed; dropped on rollback. Guarded by {@link #lock}. */
    private final List<Runnable> afterCommit = new ArrayList<>();

    OperationTransaction(GraphDb owner) {
        this.owner = owner;
    }

    /** The operation joined on this thread, if any. */
    static OperationTransaction joined() {
        return JOINED.get();
    }

    /**
     * Runs {@code action} once what this thread writes is committed: after the operation joined on this
     * thread commits (never, if it rolls back), or at once where no operation is joined (a write of its
     * own, committed already). For what must see the write, such as the alert matcher reading the watches.
     */
    public static void afterCommit(Runnable action) {
        OperationTransaction operation = JOINED.get();
        if (operation == null) {
            action.run();
            return;
        }
        operation.lock.lock();
        try {
            if (!operation.ended) {
                operation.afterCommit.add(action);
                return;
            }
        }
        finally {
            operation.lock.unlock();
        }
        action.run();
    }

    /**
     * Joins {@code operation} on this thread (null to leave), returning the one joined before, for
     * {@link #restore}. Used by the request's context propagation.
     */
    static OperationTransaction join(OperationTransaction operation) {
        OperationTransaction before = JOINED.get();
        restore(operation);
        return before;
    }

    static void restore(OperationTransaction operation) {
        if (operation == null) {
            JOINED.remove();
        }
        else {
            JOINED.set(operation);
        }
    }

    /**
     * Whether {@code db} is the database of this operation: the same driver, whatever its transaction
     * timeout ({@link GraphDb#withTimeout} gives the same database to stores such as the watches' and the
     * alerts', whose writes in a mutation belong to its transaction like any other).
     */
    boolean of(GraphDb db) {
        return this.owner.driver() == db.driver();
    }

    /** Runs {@code work} in the operation's transaction, opening it first if this is its first statement. */
    <T> T run(Function<GraphDb.GraphTx, T> work) {
        this.lock.lock();
        try {
            if (this.ended) {
                throw new IllegalStateException("The operation's transaction has ended");
            }
            if (this.open == null) {
                this.open = this.owner.begin(AccessMode.WRITE);
            }
            return work.apply(this.open.tx());
        }
        finally {
            this.lock.unlock();
        }
    }

    /** Whether a statement has run, so that there is something to commit. */
    public boolean opened() {
        this.lock.lock();
        try {
            return this.open != null;
        }
        finally {
            this.lock.unlock();
        }
    }

    /**
     * Commits what the operation wrote. On failure nothing is written, and the failure comes as the
     * application's exceptions (a timeout, the database unavailable, a conflict with another writer).
     */
    public void commit() {
        end(true);
    }

    /** Rolls back whatever the operation wrote. */
    public void rollback() {
        end(false);
    }

    private void end(boolean commit) {
        this.lock.lock();
        try {
            if (this.ended) {
                return;
            }
            this.ended = true;
            if (this.open == null) {
                return;
            }
            if (commit) {
                this.open.commit();
                this.owner.committed();
                this.afterCommit.forEach(Runnable::run);
            }
            else {
                this.open.rollback();
            }
        }
        catch (Neo4jException ex) {
            throw GraphDb.translateInOperation(ex);
        }
        finally {
            this.lock.unlock();
        }
    }

    /** A transaction begun and not yet ended, in the process or through the driver. */
    interface OpenTransaction {

        GraphDb.GraphTx tx();

        /** Commits and ends; on failure everything is rolled back. */
        void commit();

        /** Rolls back and ends. */
        void rollback();

    }

}
