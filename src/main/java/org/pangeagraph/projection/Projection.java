package org.pangeagraph.projection;

import java.time.LocalDate;
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
 */
public record Projection(List<String> websiteIds, List<String> domains, Map<String, Integer> index, List<Item> items,
        Map<String, Item> itemsByKey) {

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
