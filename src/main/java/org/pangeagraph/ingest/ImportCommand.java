package org.pangeagraph.ingest;

import java.io.Console;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.pangeagraph.audit.ImportAudit;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.db.WriteAttribution;
import org.pangeagraph.ingest.ImportArguments.UsageException;
import org.pangeagraph.security.CommandLineSignIn;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar pangea-graph.jar import [--user NAME] [--batch-size N] FILE_OR_DIRECTORY...}: runs
 * Cypher scripts against the configured database and exits with an {@link ExitCode}. The arguments,
 * every script and the administrator's sign-in are checked before the database is opened.
 * {@code import --new-store DIR} loads CSV files into a new embedded store instead ({@link NewStoreImport}).
 */
public final class ImportCommand {

    /** The first argument that makes the jar import instead of serving the API. */
    public static final String NAME = "import";

    private ImportCommand() {
    }

    /**
     * Runs the command as the jar does: signs in the administrator, opens the configured database (see
     * {@link ImportContext}), imports, closes it.
     *
     * @param args the arguments after {@code import}
     * @return the exit status
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, System.getenv(), System.console(), out, err);
    }

    /**
     * Runs the command with these environment variables (for {@code PANGEA_USER} and
     * {@code PANGEA_PASSWORD}) and this terminal to ask for the password on, if any.
     */
    public static int run(List<String> args, Map<String, String> variables, Console terminal, PrintStream out, PrintStream err) {
        return withArguments(args, out, err, arguments -> {
            String user = arguments.user() != null ? arguments.user() : variables.get(CommandLineSignIn.USER_VARIABLE);
            if (user == null || user.isBlank()) {
                err.println("Sign in as an administrator: --user NAME (or " + CommandLineSignIn.USER_VARIABLE + "), with the password in "
                        + CommandLineSignIn.PASSWORD_VARIABLE + " or typed when asked");
                return ExitCode.NOT_ALLOWED;
            }
            char[] password = password(user, variables, terminal);
            if (password == null) {
                err.println("No password for " + user + ": set " + CommandLineSignIn.PASSWORD_VARIABLE + " or run the command in a terminal");
                return ExitCode.NOT_ALLOWED;
            }
            if (arguments.newStore() != null) {
                try {
                    return new NewStoreImport(arguments, user, out, err).run(password);
                }
                finally {
                    Arrays.fill(password, '\0');
                }
            }
            Instant started = Instant.now();
            ConfigurableApplicationContext context;
            try {
                context = ImportContext.open(arguments.properties(), environment -> {
                    try {
                        CommandLineSignIn.requireAdministrator(environment, user, password);
                    }
                    catch (CommandLineSignIn.RefusedException ex) {
                        ImportAudit.denied(environment, user, arguments.scripts(), ex.getMessage(), started);
                        throw ex;
                    }
                });
            }
            catch (RuntimeException ex) {
                Optional<CommandLineSignIn.RefusedException> refused = ImportContext.refusal(ex);
                if (refused.isPresent()) {
                    err.println("Not allowed: " + refused.get().getMessage() + "; nothing was imported");
                    return ExitCode.NOT_ALLOWED;
                }
                err.println("Cannot reach the database: " + ImportContext.reason(ex));
                return ExitCode.DATABASE_UNREACHABLE;
            }
            finally {
                Arrays.fill(password, '\0');
            }
            try (context) {
                out.println("Signed in as " + user + "; importing into " + context.getBean(ImportContext.Target.class).description());
                ScriptImport.Outcome outcome = importInto(context.getBean(GraphDb.class), user, arguments, out, err);
                audit(context, user, arguments, outcome, started, err);
                return outcome.exit();
            }
        });
    }

    private static char[] password(String user, Map<String, String> variables, Console terminal) {
        String variable = variables.get(CommandLineSignIn.PASSWORD_VARIABLE);
        if (variable != null) {
            return variable.toCharArray();
        }
        return terminal == null ? null : terminal.readPassword("Password for %s: ", user);
    }

    /**
     * Runs the command against a database the caller has open already, for code that holds the
     * database itself (tests, the application); nobody is signed in. {@code --property=value}
     * arguments, which choose a database, and {@code --user} are ignored.
     *
     * @return the exit status
     */
    public static int run(GraphDb db, List<String> args, PrintStream out, PrintStream err) {
        return withArguments(args, out, err, arguments -> {
            if (arguments.newStore() != null) {
                err.println("--new-store loads a store that no process has open, not a database held open already");
                return ExitCode.USAGE;
            }
            return importInto(db, null, arguments, out, err).exit();
        });
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

    /** One audit record for the run, under the administrator who signed in, in the configured audit directory. */
    private static void audit(ConfigurableApplicationContext context, String user, ImportArguments arguments,
            ScriptImport.Outcome outcome, Instant started, PrintStream err) {
        try {
            ImportAudit.record(context.getEnvironment(), user, arguments.scripts(), arguments.batchSize(), outcome.exit().name(),
                    outcome.committed(), started);
        }
        catch (RuntimeException ex) {
            err.println("The import is committed, but its audit record could not be written: " + ex.getMessage());
        }
    }

    /**
     * Imports as {@code user} (null when nobody signed in), under an import run id of its own, which the
     * transactions carry for the change feed.
     */
    private static ScriptImport.Outcome importInto(GraphDb db, String user, ImportArguments arguments, PrintStream out,
            PrintStream err) {
        int scripts = arguments.scripts().size();
        String run = "import-" + java.util.UUID.randomUUID();
        out.println(scripts + (scripts == 1 ? " script" : " scripts") + ", up to " + arguments.batchSize()
                + " statements a transaction; import run " + run);
        return WriteAttribution.with(new WriteAttribution(user, run),
                () -> new ScriptImport(db, arguments.batchSize()).run(arguments.scripts(), out, err));
    }

}
