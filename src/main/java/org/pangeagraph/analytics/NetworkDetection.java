package org.pangeagraph.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jgrapht.alg.util.UnionFind;
import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.projection.Projection;

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
     * The networks of at least {@code minWebsites} websites, largest first (ties by id); for each
     * website the index of its network or -1, and the group it binds to whatever its size (a website
     * bound to nothing is a group of its own).
     */
    record Result(List<Network> networks, int[] networkOfWebsite, int[] groupOfWebsite) {
    }

    static Result detect(Projection projection, Set<InfrastructureKind> kinds, double threshold, int minWebsites) {
        int n = projection.websiteCount();
        UnionFind<Integer> components = new UnionFind<>(new java.util.LinkedHashSet<>(range(n)));
        List<Projection.Item> binding = new ArrayList<>();
        for (Projection.Item item : projection.items()) {
            if (!kinds.contains(item.kind()) || projection.weight(item) < threshold) {
                continue;
            }
            int first = -1;
            for (int website : item.websites()) {
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
            members.computeIfAbsent(components.find(website), k -> new ArrayList<>()).add(website);
        }
        Map<Integer, List<Projection.Item>> bindingByRoot = new HashMap<>();
        for (Projection.Item item : binding) {
            if (item.websites().length > 1) {
                bindingByRoot.computeIfAbsent(components.find(item.websites()[0]), k -> new ArrayList<>()).add(item);
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
        int[] groupOf = new int[n];
        for (int website = 0; website < n; website++) {
            groupOf[website] = components.find(website);
        }
        return new Result(List.copyOf(networks), networkOf, groupOf);
    }

    private static List<Integer> range(int n) {
        List<Integer> all = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

}
