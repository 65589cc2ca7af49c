package org.pangeagraph.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Record;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.entity.Node;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.Visibility;
import org.pangeagraph.projection.Projection;
import org.pangeagraph.projection.Projections;
import org.pangeagraph.projection.SameAsClusters;
import org.pangeagraph.projection.SameAsStep;
import org.springframework.stereotype.Component;

/**
 * Infrastructure ranked by disruption value: criminal networks served, websites of networks served,
 * betweenness on the website-infrastructure graph, websites served. The ranking of a projection is
 * computed once and cached with it; betweenness is the costly part.
 */
@Component
class KeyInfrastructure {

    static final int MAX_RESULTS = 100;

    private static final String ITEMS = CypherTemplate.statement("""
            MATCH (i:Entity) WHERE i.id IN $ids AND visible(i)
            RETURN i {.*, __labels: labels(i)} AS item
            """);

    private final Projections projections;

    private final CriminalNetworks networks;

    private final GraphDb db;

    KeyInfrastructure(Projections projections, CriminalNetworks networks, GraphDb db) {
        this.projections = projections;
        this.networks = networks;
        this.db = db;
    }

    /** A ranked item, before its entity is read. */
    record Scored(Projection.Item item, int networksServed, int networkWebsitesServed, double betweenness, double weight) {
    }

    /** A ranked item as the API shows it. */
    record KeyInfrastructureItem(int rank, InfrastructureKind kind, Node item, int networksServed, int networkWebsitesServed,
            double betweenness, int websitesServed, double weight, List<SameAsStep> sameAs) {
    }

    List<KeyInfrastructureItem> rank(List<InfrastructureKind> kinds, int first, Visibility visibility) {
        return rank(kinds, first, false, visibility);
    }

    /**
     * The ranking; with {@code resolve}, on the projection resolved by the SAME_AS clusters the caller may
     * see, with the networks of {@code criminalNetworks(resolve: true)}.
     */
    List<KeyInfrastructureItem> rank(List<InfrastructureKind> kinds, int first, boolean resolve, Visibility visibility) {
        LimitExceededException.bounded("first", first, MAX_RESULTS);
        Set<InfrastructureKind> wanted = kinds == null || kinds.isEmpty() ? EnumSet.allOf(InfrastructureKind.class)
                : EnumSet.copyOf(kinds);
        Projection.Key key = this.projections.key(visibility, null);
        NetworkDetection.Result detected = this.networks.detect(key,
                CriminalNetworks.Criteria.of(null, null, null, null).resolving(resolve));
        SameAsClusters.Clusters clusters = resolve ? this.networks.clusters(key) : null;
        Projection resolved = resolve ? this.networks.resolved(key) : null;
        List<Scored> ranking = resolve
                ? this.projections.derived(key, "keyInfrastructureResolved", List.of(), projection -> ranking(resolved, detected))
                : this.projections.derived(key, "keyInfrastructure", List.of(), projection -> ranking(projection, detected));
        List<Scored> top = ranking.stream().filter(s -> wanted.contains(s.item().kind())).limit(first).toList();
        Map<String, Node> entities = new HashMap<>();
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        params.put("ids", top.stream().map(s -> s.item().id()).distinct().toList());
        for (Record r : this.db.read(tx -> tx.run(ITEMS, params))) {
            Node node = NetworkDetails.node(r.get("item"));
            entities.put(node.id(), node);
        }
        List<KeyInfrastructureItem> result = new ArrayList<>();
        for (Scored s : top) {
            result.add(new KeyInfrastructureItem(result.size() + 1, s.item().kind(), entities.get(s.item().id()),
                    s.networksServed(), s.networkWebsitesServed(), s.betweenness(), s.item().websiteCount(), s.weight(),
                    clusters == null ? List.of() : clusters.steps(List.of(s.item().id()))));
        }
        return result;
    }

    static List<Scored> ranking(Projection projection, NetworkDetection.Result detected) {
        // Items reached by one website cannot lie between two; leaving them out keeps the graph small.
        List<Projection.Item> shared = projection.items().stream().filter(i -> i.websiteCount() >= 2).toList();
        double[] betweenness = Betweenness.ofItems(projection.websiteCount(), shared);
        Map<Projection.Item, Double> betweennessOf = new HashMap<>();
        for (int j = 0; j < shared.size(); j++) {
            betweennessOf.put(shared.get(j), betweenness[j]);
        }
        List<Scored> scored = new ArrayList<>();
        for (Projection.Item item : projection.items()) {
            Set<Integer> networksServed = new HashSet<>();
            int networkWebsites = 0;
            for (int website : item.websites()) {
                int network = detected.networkOfWebsite()[website];
                if (network >= 0) {
                    networksServed.add(network);
                    networkWebsites++;
                }
            }
            scored.add(new Scored(item, networksServed.size(), networkWebsites, betweennessOf.getOrDefault(item, 0.0),
                    projection.weight(item)));
        }
        scored.sort(Comparator.comparingInt(Scored::networksServed).reversed()
            .thenComparing(Comparator.comparingInt(Scored::networkWebsitesServed).reversed())
            .thenComparing(Comparator.comparingDouble(Scored::betweenness).reversed())
            .thenComparing(Comparator.comparingInt((Scored s) -> s.item().websiteCount()).reversed())
            .thenComparing(s -> s.item().kind())
            .thenComparing(s -> s.item().id()));
        return List.copyOf(scored);
    }

}
