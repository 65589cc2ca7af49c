package org.pangeagraph.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;

import org.pangeagraph.audit.ImportAudit;
import org.pangeagraph.db.EmbeddedNeo4jProperties;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.security.CommandLineSignIn;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * {@code import --new-store DIR}: the first load of a large data set. Signs the administrator in and
 * checks the embedded store is new and free before anything is written; completes the CSV files
 * ({@link CsvCompletion}); has Neo4j's offline importer write the store ({@link OfflineImporter});
 * opens it, which applies the schema migrations; runs the post-import pass over every entity; writes
 * the audit record and reports rows, seconds and rows per second. A load that fails leaves the store
 * as it was.
 */
final class NewStoreImport {

    /** How long the load waits for the schema's indexes to fill: hours for billions of rows, never for ever. */
    private static final Duration INDEX_WAIT = Duration.ofHours(24);

    private final ImportArguments arguments;

    private final String user;

    private final PrintStream out;

    private final PrintStream err;

    private final Instant started = Instant.now();

    private final Phase whole = new Phase();

    /** What the audit record says beside the outcome. */
    private final Map<String, Object> details = new LinkedHashMap<>();

    NewStoreImport(ImportArguments arguments, String user, PrintStream out, PrintStream err) {
        this.arguments = arguments;
        this.user = user;
        this.out = out;
        this.err = err;
    }

    ExitCode run(char[] password) {
        CsvDataSet data = this.arguments.newStore();
        this.details.put("files", data.groups().stream().flatMap(g -> Stream.concat(Stream.of(g.header()), g.files().stream()))
            .map(Path::toString).toList());
        ConfigurableEnvironment environment;
        try {
            environment = ImportContext.configuration(this.arguments.properties(), configuration -> {
                try {
                    CommandLineSignIn.requireAdministrator(configuration, this.user, password);
                }
                catch (CommandLineSignIn.RefusedException ex) {
                    this.details.put("reason", ex.getMessage());
                    audit(configuration, ExitCode.NOT_ALLOWED);
                    throw ex;
                }
            });
        }
        catch (RuntimeException ex) {
            Optional<CommandLineSignIn.RefusedException> refused = ImportContext.refusal(ex);
            if (refused.isPresent()) {
                this.err.println("Not allowed: " + refused.get().getMessage() + "; nothing was loaded");
                return ExitCode.NOT_ALLOWED;
            }
            this.err.println("The configuration cannot be read: " + ImportContext.reason(ex) + "; nothing was loaded");
            return ExitCode.USAGE;
        }
        String server = environment.getProperty("spring.neo4j.uri");
        if (StringUtils.hasText(server)) {
            return refused(environment, "--new-store writes an embedded store, offline; the database at spring.neo4j.uri (" + server
                    + ") cannot be loaded that way: import LOAD CSV scripts into it, or run neo4j-admin database import on its"
                    + " server. Nothing was loaded.", ExitCode.USAGE);
        }
        Path directory = Binder.get(environment).bindOrCreate("pangea.embedded", EmbeddedNeo4jProperties.class).storeDirectory();
        this.details.put("store", directory.toAbsolutePath().normalize().toString());
        NewStore store;
        try {
            store = NewStore.check(directory);
        }
        catch (NewStore.RefusedException ex) {
            return refused(environment, ex.getMessage(), ex.exit());
        }
        catch (IOException ex) {
            return refused(environment, "The store " + directory + " cannot be read (" + ex.getMessage() + "); nothing was loaded.",
                    ExitCode.USAGE);
        }
        this.out.println("Signed in as " + this.user + "; loading " + data.directory() + " into a new embedded store in "
                + store.directory());
        ExitCode exit = load(data, store);
        audit(environment, exit);
        return exit;
    }

    private ExitCode refused(ConfigurableEnvironment environment, String message, ExitCode exit) {
        this.err.println(message);
        this.details.put("reason", message);
        audit(environment, exit);
        return exit;
    }

