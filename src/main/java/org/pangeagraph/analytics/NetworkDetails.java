package org.pangeagraph.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.entity.Node;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.Visibility;
import org.pangeagraph.projection.Projection;
import org.pangeagraph.projection.SameAsClusters;
import org.pangeagraph.projection.SameAsStep;
import org.springframework.stereotype.Component;

/**
 * What an investigator reads about a page of networks, in one statement for the whole page: the
 * websites, the binding items, the people and companies behind them, countries, parcels and pills,
 * first and last seen.
 */
@Component
class NetworkDetails {

    /** Items of these kinds are who runs a network, when they are people or companies. */
    private static final Set<InfrastructureKind> BEHIND = Set.of(InfrastructureKind.OPERATOR,
            InfrastructureKind.ACCOUNT_HOLDER, InfrastructureKind.SENDER, InfrastructureKind.REGISTRANT);

    private static final String CYPHER = CypherTemplate.statement("""
            UNWIND $networks AS net
            CALL (net) {
              MATCH (w:Entity:Website) WHERE w.id IN net.websites
              RETURN collect(w {.*}) AS websites, min(w.firstSeen) AS firstSeen, max(w.lastSeen) AS lastSeen
            }
            CALL (net) {
              MATCH (w:Entity:Website)<-[r:ORDERED_FROM]-(s:Shipment) WHERE w.id IN net.websites AND visible(r) AND visible(s)
              WITH DISTINCT s, coalesce(s.seized, false) OR EXISTS { (s)<-[z:SEIZED]-(o:Operation) WHERE visible(z) AND visible(o) } AS seized
              RETURN count(CASE WHEN s.inspectedOn IS NOT NULL OR seized
                                  OR EXISTS { (s)<-[z:INSPECTED]-(o:Operation) WHERE visible(z) AND visible(o) } THEN 1 END) AS inspected,
                     count(CASE WHEN seized THEN 1 END) AS seized,
                     sum(CASE WHEN seized THEN coalesce(s.pillCount, 0) ELSE 0 END) AS pills,
                     collect(DISTINCT s.originCountry) AS origins
            }
            CALL (net) {
              MATCH (i:Entity) WHERE i.id IN net.items
              RETURN collect(i {.*, __labels: labels(i)}) AS items
            }
            CALL (net) {
              MATCH (p:Entity) WHERE p.id IN net.people
              RETURN collect(p {.*, __labels: labels(p)}) AS people
            }
            CALL (net) {
              MATCH (c:Entity) WHERE c.id IN net.reached AND c.country IS NOT NULL
              RETURN collect(DISTINCT c.country) AS countries
            }
            RETURN net.id AS id, websites, firstSeen, lastSeen, inspected, seized, pills, items, people,
                   [c IN countries + origins WHERE c IS NOT NULL] AS countries
            """);

    private final GraphDb db;

    NetworkDetails(GraphDb db) {
        this.db = db;
    }

    /** A network as the API shows it. */
    record CriminalNetwork(String id, int size, List<Node> websites, List<BindingItem> bindingItems, List<Node> people,
            List<String> countries, int shipmentsInspected, int shipmentsSeized, int pillsSeized, LocalDate firstSeen,
            LocalDate lastSeen, List<SameAsStep> sameAs) {
    }

    /** An item binding a network. */
    record BindingItem(InfrastructureKind kind, Node item, double weight, int websiteCount) {
    }

    List<CriminalNetwork> describe(Projection projection, List<NetworkDetection.Network> networks, Visibility visibility) {
        return describe(projection, networks, null, visibility);
    }

