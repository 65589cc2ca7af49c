package org.pangeagraph.db;

import java.lang.reflect.Array;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.TransactionTerminatedException;
import org.neo4j.driver.exceptions.TransientException;
import org.neo4j.driver.internal.InternalRecord;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.graphdb.QueryExecutionType;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.SecurityContext;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.storageengine.api.TransactionIdStore;
import org.neo4j.values.storable.DurationValue;

/**
 * Transactions on the embedded database opened in the application's own process, without the Bolt
 * round trips: a request's statements run on the thread that resolves it, and their rows become the
 * driver's records, so that everything above {@link GraphDb} reads them as it would read Bolt's.
 *
 * <p>It keeps the driver's contract: a read transaction is read-only (a statement the planner says
 * writes is refused, as a server refuses it in a read session), every transaction has the API's
 * timeout, transient failures (a deadlock between two writers) are retried for up to the driver's
 * retry time, and failures come out as the driver's exceptions with Neo4j's status codes. A stopped
 * database is unavailable.
 */
final class InProcessTransactions {

    /** Neo4j's code for a write in a read transaction, as a server gives it. */
    static final String WRITE_IN_READ = "Neo.ClientError.Statement.AccessMode";

    private final Supplier<GraphDatabaseAPI> database;

    private final Duration retryTime;

    /** The transaction ids of the database last asked, resolved once per start of the database. */
    private volatile TransactionIds ids;

    /**
     * @param database the running database, or null while it is stopped
     * @param retryTime how long transient failures are retried, as the driver's
     * {@code max-transaction-retry-time}
     */
    InProcessTransactions(Supplier<GraphDatabaseAPI> database, Duration retryTime) {
        this.database = database;
        this.retryTime = retryTime;
    }

    /**
     * Runs {@code work} in one transaction of {@code mode} carrying {@code metadata} (who it writes for,
     * {@link WriteAttribution}), retried while it fails transiently.
     */
    <T> T execute(AccessMode mode, Duration timeout, Map<String, Object> metadata, Function<GraphDb.GraphTx, T> work) {
        return retried(() -> once(mode, timeout, metadata, work));
    }

    /**
     * Runs {@code work} on the database's own API in one read transaction, retried while it fails
     * transiently: the transaction may read only (a write is refused), and has {@code timeout}.
     */
    <T> T read(Duration timeout, Function<Transaction, T> work) {
        return retried(() -> {
            GraphDatabaseAPI db = running();
            try (InternalTransaction tx = begin(db,
                    SecurityContext.AUTH_DISABLED.withMode(org.neo4j.internal.kernel.api.security.AccessMode.Static.READ), timeout)) {
                T result = work.apply(tx);
                tx.commit();
                return result;
            }
            catch (RuntimeException ex) {
                throw translate(ex, db);
            }
        });
    }

    private <T> T retried(Supplier<T> once) {
        long deadline = System.nanoTime() + this.retryTime.toNanos();
        long delayMillis = 1;
        while (true) {
            try {
                return once.get();
            }
            catch (Neo4jException ex) {
                if (!(ex instanceof RetryableException) || System.nanoTime() + delayMillis * 1_000_000 > deadline) {
                    throw ex;
                }
            }
            sleep(delayMillis + ThreadLocalRandom.current().nextLong(delayMillis + 1));
            delayMillis = Math.min(delayMillis * 2, 1_000);
        }
    }

