package org.pangeagraph.db;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.neo4j.driver.exceptions.TransactionTerminatedException;
import org.neo4j.driver.exceptions.TransientException;
import org.pangeagraph.model.ConflictException;

/**
 * The one way the application talks to Neo4j: reads in read transactions (so that a cluster routes
 * them to secondaries), writes in write transactions, each with a timeout, all sessions sharing one
 * bookmark manager so that a read after a write sees it. With the embedded database, managed
 * transactions run in this process without Bolt ({@link InProcessTransactions}), still read-only for
 * reads. Nothing above this class knows whether the database is embedded, a server or a cluster,
 * but for the one read that walks the whole graph ({@link #readInProcess}), which is given the same
 * read as Cypher for the case where it is not.
 *
 * <p>An {@link OperationTransaction} ({@link #operation()}) holds one write transaction for a whole
 * GraphQL mutation: while it is joined on a thread, this class's reads and writes on that thread run in
 * it instead of transactions of their own.
 */
public class GraphDb {

    private final Driver driver;

    private final SessionConfig readSession;

    private final SessionConfig writeSession;

    /** The API's transaction configuration when nobody is attributed on the thread. */
    private final TransactionConfig unattributedTransaction;

    private final Duration transactionTimeout;

    /** Transactions on the embedded database in this process; null to go through the driver. */
    private final InProcessTransactions inProcess;

    private final LongAdder statements;

    private final List<TransactionObserver> observers;

    /** Every transaction through the driver. */
    public GraphDb(Driver driver, Duration transactionTimeout) {
        this(driver, transactionTimeout, null, new LongAdder(), new CopyOnWriteArrayList<>());
    }

    /**
     * Managed transactions in this process on the embedded database; the driver still carries
     * auto-commit statements and the scripts of imports.
     */
    GraphDb(Driver driver, Duration transactionTimeout, InProcessTransactions inProcess) {
        this(driver, transactionTimeout, inProcess, new LongAdder(), new CopyOnWriteArrayList<>());
    }

    private GraphDb(Driver driver, Duration transactionTimeout, InProcessTransactions inProcess, LongAdder statements,
            List<TransactionObserver> observers) {
        this.driver = driver;
        this.transactionTimeout = transactionTimeout;
        this.inProcess = inProcess;
        var bookmarks = driver.executableQueryBookmarkManager();
        this.readSession = SessionConfig.builder().withDefaultAccessMode(AccessMode.READ)
            .withBookmarkManager(bookmarks).build();
        this.writeSession = SessionConfig.builder().withDefaultAccessMode(AccessMode.WRITE)
            .withBookmarkManager(bookmarks).build();
        this.unattributedTransaction = TransactionConfig.builder().withTimeout(transactionTimeout)
            .withMetadata(Map.of(WriteAttribution.APPLICATION, WriteAttribution.APPLICATION_NAME)).build();
        this.statements = statements;
        this.observers = observers;
    }

    /**
     * The same database with another transaction timeout, for work that is not an API request:
     * migrations, seeding, the post-import pass. Statements and observers are shared.
     */
    public GraphDb withTimeout(Duration transactionTimeout) {
        return new GraphDb(this.driver, transactionTimeout, this.inProcess, this.statements, this.observers);
    }

    /**
     * A new operation transaction on this database, for one GraphQL mutation: nothing is opened until
     * its first statement; whoever asks for it ends it.
     */
    public OperationTransaction operation() {
        return new OperationTransaction(this);
    }

    /** Runs {@code work} in a read transaction, retried on transient failures (in the operation's, when one is joined). */
    public <T> T read(Function<GraphTx, T> work) {
        return execute(AccessMode.READ, work);
    }

    /**
     * Runs {@code work} in one write transaction: all of it is written, or none. When an operation is
     * joined, in the operation's transaction, which commits or rolls back with the whole operation.
     */
    public <T> T write(Function<GraphTx, T> work) {
        return execute(AccessMode.WRITE, work);
    }

    /** One read statement, its records mapped inside the transaction. */
    public <T> List<T> query(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        return read(tx -> tx.run(cypher, parameters).stream().map(mapper).toList());
    }

    /**
     * Runs one statement in auto-commit mode, for statements that manage their own transactions
     * ({@code CALL { ... } IN TRANSACTIONS}) and schema commands.
     */
    public void autoCommit(String cypher, Map<String, Object> parameters, Duration timeout) {
        this.observers.forEach(o -> o.opened(AccessMode.WRITE));
        try (Session session = this.driver.session(this.writeSession)) {
            this.statements.increment();
            CypherLog.ran(cypher, parameters);
            session.run(cypher, parameters, TransactionConfig.builder().withTimeout(timeout)
                .withMetadata(WriteAttribution.metadata()).build()).consume();
        }
        catch (Neo4jException ex) {
            throw translate(ex);
        }
        committed();
    }

