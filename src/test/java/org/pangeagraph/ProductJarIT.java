package org.pangeagraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/**
 * The jar that {@code mvn package} builds is the product alone: the API and its import and audit
 * commands. The generator and the benchmark are tools (src/tools/java, README "Architecture"); they
 * are built with the tests and never shipped. An integration test, because the jar is packaged after
 * the unit tests run and before the integration tests.
 */
class ProductJarIT {

    private static final String CLASSES = "BOOT-INF/classes/org/pangeagraph/";

    @Test
    void theJarHoldsTheProductAndNoneOfTheTools() throws IOException {
        List<String> entries;
        try (JarFile jar = new JarFile(productJar().toFile())) {
            entries = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
        }

        assertThat(entries).contains(CLASSES + "PangeaGraphApplication.class", CLASSES + "ingest/ImportCommand.class",
                CLASSES + "audit/AuditCommand.class", CLASSES + "model/NodeKind.class");
        assertThat(entries).filteredOn(name -> name.startsWith(CLASSES + "tools/") || name.startsWith(CLASSES + "generator/")
                || name.startsWith(CLASSES + "benchmark/")).as("tool classes in the product jar").isEmpty();
    }

    /** The executable jar in target/, as the README's operators run it (not the plain .original beside it). */
    private static Path productJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("pangea-graph-.*\\.jar")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no application jar in target/: the package phase runs before this test"));
        }
    }

}
