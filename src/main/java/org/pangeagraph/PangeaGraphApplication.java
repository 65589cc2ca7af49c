package org.pangeagraph;

import java.util.List;

import org.pangeagraph.audit.AuditCommand;
import org.pangeagraph.ingest.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Pangea Graph: a GraphQL API over a Neo4j graph of the criminal networks behind illegal online
 * pharmacies. Without arguments it serves the API; {@code import FILE...} runs Cypher scripts
 * against the configured database; {@code audit verify [DIR]} checks the audit log's hash chain.
 * The generator of test graphs and the benchmark are tools built beside the tests, not part of this
 * application (README, "Generated data and benchmarks").
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PangeaGraphApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(ImportCommand.NAME)) {
            System.exit(ImportCommand.run(List.of(args).subList(1, args.length), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals(AuditCommand.NAME)) {
            System.exit(AuditCommand.run(List.of(args).subList(1, args.length), System.out, System.err));
        }
        SpringApplication.run(PangeaGraphApplication.class, args);
    }

}
