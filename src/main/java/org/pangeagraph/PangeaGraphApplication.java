package org.pangeagraph;

import java.io.PrintStream;
import java.util.List;
import java.util.OptionalInt;

import org.pangeagraph.audit.AuditCommand;
import org.pangeagraph.ingest.ExitCode;
import org.pangeagraph.ingest.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Pangea Graph: a GraphQL API over a Neo4j graph of the criminal networks behind illegal online
 * pharmacies. Without arguments (or with {@code --property=value} options only) it serves the API;
 * {@code import FILE...} runs Cypher scripts against the configured database; {@code audit verify [DIR]}
 * checks the audit log's hash chain. Any other first word is a usage error, so that a mistyped or
 * retired command never starts the API in its place. The generator of test graphs and the benchmark are
 * tools built beside the tests, not part of this application (README, "Generated data and benchmarks").
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PangeaGraphApplication {

    static final String USAGE = """
            Usage: java -jar pangea-graph.jar [--property=value ...]     serve the API
                   java -jar pangea-graph.jar import [options] FILE_OR_DIR...
                   java -jar pangea-graph.jar audit verify [DIR]""";

    public static void main(String[] args) {
        OptionalInt status = runCommand(List.of(args), System.out, System.err);
        if (status.isPresent()) {
            System.exit(status.getAsInt());
        }
        SpringApplication.run(PangeaGraphApplication.class, args);
    }

    /**
     * Runs the command the first argument names, and gives its exit status; empty when the arguments ask
     * for the API.
     */
    static OptionalInt runCommand(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            return OptionalInt.empty();
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case ImportCommand.NAME -> OptionalInt.of(ImportCommand.run(rest, out, err));
            case AuditCommand.NAME -> OptionalInt.of(AuditCommand.run(rest, out, err));
            default -> {
                err.println("Unknown command '" + args.get(0) + "'; nothing was run.");
                err.println(USAGE);
                yield OptionalInt.of(ExitCode.USAGE.status());
            }
        };
    }

}
