package org.pangeagraph.tools.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the results as Markdown ({@code report.md}: a table per size, each of the targets
 * marked met or missed with its figure) and as a plot ({@code latency.svg}: p50 and p95 of each
 * request over GraphQL at concurrency 1, by size, on a logarithmic scale).
 */
final class Report {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Report() {
    }

    /** Writes the report and the plot again from a {@code results.json}: {@code Report target/benchmark/results.json}. */
    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        JsonNode all = JSON.readTree(results.toFile());
        Files.writeString(results.resolveSibling("report.md"), markdown(all), StandardCharsets.UTF_8);
        Files.writeString(results.resolveSibling("latency.svg"), svg(all), StandardCharsets.UTF_8);
    }

    static void write(Map<String, Object> results, Path directory) throws IOException {
        JsonNode all = JSON.valueToTree(results);
        Files.writeString(directory.resolve("report.md"), markdown(all), StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("latency.svg"), svg(all), StandardCharsets.UTF_8);
    }

    static String markdown(JsonNode all) {
        StringBuilder md = new StringBuilder();
        JsonNode machine = all.get("machine");
        md.append("Machine: ").append(machine.get("cores")).append(" cores, ").append(machine.get("memory").asString()).append(", ")
            .append(machine.get("cpu").asString()).append("; ").append(machine.get("java").asString()).append("; load average at the start ")
            .append(fmt(machine.get("loadAverage").asDouble())).append(".\n\n");
        for (JsonNode size : all.get("sizes")) {
            md.append("### Size ").append(size.path("size").asString()).append("\n\n");
            if (size.has("failure")) {
                md.append("**Failed:** `").append(size.get("failure").asString()).append("`\n\n");
            }
            if (size.has("nodes")) {
                md.append(String.format(Locale.ROOT, "%,d websites in %,d planted networks; %,d nodes, %,d relationships "
                        + "(generated in %.1f s). ", size.get("websites").asLong(), size.get("networks").asLong(),
                        size.get("nodes").asLong(), size.get("relationships").asLong(), size.get("generateSeconds").asDouble()));
            }
            else {
                md.append("The store and data of an earlier run of this size (bench.phases without load). ");
            }
            md.append(String.format(Locale.ROOT, "Load average %s at the start, %s at the end.%n%n",
                    fmt(size.path("loadAverageAtStart").asDouble()), fmt(size.path("loadAverageAtEnd").asDouble())));
            loading(md, size);
            if (size.has("startupSeconds")) {
                md.append(String.format(Locale.ROOT, "Start-up to ready (health UP) on the loaded store: %.1f s (%s%s)",
                        size.get("startupSeconds").asDouble(), size.path("launch").asString("java -jar"),
                        size.path("classDataSharing").asBoolean(true) ? "" : "; THE ARCHIVE WAS NOT USED"));
                if (size.has("startupPlainSeconds")) {
                    md.append(String.format(Locale.ROOT, "; with plain java -jar: %.1f s", size.get("startupPlainSeconds").asDouble()));
                }
                md.append(String.format(Locale.ROOT, ". Application: %s.%n%n", size.get("applicationSettings")));
            }
            queries(md, size);
            library(md, size);
            accuracy(md, size);
            soak(md, size);
            targets(md, size);
        }
        return md.toString();
    }

    private static void loading(StringBuilder md, JsonNode size) {
        JsonNode imp = size.path("import");
        if (imp.has("rows")) {
            md.append(String.format(Locale.ROOT, "Import command (LOAD CSV, MERGE, transactions of 5,000 rows): %,d rows; LOAD CSV "
                    + "phase %.1f s = **%,.0f rows/s**; with JVM start, migrations and the post-import pass %.1f s = %,.0f rows/s.%n%n",
                    imp.get("rows").asLong(), imp.path("loadCsvSeconds").asDouble(), imp.path("rowsPerSecondLoadCsv").asDouble(),
                    imp.get("totalSeconds").asDouble(), imp.get("rowsPerSecondOverall").asDouble()));
        }
        JsonNode offline = size.path("offlineImport");
        if (offline.has("seconds")) {
            md.append(offline.get("exit").asInt() == 0
                    ? String.format(Locale.ROOT, "Offline importer (neo4j-admin database import full) on the same files: %.1f s "
                            + "with JVM start = **%,.0f rows/s**.%n%n", offline.get("seconds").asDouble(),
                            offline.get("rowsPerSecond").asDouble())
                    : "Offline importer failed:\n```\n" + offline.path("failure").asString() + "\n```\n\n");
        }
        JsonNode newStore = size.path("newStoreImport");
        if (newStore.has("totalSeconds")) {
            md.append(newStore.get("exit").asInt() == 0
                    ? String.format(Locale.ROOT, "`import --new-store` (offline importer, migrations, post-import pass, indexes online) on "
                            + "the same files: %.1f s with JVM start = **%,.0f rows/s**; load average %.1f before, %.1f after:%n%n",
                            newStore.get("totalSeconds").asDouble(), newStore.get("rowsPerSecondOverall").asDouble(),
                            newStore.path("loadAverageBefore").asDouble(), newStore.path("loadAverageAfter").asDouble())
                    : "`import --new-store` failed:\n```\n" + newStore.path("failure").asString() + "\n```\n\n");
            newStore.path("steps").forEach(step -> md.append("- ").append(step.asString()).append('\n'));
            md.append('\n');
        }
    }

    private static void queries(StringBuilder md, JsonNode size) {
        JsonNode queries = size.path("queries");
        if (queries.isMissingNode()) {
            return;
        }
        md.append("| Request | via | conc. | p50 ms | p95 ms | p99 ms | req/s | errors | GraphQL/Cypher p50 | added p50 ms | "
                + "throughput vs Cypher |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, JsonNode> entry : queries.properties()) {
            JsonNode q = entry.getValue();
            JsonNode graphql = q.get("graphql");
            JsonNode cypher = q.get("cypher");
            for (int i = 0; i < graphql.size(); i++) {
                JsonNode g = graphql.get(i);
                JsonNode c = cypher.get(i);
                String title = q.get("title").asString();
                md.append(row(title, "GraphQL", g)).append(String.format(Locale.ROOT, " %.2f | %+.2f | %.0f%% |%n",
                        g.get("p50").asDouble() / c.get("p50").asDouble(), g.get("p50").asDouble() - c.get("p50").asDouble(),
                        100 * g.get("throughput").asDouble() / c.get("throughput").asDouble()));
                md.append(row(title, "Cypher (Bolt)", c)).append(" | | |\n");
            }
        }
        md.append('\n');
    }

    private static String row(String title, String via, JsonNode s) {
        return String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | %.2f | %,.0f | %s |", title, via, s.get("concurrency").asInt(),
                s.get("p50").asDouble(), s.get("p95").asDouble(), s.get("p99").asDouble(), s.get("throughput").asDouble(),
                s.get("errors").isEmpty() ? "0" : s.get("errors").toString());
    }

    private static void library(StringBuilder md, JsonNode size) {
        JsonNode library = size.path("library");
        if (library.isMissingNode()) {
            return;
        }
        md.append("Neo4j GraphQL Library (").append(library.path("packages").asString()).append(", Node ")
            .append("on the same database):\n\n");
        if (library.has("failure")) {
            md.append("```\n").append(library.get("failure").asString()).append("\n```\n\n");
            return;
        }
        md.append("| Request | conc. | p50 ms | p95 ms | req/s | errors | ours: p50 ms | ours: req/s |\n|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, JsonNode> entry : library.properties()) {
            if (!entry.getValue().isArray()) {
                if (entry.getValue().has("failure")) {
                    md.append("| ").append(entry.getKey()).append(" | failed: ").append(entry.getValue().get("failure").asString()
                        .lines().findFirst().orElse("")).append(" |||||||\n");
                }
                continue;
            }
            JsonNode ours = size.path("queries").path(entry.getKey()).path("graphql");
            for (int i = 0; i < entry.getValue().size(); i++) {
                JsonNode s = entry.getValue().get(i);
                md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %,.0f | %s | %.2f | %,.0f |%n", entry.getKey(),
                        s.get("concurrency").asInt(), s.get("p50").asDouble(), s.get("p95").asDouble(), s.get("throughput").asDouble(),
                        s.get("errors").isEmpty() ? "0" : s.get("errors").toString(), ours.path(i).path("p50").asDouble(),
                        ours.path(i).path("throughput").asDouble()));
            }
        }
        md.append('\n');
    }

    private static void accuracy(StringBuilder md, JsonNode size) {
        for (String key : List.of("accuracy", "accuracyAllKinds")) {
            JsonNode a = size.path(key);
            if (a.isMissingNode()) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "%s: ARI **%.3f** (%d planted, %d detected, %d merged, %d split; kinds binding "
                    + "merged networks: %s)%s%n%n", key.equals("accuracy") ? "Accuracy, criminalNetworks with its default kinds"
                            : "Accuracy, criminalNetworks with every kind binding (the rule before this branch)",
                    a.get("adjustedRandIndex").asDouble(), a.get("plantedNetworks").asInt(), a.get("detectedNetworks").asInt(),
                    a.get("mergedNetworks").asInt(), a.get("splitNetworks").asInt(), a.get("bindingKindsOfMerged"),
                    a.get("sampled").asInt() == 0 ? ""
                            : String.format(Locale.ROOT, "; sharedInfrastructure precision@10 **%.3f**, precision@(size-1) **%.3f** "
                                    + "over %d websites", a.get("precisionAt10").asDouble(), a.get("precisionAtSizeLessOne").asDouble(),
                                    a.get("sampled").asInt())));
        }
    }

    private static void soak(StringBuilder md, JsonNode size) {
        JsonNode soak = size.path("soak");
        if (soak.isMissingNode()) {
            return;
        }
        List<String> heap = new ArrayList<>();
        soak.get("heap").forEach(h -> heap.add(String.format(Locale.ROOT, "%.0f", h.get("heapAfterGcMb").asDouble())));
        md.append(String.format(Locale.ROOT, "Soak: %.0f s at concurrency 8, %,d requests (%,d writes), errors %s; heap after GC "
                + "(MB) at each sample: %s. Heap after GC at the end: %.0f MB.%n%n", soak.get("seconds").asDouble(),
                soak.get("requests").asLong(), soak.get("writes").asLong(), soak.get("errors"), String.join(", ", heap),
                size.path("heapAfterGcMb").asDouble()));
    }

    private static void targets(StringBuilder md, JsonNode size) {
        JsonNode q = size.path("queries");
        md.append("| Target | Figure | |\n|---|---|---|\n");
        for (String light : List.of("LOOKUP", "NESTED", "SHARED_INFRASTRUCTURE")) {
            if (!q.has(light)) {
                continue;
            }
            JsonNode g = q.get(light).get("graphql");
            JsonNode c = q.get(light).get("cypher");
            double share = g.get(1).get("throughput").asDouble() / c.get(1).get("throughput").asDouble();
            target(md, light + ": throughput at concurrency 8 >= 60% of Cypher", String.format(Locale.ROOT, "%.0f%%", 100 * share),
                    share >= 0.6);
            double added = g.get(0).get("p50").asDouble() - c.get(0).get("p50").asDouble();
            target(md, light + ": added p50 at concurrency 1 <= 0.6 ms", String.format(Locale.ROOT, "%+.2f ms", added), added <= 0.6);
        }
        for (String heavy : List.of("NETWORK", "PATHS", "CRIMINAL_NETWORKS_CACHED")) {
            if (!q.has(heavy)) {
                continue;
            }
            double ratio = q.get(heavy).get("graphql").get(0).get("p50").asDouble() / q.get(heavy).get("cypher").get(0).get("p50").asDouble();
            target(md, heavy + ": p50 <= 1.25 x Cypher", String.format(Locale.ROOT, "%.2f x", ratio), ratio <= 1.25);
        }
        String at = "M".equals(size.path("size").asString()) ? "" : " (the target is set at M)";
        absolute(md, q, "SHARED_INFRASTRUCTURE", "p95", 25, "sharedInfrastructure p95 <= 25 ms" + at);
        absolute(md, q, "NETWORK", "p95", 60, "network depth 2 p95 <= 60 ms" + at);
        absolute(md, q, "PATHS", "p95", 100, "paths p95 <= 100 ms" + at);
        absolute(md, q, "CRIMINAL_NETWORKS_COLD", "p99", 10_000, "criminalNetworks cold <= 10 s (the slowest call)" + at);
        absolute(md, q, "CRIMINAL_NETWORKS_CACHED", "p50", 50, "criminalNetworks cached <= 50 ms" + at);
        if (size.path("import").has("rowsPerSecondLoadCsv")) {
            double rate = size.get("import").get("rowsPerSecondLoadCsv").asDouble();
            target(md, "import command >= 50,000 rows/s", String.format(Locale.ROOT, "%,.0f rows/s", rate), rate >= 50_000);
        }
        if (size.has("heapAfterGcMb")) {
            double heap = size.get("heapAfterGcMb").asDouble();
            target(md, "application heap <= 1 GB" + at, String.format(Locale.ROOT, "%.0f MB after GC (-Xmx %s)", heap,
                    size.path("applicationSettings").path("heap").asString()), heap <= 1024);
        }
        if (size.has("startupSeconds")) {
            double startup = size.get("startupSeconds").asDouble();
            String plain = size.has("startupPlainSeconds")
                    ? String.format(Locale.ROOT, " (%s; java -jar: %.1f s)", size.path("launch").asString(), size.get("startupPlainSeconds").asDouble())
                    : "";
            target(md, "start-up to ready <= 20 s" + at, String.format(Locale.ROOT, "%.1f s%s", startup, plain), startup <= 20);
        }
        JsonNode a = size.path("accuracy");
        if (!a.isMissingNode()) {
            target(md, "ARI >= 0.95", fmt(a.get("adjustedRandIndex").asDouble()), a.get("adjustedRandIndex").asDouble() >= 0.95);
            target(md, "precision@10 >= 0.9", fmt(a.get("precisionAt10").asDouble()), a.get("precisionAt10").asDouble() >= 0.9);
        }
        md.append('\n');
    }

    private static void absolute(StringBuilder md, JsonNode q, String query, String measure, double limit, String target) {
        if (q.has(query)) {
            double value = q.get(query).get("graphql").get(0).get(measure).asDouble();
            target(md, target, String.format(Locale.ROOT, "%s %.1f ms", measure, value), value <= limit);
        }
    }

    private static void target(StringBuilder md, String target, String figure, boolean met) {
        md.append("| ").append(target).append(" | ").append(figure).append(" | ").append(met ? "met" : "**missed**").append(" |\n");
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** p50 (dark) and p95 (light) of each request over GraphQL at concurrency 1, a group of bars per request, one bar per size. */
    static String svg(JsonNode all) {
        List<String> queries = new ArrayList<>();
        List<JsonNode> sizes = new ArrayList<>();
        for (JsonNode size : all.get("sizes")) {
            if (size.has("queries")) {
                sizes.add(size);
                size.get("queries").properties().forEach(e -> {
                    if (!queries.contains(e.getKey())) {
                        queries.add(e.getKey());
                    }
                });
            }
        }
        int width = 980;
        int height = 420;
        int left = 70;
        int bottom = 330;
        int top = 40;
        double minLog = -1;
        double maxLog = 5;
        String[][] colours = { { "#1f4e79", "#9dc3e6" }, { "#a61c1c", "#f4a6a6" }, { "#1e6b1e", "#a9dfa9" } };
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
            .append("\" font-family=\"sans-serif\" font-size=\"11\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n")
            .append("<text x=\"").append(left).append("\" y=\"20\" font-size=\"14\">Latency over GraphQL at concurrency 1: "
                    + "p50 (dark) and p95 (light), ms, log scale</text>\n");
        for (int exp = (int) minLog; exp <= maxLog; exp++) {
            double y = bottom - (exp - minLog) / (maxLog - minLog) * (bottom - top);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", left, width - 20, y, y, left - 6, y + 4,
                    exp < 0 ? "0.1" : String.valueOf((long) Math.pow(10, exp))));
        }
        double group = (width - left - 20) / (double) Math.max(1, queries.size());
        double bar = Math.min(28, (group - 10) / Math.max(1, sizes.size()));
        for (int qi = 0; qi < queries.size(); qi++) {
            double x0 = left + qi * group + 5;
            for (int si = 0; si < sizes.size(); si++) {
                JsonNode stats = sizes.get(si).get("queries").path(queries.get(qi)).path("graphql").path(0);
                if (stats.isMissingNode()) {
                    continue;
                }
                double x = x0 + si * bar;
                for (String measure : List.of("p95", "p50")) {
                    double value = Math.max(0.1, stats.get(measure).asDouble());
                    double y = bottom - (Math.log10(value) - minLog) / (maxLog - minLog) * (bottom - top);
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                            + "<title>%s %s %s: %.2f ms</title></rect>%n", x, y, bar - 2, bottom - y,
                            colours[si % colours.length][measure.equals("p50") ? 0 : 1], queries.get(qi),
                            sizes.get(si).get("size").asString(), measure, stats.get(measure).asDouble()));
                }
            }
            String[] words = queries.get(qi).toLowerCase(Locale.ROOT).split("_", 2);
            for (int line = 0; line < words.length; line++) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                        x0 + sizes.size() * bar / 2, bottom + 16 + 13 * line, words[line].replace('_', ' ')));
            }
        }
        for (int si = 0; si < sizes.size(); si++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">size %s</text>%n", width - 120, top + si * 18, colours[si % colours.length][0],
                    width - 102, top + 10 + si * 18, sizes.get(si).get("size").asString()));
        }
        return svg.append("</svg>\n").toString();
    }

}
