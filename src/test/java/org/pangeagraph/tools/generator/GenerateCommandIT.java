package org.pangeagraph.tools.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pangeagraph.ingest.ExitCode;

/**
 * {@code bin/generate ... --load} as documented: the generated files go through the product's import
 * command, signed in as the demo administrator, into an embedded store of their own (a small graph:
 * what costs here is the store's start).
 */
class GenerateCommandIT {

    @Test
    void loadImportsEveryGeneratedRowThroughTheImportCommand(@TempDir Path directory) throws IOException {
        Path data = directory.resolve("data");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        List<String> args = List.of("--websites", "20", "--shipments-per-website", "2", "--seed", "5", "--out", data.toString(), "--load",
                "--pangea.embedded.store-directory=" + directory.resolve("store"), "--pangea.embedded.bolt-port=0",
                "--pangea.embedded.page-cache=64m", "--pangea.audit.directory=" + directory.resolve("audit"));
        Map<String, String> administrator = Map.of("PANGEA_USER", "admin", "PANGEA_PASSWORD", "admin-demo");

        int exit = GenerateCommand.run(args, administrator, null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(report + err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK.status());
        Properties manifest = new Properties();
        manifest.load(Files.newBufferedReader(data.resolve("manifest.properties")));
        assertThat(report).contains("Signed in as admin; importing into the embedded store in " + directory.resolve("store"),
                manifest.getProperty("nodes") + " nodes and " + manifest.getProperty("relationships") + " relationships created",
                "problems: 0");
    }

}
