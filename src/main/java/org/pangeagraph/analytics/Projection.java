package org.pangeagraph.analytics;

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
 */
record Projection(List<String> websiteIds, List<String> domains, Map<String, Integer> index, List<Item> items) {

    /** An item reached by websites through one kind of route. */
    record Item(InfrastructureKind kind, String id, NodeKind nodeKind, int[] websites) {

        /** k: how many websites reach it. */
        int websiteCount() {
            return this.websites.length;
        }

    }

    /** N: how many websites there are. */
    int websiteCount() {
        return this.websiteIds.size();
    }

    double weight(Item item) {
        return item.kind().weight(item.websiteCount(), websiteCount());
    }

    /** What a projection was read for: the graph version, the caller's visibility and the date. */
    record Key(String graphVersion, boolean seeAll, List<String> cases, LocalDate asOf) {
    }

}
