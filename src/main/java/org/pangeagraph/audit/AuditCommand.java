package org.pangeagraph.audit;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * {@code java -jar pangea-graph.jar audit verify [DIR]}: checks the hash chain of the audit log in
 * {@code DIR} (default {@code data/audit}, the default of {@code pangea.audit.directory}) without
 * starting the application or touching the database. Exit status 0: the chain is intact; 1: a record
 * is broken, and the first one is named by file, line and time; 2: usage.
 */
public final class AuditCommand {

    /** The first argument that makes the jar work on the audit log instead of serving the API. */
    public static final String NAME = "audit";

    static final String USAGE = """
            Usage: audit verify [DIR]
              Checks the hash chain of the audit log in DIR (default data/audit): every record must match its
              hash and carry the hash of the record before it, across files.
            Exit status: 0 intact, 1 a record is broken (the first is named), 2 usage error.""";

    private AuditCommand() {
    }

    /**
     * Runs the command.
     *
     * @param args the arguments after {@code audit}
     * @return the exit status
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() == 1 && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
            out.println(USAGE);
            return 0;
        }
        if (args.isEmpty() || !args.get(0).equals("verify") || args.size() > 2) {
            err.println(USAGE);
            return 2;
        }
        Path directory = Path.of(args.size() == 2 ? args.get(1) : "data/audit");
        if (!Files.isDirectory(directory)) {
            err.println(directory + ": no such directory");
            return 2;
        }
        List<Path> files = new AuditLog(directory, Long.MAX_VALUE, Duration.ZERO, Clock.systemUTC()).files();
        ChainVerification.Result result;
        try {
            result = ChainVerification.verify(files);
        }
        catch (UncheckedIOException ex) {
            err.println(ex.getMessage());
            return 2;
        }
        if (result.startsAfterRetention()) {
            out.println("The chain starts at a record whose predecessor is no longer kept (deleted by retention).");
        }
        if (!result.intact()) {
            ChainVerification.Break broken = result.broken();
            err.println("BROKEN: " + broken.file() + ":" + broken.line() + " (record time " + broken.time() + "): "
                    + broken.problem());
            out.println(result.records() + " records before it are intact.");
            return 1;
        }
        out.println("Intact: " + result.records() + " records in " + result.files() + " files in " + directory
                + (result.records() == 0 ? "" : ", from " + result.firstTime() + " to " + result.lastTime()
                        + "; last record's hash " + result.lastHash()));
        return 0;
    }

}
