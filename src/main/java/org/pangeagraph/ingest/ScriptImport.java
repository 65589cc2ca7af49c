package org.pangeagraph.ingest;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.exceptions.Neo4jException;
import org.pangeagraph.db.CypherScript;
import org.pangeagraph.db.DatabaseUnavailableException;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.db.QueryTimeoutException;
import org.pangeagraph.db.ScriptRunner;
import org.pangeagraph.db.ScriptRunner.CommitInDoubtException;
import org.pangeagraph.db.ScriptRunner.StatementFailedException;
import org.pangeagraph.db.ScriptRunner.Tally;

/**
 * One run of the import: the scripts in order, each with parameters of its own (as cypher-shell
 * runs one file), stopping at the first failing statement; then, for whatever was committed, the
 * post-import pass and a new graph version. Reports go to {@code out}, failures and the pass's
 * problems to {@code err}.
 */
final class ScriptImport {

    // Long enough for a large CALL { ... } IN TRANSACTIONS load; the database's own limit still applies.
    private static final Duration STATEMENT_TIMEOUT = Duration.ofHours(2);

    private final GraphDb db;

    private final int batchSize;

    ScriptImport(GraphDb db, int batchSize) {
        this.db = db;
        this.batchSize = batchSize;
    }

    /** How a run ended, and what each script committed (for the audit trail). */
    record Outcome(ExitCode exit, Map<String, String> committed) {
    }

    Outcome run(List<CypherScript> scripts, PrintStream out, PrintStream err) {
        Map<String, String> committed = new LinkedHashMap<>();
        return new Outcome(run(scripts, out, err, committed), committed);
    }

    private ExitCode run(List<CypherScript> scripts, PrintStream out, PrintStream err, Map<String, String> committed) {
        ScriptRunner runner = new ScriptRunner(this.db.driver(), this.batchSize, STATEMENT_TIMEOUT);
        try {
            for (int i = 0; i < scripts.size(); i++) {
                CypherScript script = scripts.get(i);
                Tally tally = new Tally();
                int[] committedThrough = { 0 };
                try {
                    runner.run(script, Map.of(), tally, (name, line, total) -> committedThrough[0] = line);
                    out.println(script.name() + ": committed " + tally);
                    committed.put(script.name(), tally.toString());
                }
                catch (StatementFailedException ex) {
                    err.println(ex.getMessage());
                    err.println("The transaction holding that statement was rolled back; nothing after it was run.");
                    out.println(script.name() + ": committed before the failure: " + ex.committedBefore());
                    committed.put(script.name(), "before the failure: " + ex.committedBefore());
                    notRun(scripts.subList(i + 1, scripts.size()), out);
                    afterImport(out, err);
                    return ExitCode.STATEMENT_FAILED;
                }
                catch (DatabaseUnavailableException ex) {
                    lost(ex, err);
                    String through = (committedThrough[0] == 0 ? "nothing" : "through line " + committedThrough[0] + ": " + tally)
                            + " before the database was lost";
                    out.println(script.name() + ": committed " + through);
                    committed.put(script.name(), through);
                    notRun(scripts.subList(i + 1, scripts.size()), out);
                    err.println("What was committed stays; the post-import pass did not run. Once the database is back, run the rest"
                            + " (a script that MERGEs on its keys can simply run again).");
                    return ExitCode.DATABASE_UNREACHABLE;
                }
            }
            afterImport(out, err);
            return ExitCode.OK;
        }
        catch (DatabaseUnavailableException ex) {
            lost(ex, err);
            err.println("What the scripts committed stays; the post-import pass did not finish: import again to complete it.");
            return ExitCode.DATABASE_UNREACHABLE;
        }
        catch (Neo4jException | QueryTimeoutException ex) {
            err.println("The post-import pass failed: " + ex.getMessage());
            err.println("What the scripts committed stays; import again to complete it.");
            return ExitCode.STATEMENT_FAILED;
        }
    }

    private static void notRun(List<CypherScript> scripts, PrintStream out) {
        scripts.forEach(s -> out.println(s.name() + ": not run"));
    }

    private static void lost(DatabaseUnavailableException ex, PrintStream err) {
        String reason = ex.getCause() == null ? "" : ": " + ex.getCause().getMessage();
        if (ex instanceof CommitInDoubtException doubt) {
            err.println("Lost the connection to the database while committing" + reason);
            err.println(doubt.script() + ":" + doubt.firstLine() + "-" + doubt.lastLine() + ": the transaction of these lines was being"
                    + " committed: it may or may not be in the graph. Look before importing them again.");
        }
        else {
            err.println("Lost the database" + reason);
        }
    }

    private void afterImport(PrintStream out, PrintStream err) {
        PostImport.run(this.db, out, err);
    }

}
