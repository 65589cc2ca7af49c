package org.pangeagraph.investigation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pangeagraph.projection.Projection;

/**
 * The websites that may be siblings, by index: the projection's indexes where a projection is at
 * hand, then websites it does not hold (written since it was built, or all of them without one).
 * Scores are summed into an array over these indexes: an item such as a national courier is reached by
 * tens of thousands of websites, and a map of scores by website id cost more than the database did.
 */
final class Candidates {

    private final Projection projection;

    private final int base;

    private final List<String> ids = new ArrayList<>();

    private final List<String> domains = new ArrayList<>();

    private final Map<String, Integer> others = new HashMap<>();

    Candidates(Optional<Projection> projection) {
        this.projection = projection.orElse(null);
        this.base = projection.map(Projection::websiteCount).orElse(0);
    }

    /** The index of the website {@code id}, given one if it has none yet. */
    int index(String id, String domain) {
        if (this.projection != null) {
            Integer known = this.projection.index().get(id);
            if (known != null) {
                return known;
            }
        }
        Integer index = this.others.get(id);
        if (index == null) {
            index = this.base + this.ids.size();
            this.others.put(id, index);
            this.ids.add(id);
            this.domains.add(domain);
        }
        return index;
    }

    String id(int index) {
        return index < this.base ? this.projection.websiteIds().get(index) : this.ids.get(index - this.base);
    }

    String domain(int index) {
        return index < this.base ? this.projection.domains().get(index) : this.domains.get(index - this.base);
    }

    int size() {
        return this.base + this.ids.size();
    }

}
