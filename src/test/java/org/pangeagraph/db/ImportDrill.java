package org.pangeagraph.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.pangeagraph.ingest.ImportCommand;
import org.pangeagraph.support.TestGraph;

/**
 * An import through the import command of many small transactions, one website a line, with the
 * database taken away in the middle of it. The command must stop with exit status 3 and report how
 * far it committed; once the database is back, the graph must hold exactly the websites of the
 * transactions reported committed: none half-applied, none applied twice, none lost. When the
 * database went away during a commit, the command says which lines are in doubt, and the graph
 * holds that transaction wholly or not at all.
 */
final class ImportDrill {

    private static final int LINES = 20_000;

    private static final int BATCH = 10;

    /** How each line of the script starts: what only the import sends. */
    static final String STATEMENT = "CREATE (:Website {domain: 'line-";

    private static final Pattern COMMITTED = Pattern.compile(": committed (nothing|through line (\\d+): .*) before the database was lost");

    private static final Pattern IN_DOUBT = Pattern.compile(":(\\d+)-(\\d+): the transaction of these lines was being committed: it may or may not be in the graph");

    private ImportDrill() {
    }

    /** Runs the drill and tells whether the command reported a transaction in doubt. */
    static boolean run(TestGraph graph, Path directory, Runnable takeDown, Runnable bringBack) throws Exception {
        Path script = directory.resolve("one-website-a-line.cypher");
        Files.write(script, IntStream.rangeClosed(1, LINES).mapToObj(n -> STATEMENT + n + ".example'});")
            .toList(), StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> ImportCommand.run(graph.db(),
                List.of("--batch-size", String.valueOf(BATCH), script.toString()), print(out), print(err)));

        await("ten transactions committed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
            .until(() -> imported(graph).size() >= 10 * BATCH);
        takeDown.run();
        int status = exit.get(60, TimeUnit.SECONDS);
        bringBack.run();

        String report = out.toString(StandardCharsets.UTF_8);
        String problems = err.toString(StandardCharsets.UTF_8);
        // For the record of how the drill went.
        System.out.println("Import drill, exit status " + status + ":\n" + report + problems);
        assertThat(status).as(report + problems).isEqualTo(3);
        Matcher committed = COMMITTED.matcher(report);
        assertThat(committed.find()).as(report).isTrue();
        int through = committed.group(2) == null ? 0 : Integer.parseInt(committed.group(2));
        // The graph showed ten transactions before the cut; the answer to the last commit may have been lost with it.
        assertThat(through).as("whole transactions, the import cut short").isGreaterThanOrEqualTo(9 * BATCH).isLessThan(LINES);
        assertThat(through % BATCH).isZero();
        assertThat(report).contains("committed through line " + through + ": " + through + " statements in " + through / BATCH
                + " transactions: " + through + " nodes");

        Set<Integer> inGraph = await("the graph readable again").atMost(Duration.ofSeconds(30)).ignoreExceptions()
            .until(() -> imported(graph), lines -> true);
        Matcher doubt = IN_DOUBT.matcher(problems);
        if (doubt.find()) {
            assertThat(Integer.parseInt(doubt.group(1))).isEqualTo(through + 1);
            assertThat(inGraph).as(problems).isIn(lines(through), lines(Integer.parseInt(doubt.group(2))));
            return true;
        }
        assertThat(inGraph).as(problems).isEqualTo(lines(through));
        return false;
    }

    private static Set<Integer> imported(TestGraph graph) {
        return graph.read("MATCH (w:Website) WHERE w.domain STARTS WITH 'line-' RETURN w.domain AS domain", Map.of()).stream()
            .map(r -> Integer.valueOf(r.get("domain").asString().replaceAll("\\D", "")))
            .collect(Collectors.toSet());
    }

    private static Set<Integer> lines(int through) {
        return IntStream.rangeClosed(1, through).boxed().collect(Collectors.toSet());
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

}
