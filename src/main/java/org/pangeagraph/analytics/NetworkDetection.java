package org.pangeagraph.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jgrapht.alg.util.UnionFind;
import org.pangeagraph.model.InfrastructureKind;

/**
 * Criminal networks on a projection: websites joined by every item heavy enough to bind them, and the
 * connected groups that result. An item binds when its own weight reaches the threshold; weights are
 * never summed, so that many generic items in common (a shared-hosting IP, a registrar, a courier) do
 * not glue unrelated storefronts together.
 */
final class NetworkDetection {

    /** The weight an item needs to bind by default: about one merchant account behind a third of all sites. */
    static final double DEFAULT_THRESHOLD = 1.0;

    private NetworkDetection() {
    }

    /** A network: its websites (indexes, in domain order) and the items that bind it, heaviest first. */
    record Network(String id, int[] websites, List<Projection.Item> bindingItems) {

        int size() {
            return this.websites.length;
        }

    }

    /**
     * The networks of at least {@code minWebsites} websites, largest first (ties by id), and for each
     * website the index of its network or -1.
     */
    record Result(List<Network> networks, int[] networkOfWebsite) {
    }

    static Result detect(Projection projection, Set<InfrastructureKind> kinds, double threshold, int minWebsites) {
        return detect(projection, kinds, threshold, minWebsites, Set.of(), Set.of());
    }

    /**
     * As {@link #detect(Projection, Set, double, int)}, with some items and websites taken away first
     * (by id), as a takedown would.
     */
    static Result detect(Projection projection, Set<InfrastructureKind> kinds, double threshold, int minWebsites,
            Set<String> removedItems, Set<Integer> removedWebsites) {
        int n = projection.websiteCount();
        UnionFind<Integer> components = new UnionFind<>(new java.util.LinkedHashSet<>(range(n)));
        List<Projection.Item> binding = new ArrayList<>();
        for (Projection.Item item : projection.items()) {
            if (!kinds.contains(item.kind()) || removedItems.contains(item.id()) || projection.weight(item) < threshold) {
                continue;
            }
            int first = -1;
            for (int website : item.websites()) {
                if (removedWebsites.contains(website)) {
                    continue;
                }
                if (first < 0) {
                    first = website;
                }
                else {
                    components.union(first, website);
                }
            }
            binding.add(item);
        }
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int website = 0; website < n; website++) {
            if (!removedWebsites.contains(website)) {
                members.computeIfAbsent(components.find(website), k -> new ArrayList<>()).add(website);
            }
        }
        Map<Integer, List<Projection.Item>> bindingByRoot = new HashMap<>();
        for (Projection.Item item : binding) {
            int anyMember = java.util.Arrays.stream(item.websites()).filter(w -> !removedWebsites.contains(w)).findFirst()
                .orElse(-1);
            if (anyMember >= 0 && item.websites().length > 1) {
                bindingByRoot.computeIfAbsent(components.find(anyMember), k -> new ArrayList<>()).add(item);
            }
        }
        List<Network> networks = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> group : members.entrySet()) {
            if (group.getValue().size() < minWebsites) {
                continue;
            }
            int[] websites = group.getValue().stream().mapToInt(Integer::intValue).sorted().toArray();
            List<Projection.Item> items = new ArrayList<>(bindingByRoot.getOrDefault(group.getKey(), List.of()));
            items.sort(Comparator.comparingDouble(projection::weight).reversed().thenComparing(Projection.Item::id));
            networks.add(new Network("network:" + projection.domains().get(websites[0]), websites, List.copyOf(items)));
        }
        networks.sort(Comparator.comparingInt(Network::size).reversed().thenComparing(Network::id));
        int[] networkOf = new int[n];
        java.util.Arrays.fill(networkOf, -1);
        for (int i = 0; i < networks.size(); i++) {
            for (int website : networks.get(i).websites()) {
                networkOf[website] = i;
            }
        }
        return new Result(List.copyOf(networks), networkOf);
    }

    private static List<Integer> range(int n) {
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

}
