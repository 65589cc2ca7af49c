package org.pangeagraph.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.RetryableException;
import org.neo4j.driver.summary.SummaryCounters;
import org.pangeagraph.db.CypherScript.ParameterAssignment;
import org.pangeagraph.db.CypherScript.Statement;

/**
 * Runs Cypher scripts the way cypher-shell would, but in batches: consecutive statements share one
 * write transaction of up to {@code batchSize} statements; schema commands and statements that
 * manage their own transactions ({@code CALL { ... } IN TRANSACTIONS}) run in auto-commit mode. A
 * failing statement rolls back its transaction and stops the run; what was committed before stays
 * and is reported. Losing the database is not a statement's fault: it ends the run with
 * {@link DatabaseUnavailableException}, or {@link CommitInDoubtException} when it was lost while a
 * transaction was being committed. Such a transaction is never run a second time: the driver would
 * retry it, and a batch of {@code CREATE}s applied twice is worse than one reported in doubt.
 */
public final class ScriptRunner {

    private static final Pattern ERROR_POSITION = Pattern.compile("\\(line (\\d+), column \\d+ \\(offset: \\d+\\)\\)");

    private final Driver driver;

    private final int batchSize;

    private final TransactionConfig transactionConfig;

    public ScriptRunner(Driver driver, int batchSize, Duration transactionTimeout) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.driver = driver;
        this.batchSize = batchSize;
        // Attributed to whoever runs the script on this thread (an import run, WriteAttribution), for the change feed.
        this.transactionConfig = TransactionConfig.builder().withTimeout(transactionTimeout)
            .withMetadata(WriteAttribution.metadata()).build();
    }

    /** Progress of a run, told after every commit. */
    @FunctionalInterface
    public interface Progress {

        void committed(String script, int lastLine, Tally total);

    }

    /** What a run changed, summed over committed transactions. */
    public static final class Tally {

        private int statements;

        private int transactions;

        private long nodesCreated;

        private long relationshipsCreated;

        private long propertiesSet;

        private long nodesDeleted;

        private long relationshipsDeleted;

        void add(int statementCount, List<SummaryCounters> counters) {
            this.statements += statementCount;
            this.transactions++;
            for (SummaryCounters c : counters) {
                this.nodesCreated += c.nodesCreated();
                this.relationshipsCreated += c.relationshipsCreated();
                this.propertiesSet += c.propertiesSet();
                this.nodesDeleted += c.nodesDeleted();
                this.relationshipsDeleted += c.relationshipsDeleted();
            }
        }

        public int statements() {
            return this.statements;
        }

        public int transactions() {
            return this.transactions;
        }

        public long nodesCreated() {
            return this.nodesCreated;
        }

        public long relationshipsCreated() {
            return this.relationshipsCreated;
        }

        public long propertiesSet() {
            return this.propertiesSet;
        }

        public long nodesDeleted() {
            return this.nodesDeleted;
        }

        public long relationshipsDeleted() {
            return this.relationshipsDeleted;
        }

        @Override
        public String toString() {
            return count(this.statements, "statement") + " in " + count(this.transactions, "transaction") + ": "
                    + count(this.nodesCreated, "node") + " and " + count(this.relationshipsCreated, "relationship")
                    + " created, " + count(this.propertiesSet, "property") + " set, " + count(this.nodesDeleted, "node")
                    + " and " + count(this.relationshipsDeleted, "relationship") + " deleted";
        }

        private static String count(long n, String noun) {
            if (n == 1) {
                return "1 " + noun;
            }
            return n + " " + (noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
        }

    }

    /** A statement the database refused, with where it is and what Neo4j said. */
    public static final class StatementFailedException extends RuntimeException {

        private final String script;

        private final int line;

        private final Tally committedBefore;

        StatementFailedException(String script, int line, String neo4jMessage, Tally committedBefore, Throwable cause) {
            super(script + ":" + line + ": " + neo4jMessage, cause);
            this.script = script;
            this.line = line;
            this.committedBefore = committedBefore;
        }

        public String script() {
            return this.script;
        }

        public int line() {
            return this.line;
        }

        /** What the run had committed before this statement's transaction, which was rolled back. */
        public Tally committedBefore() {
            return this.committedBefore;
        }

    }

    /**
     * The database was lost while a transaction was being committed (or while a statement that commits
     * as it goes was running): whether it was applied cannot be told until the database is back.
     */
    public static final class CommitInDoubtException extends DatabaseUnavailableException {

        private final String script;

        private final int firstLine;

        private final int lastLine;

        CommitInDoubtException(String script, int firstLine, int lastLine, Throwable cause) {
            super(cause);
            this.script = script;
            this.firstLine = firstLine;
            this.lastLine = lastLine;
        }

        public String script() {
            return this.script;
        }

        /** Where the statements of the transaction in doubt start. */
        public int firstLine() {
            return this.firstLine;
        }

        /** Where the last statement of the transaction in doubt starts. */
        public int lastLine() {
            return this.lastLine;
        }

    }

    /**
     * Runs {@code script}, starting from {@code parameters} (which {@code :param} commands add to).
     *
     * @throws StatementFailedException for the first statement the database refuses
     * @throws DatabaseUnavailableException when the database cannot be reached; what was committed
     * before has been told to {@code progress}
     * @throws CommitInDoubtException when the database was lost during a commit
     */
    public Tally run(CypherScript script, Map<String, Object> parameters, Tally tally, Progress progress) {
        Map<String, Object> params = new HashMap<>(parameters);
        List<Pending> batch = new ArrayList<>();
        SessionConfig config = SessionConfig.builder().withDefaultAccessMode(AccessMode.WRITE)
            .withBookmarkManager(this.driver.executableQueryBookmarkManager()).build();
        try (Session session = this.driver.session(config)) {
            for (CypherScript.Item item : script.items()) {
                if (item instanceof ParameterAssignment assignment) {
                    assign(session, script, assignment, params, tally);
                }
                else if (item instanceof Statement statement && statement.autoCommit()) {
                    flush(session, script, batch, tally, progress);
                    autoCommit(session, script, statement, params, tally, progress);
                }
                else if (item instanceof Statement statement) {
                    // A :param may be null, which Map.copyOf refuses.
                    batch.add(new Pending(statement, Collections.unmodifiableMap(new HashMap<>(params))));
                    if (batch.size() >= this.batchSize) {
                        flush(session, script, batch, tally, progress);
                    }
                }
            }
            flush(session, script, batch, tally, progress);
        }
        return tally;
    }

    private record Pending(Statement statement, Map<String, Object> parameters) {
    }

    private void flush(Session session, CypherScript script, List<Pending> batch, Tally tally, Progress progress) {
        if (batch.isEmpty()) {
            return;
        }
        int[] current = { 0 };
        boolean[] committing = { false };
        int firstLine = batch.get(0).statement().line();
        int lastLine = batch.get(batch.size() - 1).statement().line();
        try {
            List<SummaryCounters> counters = session.executeWrite(tx -> {
                if (committing[0]) {
                    // The driver is retrying a transaction whose commit it sent and lost the answer to.
                    throw new CommitInDoubtException(script.name(), firstLine, lastLine, null);
                }
                List<SummaryCounters> all = new ArrayList<>();
                for (Pending pending : batch) {
                    current[0] = pending.statement().line();
                    CypherLog.ran(pending.statement().text(), pending.parameters());
                    all.add(tx.run(pending.statement().text(), pending.parameters()).consume().counters());
                }
                committing[0] = true;
                return all;
            }, this.transactionConfig);
            tally.add(batch.size(), counters);
            progress.committed(script.name(), lastLine, tally);
            batch.clear();
        }
        catch (Neo4jException ex) {
            if (committing[0] && ex instanceof RetryableException) {
                throw new CommitInDoubtException(script.name(), firstLine, lastLine, ex);
            }
            throw failure(ex, script, current[0], tally);
        }
    }

    private void autoCommit(Session session, CypherScript script, Statement statement, Map<String, Object> params,
            Tally tally, Progress progress) {
        try {
            CypherLog.ran(statement.text(), params);
            SummaryCounters counters = session.run(statement.text(), params, this.transactionConfig).consume().counters();
            tally.add(1, List.of(counters));
            progress.committed(script.name(), statement.line(), tally);
        }
        catch (Neo4jException ex) {
            if (ex instanceof RetryableException) {
                throw new CommitInDoubtException(script.name(), statement.line(), statement.line(), ex);
            }
            throw failure(ex, script, statement.line(), tally);
        }
    }

    private void assign(Session session, CypherScript script, ParameterAssignment assignment, Map<String, Object> params,
            Tally tally) {
        try {
            // The line break ends a // comment the command may close with.
            String evaluate = "RETURN " + assignment.expression() + "\nAS value";
            CypherLog.ran(evaluate, params);
            Object value = session.run(evaluate, params)
                .single().get("value").asObject();
            if (assignment.name() != null) {
                params.put(assignment.name(), value);
            }
            else if (value instanceof Map<?, ?> map) {
                map.forEach((k, v) -> params.put(String.valueOf(k), v));
            }
            else {
                throw new StatementFailedException(script.name(), assignment.line(), ":param {...} needs a map", tally, null);
            }
        }
        catch (Neo4jException ex) {
            throw failure(ex, script, assignment.line(), tally);
        }
    }

    private static RuntimeException failure(Neo4jException ex, CypherScript script, int line, Tally tally) {
        if (ex instanceof RetryableException) {
            return new DatabaseUnavailableException(ex);
        }
        String message = String.valueOf(ex.getMessage());
        // A syntax error names its line within the statement, whose lines are the file's from where it starts.
        Matcher position = ERROR_POSITION.matcher(message);
        int errorLine = position.find() ? line + Integer.parseInt(position.group(1)) - 1 : line;
        return new StatementFailedException(script.name(), errorLine, message, tally, ex);
    }

}
