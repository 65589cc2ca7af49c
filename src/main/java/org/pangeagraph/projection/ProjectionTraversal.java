package org.pangeagraph.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.ResourceIterator;
import org.neo4j.graphdb.Transaction;
import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.Visibility;

/**
 * The projection read through the embedded database's own API, in the application's process: the same
 * websites and items as {@link ProjectionReader}'s two statements, by the same routes, visibility,
 * dates and exclusions, walked from each website without the query engine's rows. At a million nodes
 * the statements' five million (website, kind, item) rows, each filtered and then grouped, took 7 to 9
 * s; this walk takes about half. ProjectionReaderIT holds the two to the same answer.
 */
final class ProjectionTraversal {

    private static final Label ENTITY = Label.label(NodeKind.ENTITY_LABEL);

    private static final Label WEBSITE = Label.label(NodeKind.WEBSITE.label());

    private static final String REDIRECT_TYPE = InfrastructureKind.REDIRECT.first().name();

    private final Visibility visibility;

    private final LocalDate asOf;

    private final Set<String> excluded;

    /** The first link types of every route, and for each the kinds whose item is at its other end. */
    private final org.neo4j.graphdb.RelationshipType[] firstTypes;

    private final Map<String, List<InfrastructureKind>> oneLinkKinds = new HashMap<>();

    /** For each first link type, the second link types of its two-link routes and their kinds. */
    private final Map<String, Map<String, InfrastructureKind>> twoLinkKinds = new HashMap<>();

    private final Map<String, org.neo4j.graphdb.RelationshipType[]> secondTypes = new HashMap<>();

    ProjectionTraversal(Visibility visibility, LocalDate asOf, Set<String> excluded) {
        this.visibility = visibility;
        this.asOf = asOf;
        this.excluded = excluded;
        for (InfrastructureKind kind : InfrastructureKind.values()) {
            String first = kind.first().name();
            if (kind.twoHops()) {
                this.twoLinkKinds.computeIfAbsent(first, t -> new HashMap<>()).put(kind.second().name(), kind);
            }
            else {
                this.oneLinkKinds.computeIfAbsent(first, t -> new ArrayList<>()).add(kind);
            }
        }
        this.twoLinkKinds.forEach((first, kinds) -> this.secondTypes.put(first, kinds.keySet().stream()
            .map(org.neo4j.graphdb.RelationshipType::withName).toArray(org.neo4j.graphdb.RelationshipType[]::new)));
        this.firstTypes = Arrays.stream(InfrastructureKind.values()).map(k -> k.first().name()).distinct()
            .map(org.neo4j.graphdb.RelationshipType::withName).toArray(org.neo4j.graphdb.RelationshipType[]::new);
    }

    Projection read(Transaction tx) {
        List<Site> sites = new ArrayList<>();
        try (ResourceIterator<Node> websites = tx.findNodes(WEBSITE)) {
            websites.forEachRemaining(w -> {
                if (visible(w) && !excluded(w)) {
                    sites.add(new Site(w, (String) w.getProperty("id", null), (String) w.getProperty("domain", null)));
                }
            });
        }
        sites.sort(Comparator.comparing(Site::domain, Comparator.nullsLast(Comparator.naturalOrder())));
        Map<InfrastructureKind, Map<Node, Members>> reached = new EnumMap<>(InfrastructureKind.class);
        // In index order: each item's websites come ascending, a website's repeats one after another.
        for (int i = 0; i < sites.size(); i++) {
            walkFrom(sites.get(i).node(), i, reached);
        }
        List<String> ids = sites.stream().map(Site::id).toList();
        List<Projection.Item> items = new ArrayList<>();
        reached.forEach((kind, byItem) -> byItem.forEach((node, members) -> {
            List<String> labels = new ArrayList<>();
            node.getLabels().forEach(l -> labels.add(l.name()));
            items.add(new Projection.Item(kind, (String) node.getProperty("id"), NodeKind.ofLabels(labels).orElseThrow(),
                    members.toArray()));
        }));
        return ProjectionReader.projection(ids, sites.stream().map(Site::domain).toList(), ProjectionReader.indexOf(ids), items);
    }

