package org.pangeagraph.tools.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * How well the API recovers the planted networks of a generated graph: the adjusted Rand index of
 * {@code criminalNetworks} against the ground truth, and the precision of the top of
 * {@code sharedInfrastructure}. The API is reached through {@link GraphQl}, over real HTTP.
 */
public final class Accuracy {

    private static final String NETWORKS = """
            query networks($after: String, $kinds: [InfrastructureKind!]) {
              criminalNetworks(first: 100, after: $after, kinds: $kinds) {
                pageInfo { hasNextPage endCursor }
                edges { node { id websites { domain } bindingItems { kind websiteCount } } }
              }
            }""";

    private static final String SIBLINGS = """
            query siblings($domain: String!, $first: Int) {
              sharedInfrastructure(domain: $domain, first: $first) { website { domain } score }
            }""";

    private Accuracy() {
    }

    /** Sends a GraphQL document and returns the response's {@code data}; fails on any error. */
    @FunctionalInterface
    public interface GraphQl {

        Map<String, Object> data(String document, Map<String, Object> variables);

    }

    /** The ground truth of a generated graph: each website's planted network, or null for a website of none. */
    public record GroundTruth(Map<String, String> networkOf, Map<String, String> roleOf) {

        public static GroundTruth read(Path directory) {
            Map<String, String> networks = new LinkedHashMap<>();
            Map<String, String> roles = new HashMap<>();
            try {
                List<String> lines = Files.readAllLines(directory.resolve("ground-truth.csv"));
                for (String line : lines.subList(1, lines.size())) {
                    String[] cells = line.split(",", -1);
                    networks.put(cells[0], cells[1].isEmpty() ? null : cells[1]);
                    roles.put(cells[0], cells[2]);
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return new GroundTruth(networks, roles);
        }

        /** The websites of each planted network. */
        public Map<String, List<String>> members() {
            Map<String, List<String>> members = new TreeMap<>();
            this.networkOf.forEach((domain, network) -> {
                if (network != null) {
                    members.computeIfAbsent(network, k -> new ArrayList<>()).add(domain);
                }
            });
            return members;
        }

    }

    /**
     * What was measured.
     *
     * @param adjustedRandIndex of the detected networks against the planted ones (websites of no network are singletons)
     * @param plantedNetworks how many networks were planted
     * @param detectedNetworks how many networks the API found
     * @param mergedNetworks detected networks holding websites of two or more planted networks, or planted and unrelated ones
     * @param splitNetworks planted networks whose websites the API put in two or more groups
     * @param bindingKindsOfMerged how often each kind of item binds the merged networks
     * @param precisionAt10 mean share of siblings in the top 10 of sharedInfrastructure, for websites of networks of 11 or more
     * @param precisionAtSizeLessOne the same in the top (size - 1), for websites of smaller networks
     * @param sampled how many websites were asked about, in all
     */
    public record Result(double adjustedRandIndex, int plantedNetworks, int detectedNetworks, int mergedNetworks, int splitNetworks,
            Map<String, Integer> bindingKindsOfMerged, double precisionAt10, double precisionAtSizeLessOne, int sampled) {
    }

    /**
     * Measures on the graph generated with {@code truth}, asking sharedInfrastructure about {@code sample}
     * websites; criminalNetworks binds with {@code kinds}, or its default kinds when null.
     */
    public static Result measure(GraphQl api, GroundTruth truth, int sample, long seed, List<String> kinds) {
        Map<String, String> detected = new HashMap<>();
        List<Map<String, Object>> networks = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            variables.put("kinds", kinds);
            Map<String, Object> page = map(api.data(NETWORKS, variables).get("criminalNetworks"));
            for (Object edge : (List<?>) page.get("edges")) {
                Map<String, Object> node = map(map(edge).get("node"));
                networks.add(node);
                for (Object website : (List<?>) node.get("websites")) {
                    detected.put((String) map(website).get("domain"), (String) node.get("id"));
                }
            }
            Map<String, Object> info = map(page.get("pageInfo"));
            after = Boolean.TRUE.equals(info.get("hasNextPage")) ? (String) info.get("endCursor") : null;
        }
        while (after != null);

        List<String> domains = new ArrayList<>(truth.networkOf().keySet());
        double ari = adjustedRandIndex(domains, truth.networkOf(), detected);
        int merged = 0;
        Map<String, Integer> bindingKinds = new TreeMap<>();
        for (Map<String, Object> network : networks) {
            long planted = ((List<?>) network.get("websites")).stream()
                .map(w -> truth.networkOf().getOrDefault((String) map(w).get("domain"), null))
                .map(n -> n == null ? "none" : n).distinct().count();
            boolean unrelatedInside = ((List<?>) network.get("websites")).stream()
                .anyMatch(w -> truth.networkOf().get((String) map(w).get("domain")) == null);
            if (planted > 1 || unrelatedInside) {
                merged++;
                for (Object item : (List<?>) network.get("bindingItems")) {
                    bindingKinds.merge((String) map(item).get("kind"), 1, Integer::sum);
                }
            }
        }
        int split = 0;
        for (List<String> members : truth.members().values()) {
            if (members.stream().map(d -> detected.getOrDefault(d, "alone:" + d)).distinct().count() > 1) {
                split++;
            }
        }

        Map<String, List<String>> members = truth.members();
        List<String> candidates = new ArrayList<>(truth.networkOf().entrySet().stream().filter(e -> e.getValue() != null)
            .map(Map.Entry::getKey).sorted().toList());
        java.util.Collections.shuffle(candidates, new Random(seed));
        List<Double> big = new ArrayList<>();
        List<Double> small = new ArrayList<>();
        List<String> bigOnes = candidates.stream().filter(d -> members.get(truth.networkOf().get(d)).size() >= 11)
            .limit(sample / 2).toList();
        List<String> smallOnes = candidates.stream().filter(d -> members.get(truth.networkOf().get(d)).size() < 11)
            .limit(sample - bigOnes.size()).toList();
        for (String domain : bigOnes) {
            big.add(precision(api, truth, domain, 10));
        }
        for (String domain : smallOnes) {
            small.add(precision(api, truth, domain, members.get(truth.networkOf().get(domain)).size() - 1));
        }
        return new Result(ari, members.size(), networks.size(), merged, split, bindingKinds, mean(big), mean(small),
                bigOnes.size() + smallOnes.size());
    }

