package org.pangeagraph.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.model.NodeKind;

/**
 * The websites the caller may see and the shared-infrastructure items they reach, as compact arrays:
 * website {@code i} is {@code websiteIds.get(i)}; an item lists the indexes of the websites that reach
 * it by its kind's route. The same entity reached by two routes (a person as operator and as sender)
 * is two items.
 *
 * @param websiteIds website ids, in domain order
 * @param domains their domains
 * @param index website index by id
 * @param items every item reached by at least one website
 * @param itemsByKey the items by {@link #itemKey(InfrastructureKind, String)}
 * @param merged in a projection {@link #resolved} by SAME_AS clusters, each cluster's members by the id
 * that stands for it (its least); empty otherwise
 */
public record Projection(List<String> websiteIds, List<String> domains, Map<String, Integer> index, List<Item> items,
        Map<String, Item> itemsByKey, Map<String, List<String>> merged) {

    /** A projection of the graph as read, each entity itself. */
    public Projection(List<String> websiteIds, List<String> domains, Map<String, Integer> index, List<Item> items,
            Map<String, Item> itemsByKey) {
        this(websiteIds, domains, index, items, itemsByKey, Map.of());
    }

    /**
     * The projection with each SAME_AS cluster counted as one entity: the websites of a cluster are one
     * website (the first of them in domain order stands for it, and every member's id finds it in {@link #index}),
     * the items of one kind in a cluster are one item, reached by every website that reaches one of them;
     * N and each k are counted again so. The members of each merged cluster are in {@link #merged}, for
     * answers to name the judgements behind them.
     */
    public Projection resolved(SameAsClusters.Clusters clusters) {
        if (clusters.isEmpty()) {
            return this;
        }
        // Websites: one index for each cluster, in the domain order of the websites that stand for them.
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int[] newIndex = new int[this.websiteIds.size()];
        Map<String, Integer> byCluster = new HashMap<>();
        Map<String, Integer> index = new HashMap<>();
        Map<String, List<String>> merged = new HashMap<>();
        for (int i = 0; i < this.websiteIds.size(); i++) {
            String id = this.websiteIds.get(i);
            String cluster = clusters.cluster(id);
            Integer at = byCluster.get(cluster);
            if (at == null) {
                at = ids.size();
                byCluster.put(cluster, at);
                ids.add(id);
                names.add(this.domains.get(i));
            }
            newIndex[i] = at;
            index.put(id, at);
            if (clusters.clusterOf().containsKey(id)) {
                merged.computeIfAbsent(ids.get(at), k -> new ArrayList<>()).add(id);
            }
        }
        merged.values().removeIf(members -> members.size() < 2);
        // Items: one for each kind and cluster, reached by the union of their websites.
        Map<String, java.util.TreeSet<Integer>> reached = new java.util.LinkedHashMap<>();
        Map<String, Item> first = new HashMap<>();
        Map<String, List<String>> itemMembers = new HashMap<>();
        for (Item item : this.items) {
            String key = itemKey(item.kind(), clusters.cluster(item.id()));
            first.putIfAbsent(key, item);
            itemMembers.computeIfAbsent(key, k -> new ArrayList<>()).add(item.id());
            java.util.TreeSet<Integer> websites = reached.computeIfAbsent(key, k -> new java.util.TreeSet<>());
            for (int w : item.websites()) {
                websites.add(newIndex[w]);
            }
        }
        List<Item> items = new ArrayList<>();
        Map<String, Item> byKey = new HashMap<>();
        reached.forEach((key, websites) -> {
            Item stands = first.get(key);
            List<String> members = itemMembers.get(key);
            String id = members.stream().min(String::compareTo).orElseThrow();
            Item item = new Item(stands.kind(), id, stands.nodeKind(), websites.stream().mapToInt(Integer::intValue).toArray());
            items.add(item);
            members.forEach(member -> byKey.put(itemKey(item.kind(), member), item));
            if (members.size() > 1) {
                merged.put(id, members.stream().sorted().toList());
            }
        });
        items.sort(java.util.Comparator.comparing(Item::kind).thenComparing(Item::id));
        merged.replaceAll((id, members) -> members.stream().sorted().distinct().toList());
        return new Projection(List.copyOf(ids), List.copyOf(names), Map.copyOf(index), List.copyOf(items), Map.copyOf(byKey),
                Map.copyOf(merged));
    }

    /**
     * The entities the website or item {@code id} stands for: in a {@link #resolved} projection, the
     * members of its cluster; else itself.
     */
    public List<String> members(String id) {
        return this.merged.getOrDefault(id, List.of(id));
    }

    /** An item reached by websites through one kind of route. */
    public record Item(InfrastructureKind kind, String id, NodeKind nodeKind, int[] websites) {

        /** k: how many websites reach it. */
        public int websiteCount() {
            return this.websites.length;
        }

    }

    /** The item of {@code kind} with entity id {@code id}, if any website reaches it that way. */
    public Item item(InfrastructureKind kind, String id) {
        return this.itemsByKey.get(itemKey(kind, id));
    }

    static String itemKey(InfrastructureKind kind, String id) {
        return kind.name() + "/" + id;
    }

    /** N: how many websites there are. */
    public int websiteCount() {
        return this.websiteIds.size();
    }

    public double weight(Item item) {
        return item.kind().weight(item.websiteCount(), websiteCount());
    }

    /** What a projection was read for: the graph version, the caller's visibility and the date. */
    public record Key(String graphVersion, boolean seeAll, List<String> cases, LocalDate asOf) {

        /** The same visibility and date at another graph version. */
        boolean sameQuestion(Key other) {
            return this.seeAll == other.seeAll && this.cases.equals(other.cases) && java.util.Objects.equals(this.asOf, other.asOf);
        }

        /** The question without its version: what concurrent builds are coalesced by. */
        Key question() {
            return new Key("", this.seeAll, this.cases, this.asOf);
        }

        /** The same question on a version of the same epoch (this one or another). */
        boolean sameQuestionAndEpoch(Key other) {
            return sameQuestion(other) && epoch().equals(other.epoch());
        }

        /** Whether this is the same question on an earlier version of the same epoch. */
        boolean earlierThan(Key other) {
            return sameQuestionAndEpoch(other) && counter() < other.counter();
        }

        private long counter() {
            return Long.parseLong(this.graphVersion.substring(this.graphVersion.lastIndexOf(':') + 1));
        }

        /** The epoch part of the version: a graph emptied or restored starts a new epoch. */
        String epoch() {
            return this.graphVersion.substring(0, Math.max(0, this.graphVersion.lastIndexOf(':')));
        }

    }

}
