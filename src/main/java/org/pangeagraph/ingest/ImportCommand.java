package org.pangeagraph.ingest;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.pangeagraph.audit.ImportAudit;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.ingest.ImportArguments.UsageException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar pangea-graph.jar import [--batch-size N] FILE_OR_DIRECTORY...}: runs Cypher
 * scripts against the configured database and exits with an {@link ExitCode}. The arguments and
 * every script are checked before the database is opened.
 */
public final class ImportCommand {

    /** The first argument that makes the jar import instead of serving the API. */
    public static final String NAME = "import";

    private ImportCommand() {
    }

    /**
     * Runs the command as the jar does: opens the configured database (see {@link ImportContext}),
     * imports, closes it.
     *
     * @param args the arguments after {@code import}
     * @return the exit status
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return withArguments(args, out, err, arguments -> {
            ConfigurableApplicationContext context;
            try {
                context = ImportContext.open(arguments.properties());
            }
            catch (RuntimeException ex) {
                err.println("Cannot reach the database: " + ImportContext.reason(ex));
                return ExitCode.DATABASE_UNREACHABLE;
            }
            try (context) {
                out.println("Importing into " + context.getBean(ImportContext.Target.class).description());
                Instant started = Instant.now();
                ScriptImport.Outcome outcome = importInto(context.getBean(GraphDb.class), arguments, out, err);
                audit(context, arguments, outcome, started, err);
                return outcome.exit();
            }
        });
    }

    /**
     * Runs the command against a database the caller has open already; {@code --property=value}
     * arguments, which choose a database, are ignored.
     *
     * @return the exit status
     */
    public static int run(GraphDb db, List<String> args, PrintStream out, PrintStream err) {
        return withArguments(args, out, err, arguments -> importInto(db, arguments, out, err).exit());
    }

    private static int withArguments(List<String> args, PrintStream out, PrintStream err,
            Function<ImportArguments, ExitCode> command) {
        ImportArguments arguments;
        try {
            arguments = ImportArguments.parse(args);
        }
        catch (UsageException ex) {
            err.println(ex.getMessage());
            err.println(ImportArguments.USAGE.lines().findFirst().orElseThrow() + "  (--help for more)");
            return ExitCode.USAGE.status();
        }
        if (arguments.help()) {
            out.println(ImportArguments.USAGE);
            return ExitCode.OK.status();
        }
        return command.apply(arguments).status();
    }

    /**
     * One audit record for the run, in the configured audit directory; the user is
     * {@code --pangea.import.user=NAME} when given, else the operating system's.
     */
    private static void audit(ConfigurableApplicationContext context, ImportArguments arguments, ScriptImport.Outcome outcome,
            Instant started, PrintStream err) {
        try {
            ImportAudit.record(context.getEnvironment(), arguments.scripts(), arguments.batchSize(), outcome.exit().name(),
                    outcome.committed(), started);
        }
        catch (RuntimeException ex) {
            err.println("The import is committed, but its audit record could not be written: " + ex.getMessage());
        }
    }

    private static ScriptImport.Outcome importInto(GraphDb db, ImportArguments arguments, PrintStream out, PrintStream err) {
        int scripts = arguments.scripts().size();
        out.println(scripts + (scripts == 1 ? " script" : " scripts") + ", up to " + arguments.batchSize() + " statements a transaction");
        return new ScriptImport(db, arguments.batchSize()).run(arguments.scripts(), out, err);
    }

}