    /** Tells the observers that a write of the application has committed. */
    void committed() {
        this.observers.forEach(TransactionObserver::committed);
    }

    /** How many statements this instance has sent, for tests that count round trips. */
    public long statementsRun() {
        return this.statements.sum();
    }

    public void addObserver(TransactionObserver observer) {
        this.observers.add(observer);
    }

    public void removeObserver(TransactionObserver observer) {
        this.observers.remove(observer);
    }

    public Driver driver() {
        return this.driver;
    }

    /**
     * Runs {@code work} in one read transaction on the embedded database's own API, where the database is
     * in this process, for a read of the whole graph that Cypher's rows would make several times slower;
     * empty where it is not (a server or cluster), for the caller to read with {@code statements} instead.
     * The transaction is read-only and has the timeout. Counters and observers are told of
     * {@code statements} as if they ran: they are the same read, which the benchmark replays over Bolt.
     */
    public <T> Optional<T> readInProcess(List<String> statements, Map<String, Object> parameters,
            Function<org.neo4j.graphdb.Transaction, T> work) {
        if (this.inProcess == null || joinedOperation() != null) {
            // In an operation, the caller's statements run in the operation's transaction and see its writes.
            return Optional.empty();
        }
        this.observers.forEach(o -> o.opened(AccessMode.READ));
        statements.forEach(statement -> counted(statement, parameters));
        try {
            return Optional.of(this.inProcess.read(this.transactionTimeout, work));
        }
        catch (Neo4jException ex) {
            throw translate(ex);
        }
    }

    /** Counts a statement, tells the observers of it and logs it ({@link CypherLog}), before it runs. */
    private void counted(String cypher, Map<String, Object> parameters) {
        this.statements.increment();
        this.observers.forEach(o -> o.ran(cypher, parameters));
        CypherLog.ran(cypher, parameters);
    }

    /** Whether an operation's transaction is joined on this thread: reads see its writes before they commit. */
    public boolean inOperation() {
        return joinedOperation() != null;
    }

    /** Whether managed transactions run in this process rather than through the driver. */
    public boolean inProcess() {
        return this.inProcess != null;
    }

    /**
     * Where the embedded database's history stands, to know without a statement that nothing has been
     * written since; null where the database is not in this process (a server or cluster is asked).
     */
    CommitPoint commitPoint() {
        return this.inProcess != null ? this.inProcess.commitPoint() : null;
    }

    /** One start of the embedded database and the last transaction closed in it. */
    record CommitPoint(Object database, long transaction) {

        /** Whether nothing was written between {@code earlier} and this point, in the same start of the database. */
        boolean unchangedSince(CommitPoint earlier) {
            return earlier != null && earlier.database == this.database && earlier.transaction == this.transaction;
        }

    }

    /** The operation joined on this thread for this database, or null. */
    private OperationTransaction joinedOperation() {
        OperationTransaction joined = OperationTransaction.joined();
        return joined != null && joined.of(this) ? joined : null;
    }

    private <T> T execute(AccessMode mode, Function<GraphTx, T> work) {
        OperationTransaction operation = joinedOperation();
        if (operation != null) {
            try {
                return operation.run(tx -> work.apply(new CountingTx(tx)));
            }
            catch (Neo4jException ex) {
                throw translateInOperation(ex);
            }
        }
        this.observers.forEach(o -> o.opened(mode));
        T result;
        try {
            if (this.inProcess != null) {
                result = this.inProcess.execute(mode, this.transactionTimeout, WriteAttribution.metadata(),
                        tx -> work.apply(new CountingTx(tx)));
            }
            else {
                try (Session session = this.driver.session(mode == AccessMode.READ ? this.readSession : this.writeSession)) {
                    TransactionConfig config = transactionConfig();
                    result = mode == AccessMode.READ ? session.executeRead(tx -> work.apply(new CountingTx(tx)), config)
                            : session.executeWrite(tx -> work.apply(new CountingTx(tx)), config);
                }
            }
        }
        catch (Neo4jException ex) {
            throw translate(ex);
        }
        if (mode == AccessMode.WRITE) {
            committed();
        }
        return result;
    }

    /** The API's transaction configuration, with the metadata of whoever writes on this thread ({@link WriteAttribution}). */
    private TransactionConfig transactionConfig() {
        if (WriteAttribution.current() == null) {
            return this.unattributedTransaction;
        }
        return TransactionConfig.builder().withTimeout(this.transactionTimeout).withMetadata(WriteAttribution.metadata()).build();
    }

