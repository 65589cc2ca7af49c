package org.pangeagraph.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.entity.Node;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.GraphEdge;
import org.pangeagraph.model.GraphNode;
import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.model.RouteTypes;
import org.pangeagraph.model.Subgraph;
import org.pangeagraph.model.Visibility;
import org.pangeagraph.projection.SameAsStep;
import org.springframework.stereotype.Component;

/**
 * Criminal networks as subgraphs, for link charts and exports: one statement for a whole page of
 * networks, matching the routes from each network's websites to its binding items. Routes are taken
 * website by website in domain order, and a website's in the order of the entities and links on them
 * (by id), whatever order the store holds them in, so that the same visible graph always fills the
 * node budget the same way.
 */
@Component
class NetworkSubgraphs {

    static final int MAX_NODES = 2_000;

    private static final String CYPHER = CypherTemplate.of(RouteTypes.class, """
            UNWIND $networks AS net
            MATCH (w:Entity:Website) WHERE w.id IN net.websites
            CALL (w, net) {
              MATCH (w)-[a1:{{oneLink}}]-(i:Entity)
              WHERE i.id IN net.items AND visible(a1) AND validOn(a1) AND visible(i)
              RETURN [a1 {.*, __type: type(a1), __from: startNode(a1).id, __to: endNode(a1).id}] AS links,
                     [i {.*, __labels: labels(i)}] AS nodes
              UNION ALL
              MATCH (w)-[a1:{{twoLinkFirst}}]-(am:Entity)-[a2:{{twoLinkSecond}}]->(i:Entity)
              WHERE i.id IN net.items AND $byRoute[type(a1) + '/' + type(a2)] IS NOT NULL
                AND visible(a1) AND validOn(a1) AND visible(a2) AND validOn(a2) AND visible(am) AND visible(i)
              RETURN [a1 {.*, __type: type(a1), __from: startNode(a1).id, __to: endNode(a1).id},
                      a2 {.*, __type: type(a2), __from: startNode(a2).id, __to: endNode(a2).id}] AS links,
                     [am {.*, __labels: labels(am)}, i {.*, __labels: labels(i)}] AS nodes
            }
            RETURN net.id AS network, links, nodes
            ORDER BY network, w.domain, [x IN nodes | x.id], [l IN links | l.id]
            """).text(RouteTypes.MODEL);

    private final GraphDb db;

    NetworkSubgraphs(GraphDb db) {
        this.db = db;
    }

    Map<String, Subgraph> of(List<NetworkDetails.CriminalNetwork> networks, int maxNodes, Visibility visibility) {
        LimitExceededException.bounded("maxNodes", maxNodes, MAX_NODES);
        List<Map<String, Object>> input = networks.stream().map(n -> Map.<String, Object>of("id", n.id(),
                "websites", n.websites().stream().map(Node::id).toList(),
                "items", items(n))).toList();
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        params.put("networks", input);
        params.put("asOf", null);
        params.put("byRoute", InfrastructureKind.byRoute());
        Map<String, List<Record>> rows = new HashMap<>();
        for (Record r : this.db.read(tx -> tx.run(CYPHER, params))) {
            rows.computeIfAbsent(r.get("network").asString(), k -> new ArrayList<>()).add(r);
        }
        Map<String, Subgraph> subgraphs = new HashMap<>();
        for (NetworkDetails.CriminalNetwork network : networks) {
            subgraphs.put(network.id(), assemble(network, rows.getOrDefault(network.id(), List.of()), maxNodes));
        }
        return subgraphs;
    }

    /** Websites first, then route by route while the node budget lasts; a link only when both its ends are in. */
    private static Subgraph assemble(NetworkDetails.CriminalNetwork network, List<Record> routes, int maxNodes) {
        Map<String, GraphNode> nodes = new LinkedHashMap<>();
        boolean truncated = false;
        for (Node website : network.websites()) {
            if (nodes.size() >= maxNodes) {
                truncated = true;
                break;
            }
            nodes.put(website.id(), GraphNode.of(NodeKind.WEBSITE, website.properties()));
        }
        Map<String, GraphEdge> edges = new LinkedHashMap<>();
        for (Record route : routes) {
            List<GraphNode> routeNodes = route.get("nodes").asList(NetworkSubgraphs::node);
            long missing = routeNodes.stream().filter(n -> !nodes.containsKey(n.id())).count();
            if (nodes.size() + missing > maxNodes) {
                truncated = true;
                continue;
            }
            routeNodes.forEach(n -> nodes.putIfAbsent(n.id(), n));
            for (GraphEdge edge : route.get("links").asList(NetworkSubgraphs::edge)) {
                if (nodes.containsKey(edge.source()) && nodes.containsKey(edge.target())) {
                    edges.putIfAbsent(edge.id(), edge);
                }
            }
        }
        // With resolve: true, the members of a cluster on the chart are joined by their judgements.
        for (SameAsStep step : network.sameAs()) {
            if (nodes.containsKey(step.from()) && nodes.containsKey(step.to())) {
                Map<String, Object> properties = new LinkedHashMap<>();
                properties.put("id", step.judgementId());
                properties.put("judgedBy", step.judgedBy());
                properties.put("judgedAt", step.judgedAt());
                properties.put("note", step.note());
                properties.put("cases", step.cases());
                properties.values().removeIf(java.util.Objects::isNull);
                edges.putIfAbsent(step.judgementId(), GraphEdge.sameAs(step.from(), step.to(), properties));
            }
        }
        return new Subgraph(List.copyOf(nodes.values()), List.copyOf(edges.values()), truncated);
    }

    /** The items whose routes are drawn: those binding the network, and with resolve: true the other members of their clusters. */
    private static List<String> items(NetworkDetails.CriminalNetwork network) {
        java.util.Set<String> items = new java.util.LinkedHashSet<>();
        network.bindingItems().forEach(b -> items.add(b.item().id()));
        network.sameAs().forEach(step -> {
            items.add(step.from());
            items.add(step.to());
        });
        return List.copyOf(items);
    }

    private static GraphNode node(Value value) {
        Map<String, Object> props = new HashMap<>(value.asMap());
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) props.remove("__labels");
        return GraphNode.of(NodeKind.ofLabels(labels).orElseThrow(), props);
    }

    private static GraphEdge edge(Value value) {
        Map<String, Object> props = new HashMap<>(value.asMap());
        RelationshipType type = RelationshipType.valueOf((String) props.remove("__type"));
        String from = (String) props.remove("__from");
        String to = (String) props.remove("__to");
        return GraphEdge.of(type, from, to, props);
    }

}
