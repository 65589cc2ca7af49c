package org.pangeagraph.tools.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.pangeagraph.db.GraphDb;
import org.pangeagraph.ingest.ImportCommand;
import org.pangeagraph.support.StartedApplication;
import org.springframework.http.MediaType;

/**
 * What the change feed and the alert matcher cost an import (issue 18's budget: an import of 100,000
 * rows raises its alerts without slowing the import by more than 15%). The same import script (100,000
 * rows: a new website and its link to one merchant account each, 100 statements of 1,000) runs into a
 * fresh store of an application started in this process, three ways, interleaved and repeated:
 * {@code off} (no listener: no feed), {@code feed} (the feed recorded, no watch), {@code watch} (the feed
 * and a watch of new websites on the account, every row a match). The import's wall time is measured;
 * for {@code watch}, also how long after the import the matcher had read the whole feed. Run with the
 * test class path: {@code java -cp ... org.pangeagraph.tools.benchmark.AlertBudget [rows] [repeats]}.
 */
public final class AlertBudget {

    private static final int PER_STATEMENT = 1000;

    private AlertBudget() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path work = Files.createTempDirectory("alert-budget");
        Path script = work.resolve("rows.cypher");
        StringBuilder text = new StringBuilder();
        for (int from = 0; from < rows; from += PER_STATEMENT) {
            text.append("MATCH (p:PaymentAccount {identifier: 'MIDBUDGET0001'}) UNWIND range(").append(from).append(", ")
                .append(Math.min(rows, from + PER_STATEMENT) - 1).append(") AS i\n")
                .append("CREATE (w:Website {domain: 'budget-' + i + '.example'})\n")
                .append("CREATE (w)-[:ACCEPTS_PAYMENT_TO {source: 'budget-source', grade: 'B2'}]->(p);\n");
        }
        Files.writeString(script, text);
        List<String> lines = new ArrayList<>();
        int run = 0;
        for (int r = 0; r < repeats; r++) {
            for (String mode : List.of("off", "feed", "watch")) {
                String line = once(work.resolve("run-" + run++), script, mode, rows);
                System.out.println(line);
                lines.add(line);
            }
        }
        System.out.println("\nmode, rows, import ms, matcher caught up ms after the import, alerts, matches over the limit");
        lines.forEach(System.out::println);
    }

    private static String once(Path directory, Path script, String mode, int rows) throws Exception {
        try (StartedApplication application = StartedApplication.start(directory, null,
                "--pangea.embedded.capture-changes=" + !mode.equals("off"), "--pangea.embedded.page-cache=256m",
                "--pangea.database.query-timeout=600s", "--logging.level.root=WARN")) {
            graphQl(application, """
                    mutation {
                      source: upsertSource(input: {key: "budget-source", title: "Budget"}) { created }
                      account: upsertPaymentAccount(input: {identifier: "MIDBUDGET0001", kind: CARD_MERCHANT}) { paymentAccount { id } }
                    }
                    """);
            GraphDb db = application.context().getBean(GraphDb.class);
            if (mode.equals("watch")) {
                String account = db.query("MATCH (p:PaymentAccount) RETURN p.id AS id", Map.of(), r -> r.get("id").asString()).get(0);
                graphQl(application, "mutation { createWatch(input: {name: \"budget\", template: NEW_WEBSITE_ON_ITEM, targets: [\"" + account
                        + "\"]}) { id } }");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
            long start = System.nanoTime();
            int exit = ImportCommand.run(db, List.of(script.toString()), print, print);
            long imported = System.nanoTime();
            if (exit != 0) {
                throw new IllegalStateException("The import failed: " + out.toString(StandardCharsets.UTF_8));
            }
            long caughtUp = imported;
            if (mode.equals("watch")) {
                // Every row is a match: the matcher has read the whole import once its alerts and the matches
                // over the limit it counted on the watch make up the rows. (Where it stands is written at most
                // every 10 s, so that is no measure of when it got there.)
                long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
                while (System.nanoTime() < deadline && alerts(db) + suppressed(db) < rows) {
                    Thread.sleep(100);
                }
                caughtUp = System.nanoTime();
            }
            long alerts = alerts(db);
            long suppressed = suppressed(db);
            return String.join(", ", mode, String.valueOf(rows), String.valueOf((imported - start) / 1_000_000),
                    String.valueOf((caughtUp - imported) / 1_000_000), String.valueOf(alerts), String.valueOf(suppressed));
        }
    }

    private static long alerts(GraphDb db) {
        return db.query("MATCH (a:Alert) RETURN count(a) AS n", Map.of(), r -> r.get("n").asLong()).get(0);
    }

    private static long suppressed(GraphDb db) {
        return db.query("MATCH (w:Watch) RETURN coalesce(sum(w.suppressed), 0) AS n", Map.of(), r -> r.get("n").asLong()).get(0);
    }

    private static void graphQl(StartedApplication application, String document) {
        String answer = application.webClient().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", document)).exchange().expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
        if (answer == null || answer.contains("\"errors\"")) {
            throw new IllegalStateException(answer);
        }
    }

}