    /**
     * Begins a transaction that its caller ends ({@link OperationTransaction}): in the process on the
     * embedded database, else on a session of its own, whose bookmark joins the others when it commits.
     */
    OperationTransaction.OpenTransaction begin(AccessMode mode) {
        this.observers.forEach(o -> o.opened(mode));
        if (this.inProcess != null) {
            return this.inProcess.begin(mode, this.transactionTimeout, WriteAttribution.metadata());
        }
        Session session = this.driver.session(mode == AccessMode.READ ? this.readSession : this.writeSession);
        try {
            Transaction tx = session.beginTransaction(transactionConfig());
            GraphTx statements = statements(tx);
            return new OperationTransaction.OpenTransaction() {
                @Override
                public GraphTx tx() {
                    return statements;
                }

                @Override
                public void commit() {
                    try (session; tx) {
                        tx.commit();
                    }
                }

                @Override
                public void rollback() {
                    try (session; tx) {
                        tx.rollback();
                    }
                }
            };
        }
        catch (RuntimeException ex) {
            session.close();
            throw ex;
        }
    }

    /**
     * What a failure inside an operation's transaction means: as {@link #translate}, but for a transient
     * failure (a deadlock with another writer), which cannot be retried inside the operation: the
     * operation conflicts with another write, writes nothing, and may be sent again.
     */
    static RuntimeException translateInOperation(Neo4jException ex) {
        if (ex instanceof TransientException && !(ex instanceof ServiceUnavailableException)
                && !(ex instanceof SessionExpiredException) && !(ex instanceof TransactionTerminatedException)) {
            return new ConflictException(null, "Another write held what this operation writes, and the database "
                    + "stopped one of the two; nothing of this operation was written: send it again");
        }
        return translate(ex);
    }

    /**
     * What a driver failure means to a caller. One that the driver deems worth retrying later (a lost
     * connection, a database that is stopping or starting, a leader switch) reaches the application
     * only once the driver's own retries have run out: the database is unavailable for now. A transaction
     * stopped by its timeout is a query timeout, whichever way Neo4j says so: TransactionTimedOut from
     * the statement it was in, or LockClientStopped from the lock it was taking or waiting for when it
     * was stopped (the same stop, reported by the lock manager).
     */
    static RuntimeException translate(Neo4jException ex) {
        if (ex instanceof RetryableException) {
            return new DatabaseUnavailableException(ex);
        }
        if (ex instanceof TransactionTerminatedException || (ex.code() != null
                && (ex.code().startsWith("Neo.ClientError.Transaction.TransactionTimedOut")
                        || ex.code().equals("Neo.ClientError.Transaction.LockClientStopped")))) {
            return new QueryTimeoutException(ex);
        }
        return ex;
    }

    /** The statements of a driver transaction, managed or not, as the application sees them. */
    private static GraphTx statements(SimpleQueryRunner tx) {
        return new GraphTx() {
            @Override
            public List<Record> run(String cypher, Map<String, Object> parameters) {
                return tx.run(cypher, parameters).list();
            }

            @Override
            public void forEach(String cypher, Map<String, Object> parameters, Consumer<Record> row) {
                tx.run(cypher, parameters).forEachRemaining(row);
            }
        };
    }

    /** A transaction as the application sees it: statements in, records out. */
    public interface GraphTx {

        /** Runs one statement and returns all its records. */
        List<Record> run(String cypher, Map<String, Object> parameters);

        /**
         * Runs one statement and hands its records to {@code row} as they are read, keeping none: for a
         * statement with very many rows (the projection), whose records are not needed all at once.
         */
        void forEach(String cypher, Map<String, Object> parameters, Consumer<Record> row);

    }

    /** Told of every transaction the application opens, with its access mode. */
    @FunctionalInterface
    public interface TransactionObserver {

        void opened(AccessMode mode);

        /**
         * Told after a write transaction of the application has committed (a write, an operation's
         * transaction, an auto-commit statement), on the thread that committed it.
         */
        default void committed() {
        }

        /**
         * Told of every statement run in a managed transaction, before it runs: the benchmark records what
         * a request sends to the database, to replay it over Bolt as the physical limit of the API.
         */
        default void ran(String cypher, Map<String, Object> parameters) {
        }

    }

    private final class CountingTx implements GraphTx {

        private final GraphTx tx;

        CountingTx(TransactionContext tx) {
            this.tx = statements(tx);
        }

        CountingTx(GraphTx tx) {
            this.tx = tx;
        }

        @Override
        public List<Record> run(String cypher, Map<String, Object> parameters) {
            GraphDb.this.counted(cypher, parameters);
            return this.tx.run(cypher, parameters);
        }

        @Override
        public void forEach(String cypher, Map<String, Object> parameters, Consumer<Record> row) {
            GraphDb.this.counted(cypher, parameters);
            this.tx.forEach(cypher, parameters, row);
        }

    }

}