    private static double precision(GraphQl api, GroundTruth truth, String domain, int k) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("domain", domain);
        variables.put("first", k);
        List<?> siblings = (List<?>) api.data(SIBLINGS, variables).get("sharedInfrastructure");
        String network = truth.networkOf().get(domain);
        long hits = siblings.stream().map(s -> (String) map(map(s).get("website")).get("domain"))
            .filter(d -> network.equals(truth.networkOf().get(d))).count();
        return (double) hits / k;
    }

    /**
     * The adjusted Rand index (Hubert and Arabie) of two clusterings of {@code items}, from their
     * contingency table; an item with no cluster (null) is a cluster of its own.
     */
    public static double adjustedRandIndex(List<String> items, Map<String, String> truth, Map<String, String> found) {
        Map<String, Map<String, Long>> table = new HashMap<>();
        Map<String, Long> rows = new HashMap<>();
        Map<String, Long> columns = new HashMap<>();
        for (String item : items) {
            String a = truth.get(item) == null ? "alone:" + item : "t:" + truth.get(item);
            String b = found.get(item) == null ? "alone:" + item : "f:" + found.get(item);
            table.computeIfAbsent(a, k -> new HashMap<>()).merge(b, 1L, Long::sum);
            rows.merge(a, 1L, Long::sum);
            columns.merge(b, 1L, Long::sum);
        }
        double index = table.values().stream().flatMap(m -> m.values().stream()).mapToDouble(Accuracy::pairs).sum();
        double sumRows = rows.values().stream().mapToDouble(Accuracy::pairs).sum();
        double sumColumns = columns.values().stream().mapToDouble(Accuracy::pairs).sum();
        double expected = sumRows * sumColumns / pairs(items.size());
        double max = (sumRows + sumColumns) / 2;
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** A line for a report. */
    public static String describe(Result r) {
        return String.format(java.util.Locale.ROOT,
                "ARI %.3f (%d planted, %d detected, %d merged, %d split; binding kinds of merged: %s); precision@10 %.3f,"
                        + " precision@(size-1) %.3f over %d websites",
                r.adjustedRandIndex(), r.plantedNetworks(), r.detectedNetworks(), r.mergedNetworks(), r.splitNetworks(),
                r.bindingKindsOfMerged(), r.precisionAt10(), r.precisionAtSizeLessOne(), r.sampled());
    }

}
