package org.pangeagraph.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

/**
 * Neo4j's offline importer ({@code neo4j-admin database import full}, on the classpath through
 * {@code org.neo4j:neo4j}), run in this process on an embedded store directory, which is laid out as a
 * Neo4j home: the database goes to {@code data/databases/neo4j}, where the application opens it.
 *
 * <p>In this process rather than in a JVM of its own: the application's jar nests its libraries, so a
 * second JVM could not simply be given a classpath; a second start would cost a JVM start and its
 * warm-up; and the importer's output and exit status come back directly. It writes outside the heap
 * (its own page cache and buffers), so the command's heap needs no more than usual.
 */
final class OfflineImporter {

    private OfflineImporter() {
    }

    /**
     * Runs the importer on the completed groups.
     *
     * @param work a directory for the importer's configuration and its report of bad rows
     * @return the importer's exit status: 0 when the store was written
     */
    static int run(Path store, List<CsvDataSet.Group> groups, Path work, PrintStream out, PrintStream err) throws IOException {
        Path configuration = Files.createDirectories(work.resolve("conf"));
        // Neo4j's defaults, as the embedded database has them: the same store format and layout.
        Files.writeString(configuration.resolve("neo4j.conf"), "", StandardCharsets.UTF_8);
        List<String> arguments = new ArrayList<>(List.of("database", "import", "full",
                "--report-file=" + work.resolve("import.report").toAbsolutePath()));
        for (CsvDataSet.Group group : groups) {
            String files = group.header().toAbsolutePath() + ","
                    + group.files().stream().map(f -> f.toAbsolutePath().toString()).collect(Collectors.joining(","));
            arguments.add((group.nodes() ? "--nodes=" : "--relationships=") + String.join(":", group.names()) + "=" + files);
        }
        try (DefaultFileSystemAbstraction files = new DefaultFileSystemAbstraction()) {
            return AdminTool.execute(new ExecutionContext(store, configuration, out, err, files), arguments.toArray(String[]::new));
        }
    }

}