    private ExitCode load(CsvDataSet data, NewStore store) {
        Path work = store.directory().resolve("new-store-load");
        try {
            Phase phase = new Phase();
            CsvCompletion.Completed completed = CsvCompletion.write(data, work.resolve("csv"), this.started);
            this.out.println("Completed " + completed.groups().size() + " groups of CSV files: ids, timestamps and versions added to "
                    + count(completed.rows()) + " rows (" + phase + ")");
            phase = new Phase();
            int status = OfflineImporter.run(store.directory(), completed.groups(), work, this.out, this.err);
            if (status != 0) {
                return failed(store, "Neo4j's offline importer stopped with status " + status + badRows(work));
            }
            this.details.put("offlineImportSeconds", phase.seconds());
            this.out.println("Offline import: " + count(completed.nodes()) + " nodes and " + count(completed.relationships())
                    + " relationships written (" + phase + ")");
            phase = new Phase();
            try (ConfigurableApplicationContext context = ImportContext.openLoadedStore(this.arguments.properties())) {
                this.out.println("Store opened and schema migrations applied (" + phase + ")");
                phase = new Phase();
                GraphDb db = context.getBean(GraphDb.class);
                PostImport.runOnNewStore(db, completed.incompleteLinks(), this.out, this.err);
                this.details.put("postImportPassSeconds", phase.seconds());
                this.out.println("Post-import pass done (" + phase + ")");
                // The schema's indexes fill in the background, beside the pass; closed before they are full, the
                // store would fill them again at its next start, so the load ends when they are online.
                phase = new Phase();
                db.autoCommit("CALL db.awaitIndexes($seconds)", Map.of("seconds", INDEX_WAIT.toSeconds()), INDEX_WAIT);
                this.details.put("indexesSeconds", phase.seconds());
                this.out.println("Indexes online (" + phase + ")");
            }
            deleteRecursively(work);
            double total = this.whole.seconds();
            this.details.put("nodes", completed.nodes());
            this.details.put("relationships", completed.relationships());
            this.details.put("seconds", Math.round(total * 10) / 10.0);
            this.out.println("Loaded " + count(completed.rows()) + " rows in " + this.whole + ": "
                    + count(Math.round(completed.rows() / total)) + " rows/s");
            return ExitCode.OK;
        }
        catch (IOException | RuntimeException ex) {
            return failed(store, ImportContext.reason(ex));
        }
    }

    private ExitCode failed(NewStore store, String reason) {
        this.err.println("The load failed: " + reason);
        this.details.put("reason", reason);
        try {
            store.removeWhatTheLoadWrote();
            this.err.println("What the load wrote was removed: the store " + store.directory() + " is as it was.");
        }
        catch (IOException | RuntimeException cleanup) {
            this.err.println("What the load wrote could not all be removed (" + cleanup.getMessage() + "): delete "
                    + store.directory() + " by hand before loading again.");
        }
        return ExitCode.STATEMENT_FAILED;
    }

    /** The first lines of the importer's report of bad rows, if it wrote any. */
    private static String badRows(Path work) {
        Path report = work.resolve("import.report");
        try (Stream<String> lines = Files.exists(report) ? Files.lines(report, StandardCharsets.UTF_8) : Stream.empty()) {
            List<String> first = lines.limit(10).toList();
            return first.isEmpty() ? "" : "; its report of bad rows begins:\n  " + String.join("\n  ", first);
        }
        catch (IOException | UncheckedIOException ex) {
            return "";
        }
    }

    private void audit(ConfigurableEnvironment environment, ExitCode exit) {
        CsvDataSet data = this.arguments.newStore();
        String listing;
        try {
            listing = Files.readString(data.directory().resolve(CsvDataSet.ARGUMENTS), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            listing = this.details.get("files").toString();
        }
        try {
            ImportAudit.recordNewStore(environment, this.user, data.directory().toString(), listing, exit.name(), this.details,
                    this.started);
        }
        catch (RuntimeException ex) {
            this.err.println("The audit record of this load could not be written: " + ex.getMessage());
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * A step's time, and the CPU time this process spent meanwhile (every thread: the importer's, index
     * population's): on a machine shared with other work the second says more than the first.
     */
    private static final class Phase {

        private static final OperatingSystemMXBean SYSTEM = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        private final long began = System.nanoTime();

        private final long cpu = SYSTEM.getProcessCpuTime();

        double seconds() {
            return Math.round((System.nanoTime() - this.began) / 1e8) / 10.0;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f s, %.1f s of CPU", seconds(), (SYSTEM.getProcessCpuTime() - this.cpu) / 1e9);
        }

    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

}