    /**
     * The networks described; with {@code clusters} ({@code resolve: true}) on the projection they resolve,
     * each website and person standing for its cluster brings every member, and the judgements within are
     * in {@link CriminalNetwork#sameAs}.
     */
    List<CriminalNetwork> describe(Projection projection, List<NetworkDetection.Network> networks, SameAsClusters.Clusters clusters,
            Visibility visibility) {
        if (networks.isEmpty()) {
            return List.of();
        }
        Map<Integer, List<Projection.Item>> itemsByWebsite = itemsByWebsite(projection, networks);
        List<Map<String, Object>> input = new ArrayList<>();
        for (NetworkDetection.Network network : networks) {
            Set<String> people = new LinkedHashSet<>();
            Set<String> reached = new LinkedHashSet<>();
            for (int website : network.websites()) {
                for (Projection.Item item : itemsByWebsite.getOrDefault(website, List.of())) {
                    reached.addAll(projection.members(item.id()));
                    if (BEHIND.contains(item.kind())
                            && (item.nodeKind() == NodeKind.PERSON || item.nodeKind() == NodeKind.COMPANY)) {
                        people.addAll(projection.members(item.id()));
                    }
                }
            }
            input.add(Map.of("id", network.id(), "websites", ids(projection, network.websites()),
                    "items", network.bindingItems().stream().map(Projection.Item::id).distinct().toList(),
                    "people", List.copyOf(people), "reached", List.copyOf(reached)));
        }
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        params.put("networks", input);
        Map<String, Record> byId = new HashMap<>();
        this.db.read(tx -> tx.run(CYPHER, params)).forEach(r -> byId.put(r.get("id").asString(), r));
        List<CriminalNetwork> described = new ArrayList<>();
        for (int i = 0; i < networks.size(); i++) {
            NetworkDetection.Network network = networks.get(i);
            List<SameAsStep> sameAs = List.of();
            if (clusters != null) {
                Map<String, Object> in = input.get(i);
                List<String> ids = new ArrayList<>();
                for (String key : List.of("websites", "items", "people")) {
                    @SuppressWarnings("unchecked")
                    List<String> some = (List<String>) in.get(key);
                    ids.addAll(some);
                }
                sameAs = clusters.steps(ids);
            }
            described.add(view(projection, network, byId.get(network.id()), sameAs));
        }
        return described;
    }

    private static CriminalNetwork view(Projection projection, NetworkDetection.Network network, Record r, List<SameAsStep> sameAs) {
        List<Node> websites = new ArrayList<>(r.get("websites").asList(v -> new Node(NodeKind.WEBSITE, v.asMap())));
        websites.sort(java.util.Comparator.comparing(w -> (String) w.get("domain")));
        Map<String, Node> items = new HashMap<>();
        r.get("items").asList(NetworkDetails::node).forEach(n -> items.put(n.id(), n));
        List<BindingItem> binding = network.bindingItems().stream()
            .filter(i -> items.containsKey(i.id()))
            .map(i -> new BindingItem(i.kind(), items.get(i.id()), projection.weight(i), i.websiteCount()))
            .toList();
        List<Node> people = new ArrayList<>(r.get("people").asList(NetworkDetails::node));
        people.sort(java.util.Comparator.comparing(Node::caption).thenComparing(Node::id));
        List<String> countries = r.get("countries").asList(Value::asString).stream().distinct().sorted().toList();
        return new CriminalNetwork(network.id(), network.size(), websites, binding, people, countries,
                r.get("inspected").asInt(), r.get("seized").asInt(), r.get("pills").asInt(),
                r.get("firstSeen").isNull() ? null : r.get("firstSeen").asLocalDate(),
                r.get("lastSeen").isNull() ? null : r.get("lastSeen").asLocalDate(), sameAs);
    }

    private static Map<Integer, List<Projection.Item>> itemsByWebsite(Projection projection,
            List<NetworkDetection.Network> networks) {
        Set<Integer> wanted = new java.util.HashSet<>();
        networks.forEach(n -> java.util.Arrays.stream(n.websites()).forEach(wanted::add));
        Map<Integer, List<Projection.Item>> byWebsite = new HashMap<>();
        for (Projection.Item item : projection.items()) {
            for (int website : item.websites()) {
                if (wanted.contains(website)) {
                    byWebsite.computeIfAbsent(website, k -> new ArrayList<>()).add(item);
                }
            }
        }
        return byWebsite;
    }

    /** The ids of these websites: with a resolved projection, every member of each one's cluster. */
    static List<String> ids(Projection projection, int[] websites) {
        List<String> ids = new ArrayList<>(websites.length);
        for (int website : websites) {
            ids.addAll(projection.members(projection.websiteIds().get(website)));
        }
        return ids;
    }

    static Node node(Value value) {
        Map<String, Object> props = new HashMap<>(value.asMap());
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) props.remove("__labels");
        return new Node(NodeKind.ofLabels(labels).orElseThrow(), props);
    }

}
