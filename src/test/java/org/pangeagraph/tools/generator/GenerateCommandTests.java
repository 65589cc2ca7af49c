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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pangeagraph.ingest.ExitCode;

/** bin/generate's arguments, as a user types them. GenerateCommandIT loads what it writes. */
class GenerateCommandTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aSizeAndASeedWriteTheGraphTheGeneratorWritesForThem(@TempDir Path command, @TempDir Path direct) throws IOException {
        assertThat(run("--size", "TINY", "--seed", "11", "--out", command.toString())).isEqualTo(ExitCode.OK.status());
        PharmacyCrimeGenerator.generate(GeneratorSettings.Size.TINY.settings(11), direct);

        assertThat(this.out.toString(StandardCharsets.UTF_8))
            .startsWith("Generated 200 websites in 25 networks: 2333 nodes and 9294 relationships in " + command);
        for (String file : List.of("load.cypher", "ground-truth.csv", "nodes/Website.csv", "relationships/HOSTED_AT-Website-IpAddress.csv")) {
            assertThat(Files.mismatch(command.resolve(file), direct.resolve(file))).as(file).isEqualTo(-1);
        }
    }

    @Test
    void explicitSettingsReachTheGenerator(@TempDir Path directory) throws IOException {
        assertThat(run("--websites", "20", "--shipments-per-website", "1", "--chance-shared-specific", "0.5", "--seed", "3", "--out",
                directory.toString())).isEqualTo(ExitCode.OK.status());

        assertThat(Files.readAllLines(directory.resolve("manifest.properties"))).contains("seed=3", "websites=20",
                "shipmentsPerWebsite=1.0", "chanceSharedSpecific=0.5");
    }

    @Test
    void wrongArgumentsAreAUsageErrorAndWriteNothing(@TempDir Path directory) {
        Path out = directory.resolve("out");
        assertThat(run("--size", "S")).isEqualTo(ExitCode.USAGE.status());
        assertThat(run("--size", "XL", "--out", out.toString())).isEqualTo(ExitCode.USAGE.status());
        assertThat(run("--out", out.toString(), "--colour", "red")).isEqualTo(ExitCode.USAGE.status());
        assertThat(run("--websites", "5", "--out", out.toString())).isEqualTo(ExitCode.USAGE.status());
        assertThat(run("--out")).isEqualTo(ExitCode.USAGE.status());

        assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("--out DIR is required", "unknown argument --colour",
                "at least 20 websites", "--out needs a value", "Usage: bin/generate");
        assertThat(out).doesNotExist();
    }

    @Test
    void loadingSignsInAnAdministratorBeforeOpeningAnyDatabase(@TempDir Path directory) {
        Path store = directory.resolve("store");

        int exit = GenerateCommand.run(List.of("--websites", "20", "--out", directory.resolve("data").toString(), "--load",
                "--pangea.embedded.store-directory=" + store), Map.of(), null, print(this.out), print(this.err));

        assertThat(exit).isEqualTo(ExitCode.NOT_ALLOWED.status());
        assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("Sign in as an administrator");
        assertThat(directory.resolve("data/load.cypher")).exists();
        assertThat(store).doesNotExist();
    }

    private int run(String... args) {
        return GenerateCommand.run(List.of(args), Map.of(), null, print(this.out), print(this.err));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

}
