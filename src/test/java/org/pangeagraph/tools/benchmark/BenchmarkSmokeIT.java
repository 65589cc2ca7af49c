package org.pangeagraph.tools.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark on the tiny size for a fraction of a second a measurement: proves the whole harness
 * works (generation, both loaders, recording and replaying statements, the application serving the
 * measurements, the warm-up, the soak, the report) without the time a real run takes; it times
 * nothing worth reading. The import command and the application run in this JVM, as the harness's
 * in-process mode runs them (the application that records the statements serves the measurements
 * too), not each in a JVM of its own from the jar: starting those JVMs took most of this test's time.
 * The GraphQL Library is left out: it needs npm; so is the fast start: its training start takes about a
 * minute.
 *
 * <p>It works on stores, ports and an application of its own, and runs beside the other classes.
 */
@Execution(ExecutionMode.CONCURRENT)
class BenchmarkSmokeIT {

    @Test
    void theBenchmarkRunsOnTheTinySizeAndReportsEveryRequest() throws Exception {
        Path target = Path.of("target");
        // 0.1 s of JIT warm-up per request and side, then 0.1 s of warm-up and 0.1 s measured per request,
        // side and concurrency, over 10 inputs, and a soak of 1 s: every path runs, and each measurement
        // times at least one request without an error (asserted below).
        Benchmark.Settings settings = new Benchmark.Settings(List.of("TINY"), 7, target.resolve("benchmark-smoke"), null, 0.1, 0.1,
                0.1, 10, 1, 1, false, true, "512m", false, List.of(Benchmark.Settings.ALL_PHASES.split(",")), true);

        Path results = new Benchmark(settings).run();

        JsonNode size = JsonMapper.builder().build().readTree(results.toFile()).get("sizes").get(0);
        assertThat(size.has("failure")).as(size.path("failure").asString()).isFalse();
        assertThat(size.get("import").get("rows").asLong()).isEqualTo(size.get("nodes").asLong() + size.get("relationships").asLong());
        assertThat(size.get("offlineImport").get("exit").asInt()).as(size.get("offlineImport").toString()).isZero();
        assertThat(size.get("newStoreImport").get("exit").asInt()).as(size.get("newStoreImport").toString()).isZero();
        assertThat(size.get("newStoreImport").get("steps").toString()).contains("Loaded " + String.format("%,d", size.get("import").get("rows").asLong()) + " rows");
        for (Query query : Query.values()) {
            JsonNode measured = size.get("queries").get(query.name());
            assertThat(measured.get("graphql").get(0).get("requests").asLong()).as(query.name()).isPositive();
            assertThat(measured.get("graphql").get(0).get("errors").isEmpty()).as(measured.toString()).isTrue();
            assertThat(measured.get("cypher").get(0).get("errors").isEmpty()).as(measured.toString()).isTrue();
        }
        assertThat(size.get("statementsRecorded").asBoolean()).isTrue();
        assertThat(size.get("accuracy").get("adjustedRandIndex").asDouble()).isGreaterThan(0.9);
        assertThat(size.get("soak").get("requests").asLong()).isPositive();
        assertThat(size.get("heapAfterGcMb").asDouble()).isPositive();
        assertThat(Files.readString(settings.work().resolve("report.md"))).contains("| website lookup | GraphQL | 1 |");
        assertThat(Files.readString(settings.work().resolve("latency.svg"))).startsWith("<svg").contains("lookup");
    }

}