    /** Every route from website {@code w} (index {@code index}) that the caller may see and that held on the date. */
    private void walkFrom(Node w, int index, Map<InfrastructureKind, Map<Node, Members>> reached) {
        for (Relationship a1 : w.getRelationships(Direction.BOTH, this.firstTypes)) {
            Node middle = a1.getOtherNode(w);
            if (!passable(a1) || !visible(middle)) {
                continue;
            }
            String first = a1.getType().name();
            if (first.equals(REDIRECT_TYPE) && middle.hasLabel(WEBSITE)) {
                // A website taking part in a redirect is an item of its own, which it reaches itself.
                add(reached, InfrastructureKind.REDIRECT, w, index);
            }
            if (!middle.hasLabel(ENTITY) || excluded(middle)) {
                continue;
            }
            for (InfrastructureKind kind : this.oneLinkKinds.getOrDefault(first, List.of())) {
                add(reached, kind, middle, index);
            }
            org.neo4j.graphdb.RelationshipType[] seconds = this.secondTypes.get(first);
            if (seconds == null) {
                continue;
            }
            Map<String, InfrastructureKind> twoLinks = this.twoLinkKinds.get(first);
            for (Relationship a2 : middle.getRelationships(Direction.OUTGOING, seconds)) {
                Node item = a2.getEndNode();
                if (passable(a2) && item.hasLabel(ENTITY) && visible(item)
                        && !excluded(item)) {
                    add(reached, twoLinks.get(a2.getType().name()), item, index);
                }
            }
        }
    }

    private static void add(Map<InfrastructureKind, Map<Node, Members>> reached, InfrastructureKind kind, Node item, int website) {
        reached.computeIfAbsent(kind, k -> new HashMap<>()).computeIfAbsent(item, n -> new Members()).add(website);
    }

    /**
     * Whether {@code node} is one of the entities taken out: as in Cypher's {@code NOT n.id IN $excluded},
     * a node without an id is kept only when nothing is excluded.
     */
    private boolean excluded(Node node) {
        return !this.excluded.isEmpty() && (!(node.getProperty("id", null) instanceof String id) || this.excluded.contains(id));
    }

    /** A link the caller may see, valid on the date. */
    private boolean passable(Relationship link) {
        return visible(link) && validOn(link);
    }

    /** {@link Visibility#visible}, in Java. */
    private boolean visible(Entity entity) {
        if (this.visibility.all()) {
            return true;
        }
        Object cases = entity.getProperty("cases", null);
        return cases == null || (cases instanceof String[] list && this.visibility.sees(List.of(list)));
    }

    /**
     * {@link Visibility#validOn}, in Java: open ends hold; a bound that is not a date compares to nothing
     * in Cypher, so the link does not hold.
     */
    private boolean validOn(Relationship link) {
        if (this.asOf == null) {
            return true;
        }
        Object from = link.getProperty("validFrom", null);
        Object to = link.getProperty("validTo", null);
        return (from == null || (from instanceof LocalDate f && !f.isAfter(this.asOf)))
                && (to == null || (to instanceof LocalDate t && !t.isBefore(this.asOf)));
    }

    private record Site(Node node, String id, String domain) {
    }

    /**
     * The indexes of the websites reaching an item, ascending, each once: websites are walked in index
     * order, so a repeat (a second link or route to the item) follows the first at once.
     */
    private static final class Members {

        private int[] indexes = new int[2];

        private int size;

        void add(int index) {
            if (this.size > 0 && this.indexes[this.size - 1] == index) {
                return;
            }
            if (this.size == this.indexes.length) {
                this.indexes = Arrays.copyOf(this.indexes, this.size * 2);
            }
            this.indexes[this.size++] = index;
        }

        int[] toArray() {
            return Arrays.copyOf(this.indexes, this.size);
        }

    }

}