    private static InternalTransaction begin(GraphDatabaseAPI db, SecurityContext security, Duration timeout) {
        return db.beginTransaction(KernelTransaction.Type.EXPLICIT, security, ClientConnectionInfo.EMBEDDED_CONNECTION,
                timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private GraphDatabaseAPI running() {
        GraphDatabaseAPI db = this.database.get();
        if (db == null) {
            throw new ServiceUnavailableException("The embedded database is stopped.");
        }
        return db;
    }

    /**
     * Where the database's history stands now: which start of the database, and the last transaction
     * closed in it (written, and seen by every transaction begun after); null while it is stopped. While
     * it is unchanged, nothing has been written since, through this process or over Bolt.
     */
    GraphDb.CommitPoint commitPoint() {
        GraphDatabaseAPI db = this.database.get();
        if (db == null) {
            return null;
        }
        TransactionIds current = this.ids;
        if (current == null || current.database() != db) {
            current = new TransactionIds(db, db.getDependencyResolver().resolveDependency(TransactionIdStore.class));
            this.ids = current;
        }
        return new GraphDb.CommitPoint(db, current.store().getLastClosedTransactionId());
    }

    private record TransactionIds(GraphDatabaseAPI database, TransactionIdStore store) {
    }

    private <T> T once(AccessMode mode, Duration timeout, Map<String, Object> metadata, Function<GraphDb.GraphTx, T> work) {
        GraphDatabaseAPI db = running();
        try (InternalTransaction tx = begin(db, SecurityContext.AUTH_DISABLED, timeout)) {
            tx.setMetaData(metadata);
            T result = work.apply(statements(mode, tx));
            tx.commit();
            return result;
        }
        catch (RuntimeException ex) {
            throw translate(ex, db);
        }
    }

    /** The statements of {@code tx}, read-only if {@code mode} is READ. */
    private static GraphDb.GraphTx statements(AccessMode mode, InternalTransaction tx) {
        return new GraphDb.GraphTx() {
            @Override
            public List<Record> run(String cypher, Map<String, Object> parameters) {
                return records(readOnlyIfRead(mode, tx.execute(cypher, parameters)));
            }

            @Override
            public void forEach(String cypher, Map<String, Object> parameters, Consumer<Record> row) {
                each(readOnlyIfRead(mode, tx.execute(cypher, parameters)), row);
            }
        };
    }

    /**
     * Begins one transaction of {@code mode} that the caller ends ({@link OperationTransaction}), with
     * {@code timeout} for all of it. Not retried: its statements are the caller's to replay. Failures come
     * out as the driver's exceptions.
     */
    OperationTransaction.OpenTransaction begin(AccessMode mode, Duration timeout, Map<String, Object> metadata) {
        GraphDatabaseAPI db = running();
        InternalTransaction tx;
        try {
            tx = begin(db, SecurityContext.AUTH_DISABLED, timeout);
            tx.setMetaData(metadata);
        }
        catch (RuntimeException ex) {
            throw translate(ex, db);
        }
        GraphDb.GraphTx statements = statements(mode, tx);
        return new OperationTransaction.OpenTransaction() {
            @Override
            public GraphDb.GraphTx tx() {
                return new GraphDb.GraphTx() {
                    @Override
                    public List<Record> run(String cypher, Map<String, Object> parameters) {
                        try {
                            return statements.run(cypher, parameters);
                        }
                        catch (RuntimeException ex) {
                            throw translate(ex, db);
                        }
                    }

                    @Override
                    public void forEach(String cypher, Map<String, Object> parameters, Consumer<Record> row) {
                        try {
                            statements.forEach(cypher, parameters, row);
                        }
                        catch (RuntimeException ex) {
                            throw translate(ex, db);
                        }
                    }
                };
            }

            @Override
            public void commit() {
                try (tx) {
                    tx.commit();
                }
                catch (RuntimeException ex) {
                    throw translate(ex, db);
                }
            }

            @Override
            public void rollback() {
                try (tx) {
                    tx.rollback();
                }
                catch (RuntimeException ex) {
                    throw translate(ex, db);
                }
            }
        };
    }

    /**
     * A statement in a read transaction must only read: one the planner says writes is refused before its
     * rows are pulled, and its transaction is rolled back, so it writes nothing.
     */
    private static Result readOnlyIfRead(AccessMode mode, Result result) {
        if (mode == AccessMode.READ) {
            QueryExecutionType.QueryType type = result.getQueryExecutionType().queryType();
            if (type != QueryExecutionType.QueryType.READ_ONLY && type != QueryExecutionType.QueryType.DBMS) {
                result.close();
                throw new ClientException(WRITE_IN_READ, "Writing in read access mode not allowed (a " + type
                        + " statement in a read transaction).");
            }
        }
        return result;
    }

    /** All rows of {@code result} as driver records. */
    static List<Record> records(Result result) {
        List<Record> records = new ArrayList<>();
        each(result, records::add);
        return records;
    }

    /** Each row of {@code result} as a driver record, handed on as it is read. */
    static void each(Result result, Consumer<Record> row) {
        try (result) {
            List<String> keys = result.columns();
            while (result.hasNext()) {
                Map<String, Object> next = result.next();
                List<Value> values = new ArrayList<>(keys.size());
                for (String key : keys) {
                    values.add(value(next.get(key)));
                }
                row.accept(new InternalRecord(keys, values));
            }
        }
    }

    /** A value the embedded API returned, as the driver would have received it over Bolt. */
    static Value value(Object object) {
        if (object instanceof Map<?, ?> map) {
            Map<String, Value> values = new LinkedHashMap<>(Math.max(4, map.size() * 2));
            map.forEach((k, v) -> values.put((String) k, value(v)));
            return Values.value(values);
        }
        if (object instanceof List<?> list) {
            List<Value> values = new ArrayList<>(list.size());
            list.forEach(v -> values.add(value(v)));
            return Values.value(values);
        }
        if (object instanceof DurationValue duration) {
            return Values.isoDuration(duration.get(ChronoUnit.MONTHS), duration.get(ChronoUnit.DAYS),
                    duration.get(ChronoUnit.SECONDS), (int) duration.get(ChronoUnit.NANOS));
        }
        if (object != null && object.getClass().isArray() && !(object instanceof byte[])) {
            int length = Array.getLength(object);
            List<Value> values = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                values.add(value(Array.get(object, i)));
            }
            return Values.value(values);
        }
        if (object instanceof org.neo4j.graphdb.Entity || object instanceof org.neo4j.graphdb.Path) {
            // Every statement of the application returns maps and values, never whole nodes.
            throw new IllegalStateException("A statement returned a node, relationship or path; return its properties");
        }
        return Values.value(object);
    }

    /**
     * A failure of the embedded database as the driver reports it: Neo4j's status code, classified as
     * the driver classifies it; a failure because the database went away is {@link ServiceUnavailableException}.
     */
    static RuntimeException translate(RuntimeException ex, GraphDatabaseAPI db) {
        if (ex instanceof Neo4jException) {
            return ex;
        }
        String code = ex instanceof QueryExecutionException query ? query.getStatusCode()
                : ex instanceof Status.HasStatus hasStatus && hasStatus.status() != null
                        ? hasStatus.status().code().serialize() : null;
        if ((code != null && code.endsWith(".DatabaseUnavailable")) || !db.isAvailable()) {
            return new ServiceUnavailableException("The embedded database is unavailable: " + ex.getMessage(), ex);
        }
        if (code == null) {
            return ex;
        }
        if (code.equals(Status.Transaction.Terminated.code().serialize())) {
            return new TransactionTerminatedException(code, ex.getMessage());
        }
        if (code.startsWith("Neo.TransientError.")) {
            return new TransientException(code, ex.getMessage());
        }
        if (code.startsWith("Neo.ClientError.") || code.startsWith("Neo.ClientNotification.")) {
            return new ClientException(code, ex.getMessage());
        }
        return new DatabaseException(code, ex.getMessage());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("Interrupted while waiting to retry a transaction", ex);
        }
    }

}
