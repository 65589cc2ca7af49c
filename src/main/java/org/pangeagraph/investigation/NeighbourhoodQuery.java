package org.pangeagraph.investigation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.model.GraphEdge;
import org.pangeagraph.model.GraphNode;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.NotFoundException;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.model.Subgraph;
import org.pangeagraph.model.Visibility;
import org.springframework.stereotype.Component;

/**
 * The neighbourhood of some entities as a subgraph, expanded breadth-first one level per statement
 * (at most four), then the links among the entities found in one more, never walking a hub's links. Breadth-first order keeps the
 * entities closest to the start when the node budget runs out, and each level is cut at the budget
 * inside the database, so that a hub with fifty thousand neighbours costs a sort, not a transfer.
 */
@Component
public class NeighbourhoodQuery {

    public static final int MAX_DEPTH = 4;

    public static final int MAX_NODES = 2_000;

    public static final int MAX_START = 100;

    private static final String START = """
            UNWIND $ids AS id
            MATCH (n:Entity {id: id}) WHERE %s
            RETURN n {.*} AS props, labels(n) AS labels
            """.formatted(Visibility.visible("n"));

    private static final String LEVEL = """
            UNWIND $frontier AS id
            MATCH (n:Entity {id: id})-[r]-(m:Entity)
            WHERE type(r) IN $types AND %s AND %s AND %s
              AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
              AND NOT m.id IN $seen
            WITH DISTINCT m
            ORDER BY m.id
            LIMIT $limit
            RETURN m {.*} AS props, labels(m) AS labels
            """.formatted(Visibility.visible("r"), Visibility.validOn("r"), Visibility.visible("m"));

    /**
     * Entities with more links than this are hubs (an operation with every parcel it inspected, a
     * national courier, a country): the links among the entities found are looked for from their other
     * end, or, between two hubs, by Neo4j's expand-into, which walks the smaller side of one type.
     */
    static final int HUB_DEGREE = 500;

    /**
     * The links among the entities found. Every link with an end that is not a hub is found from that
     * end (from its source when both ends are not hubs); links between two hubs, by expand-into for
     * each pair of hubs found. A hub's thousands of links are never walked one by one.
     * {@code %%1$s} is the relationship-type alternation, built from the enum.
     */
    private static final String EDGES = """
            UNWIND $ids AS id
            MATCH (n:Entity {id: id})
            WITH n, COUNT { (n)--() } > $hub AS hub
            WITH collect(CASE WHEN hub THEN n END) AS hubs, collect(CASE WHEN NOT hub THEN n END) AS others
            CALL (hubs, others) {
              UNWIND others AS a
              MATCH (a)-[r:%%1$s]-(b:Entity)
              WHERE b.id IN $ids AND (startNode(r) = a OR COUNT { (b)--() } > $hub) AND %s AND %s
              RETURN r
              UNION
              UNWIND hubs AS a
              UNWIND hubs AS b
              MATCH (a)-[r:%%1$s]->(b)
              WHERE %s AND %s
              RETURN r
            }
            WITH r, startNode(r) AS a, endNode(r) AS b
            RETURN r {.*} AS props, type(r) AS type, a.id AS source, b.id AS target
            ORDER BY type, source, target, props.id
            """.formatted(Visibility.visible("r"), Visibility.validOn("r"), Visibility.visible("r"), Visibility.validOn("r"));

    private final GraphDb db;

    public NeighbourhoodQuery(GraphDb db) {
        this.db = db;
    }

    /** What to expand: validated bounds and filters. */
    public record Request(List<String> ids, int depth, List<RelationshipType> relationshipTypes, List<NodeKind> kinds,
            LocalDate asOf, int maxNodes) {

        public Request {
            if (ids == null || ids.isEmpty()) {
                throw new InvalidInputException("ids", "must name at least one entity");
            }
            LimitExceededException.bounded("ids", ids.size(), MAX_START);
            LimitExceededException.bounded("depth", depth, MAX_DEPTH);
            LimitExceededException.bounded("maxNodes", maxNodes, MAX_NODES);
            ids = List.copyOf(ids);
        }

    }

    public Subgraph expand(Request request, Visibility visibility) {
        List<String> types = (request.relationshipTypes() == null || request.relationshipTypes().isEmpty()
                ? Arrays.asList(RelationshipType.values()) : request.relationshipTypes()).stream().map(Enum::name).toList();
        List<String> labels = request.kinds() == null || request.kinds().isEmpty() ? null
                : request.kinds().stream().map(NodeKind::label).toList();
        return this.db.read(tx -> {
            Map<String, GraphNode> found = new LinkedHashMap<>();
            Map<String, Object> params = new HashMap<>(visibility.parameters());
            params.put("ids", request.ids());
            for (Record r : tx.run(START, params)) {
                GraphNode node = node(r);
                found.put(node.id(), node);
            }
            for (String id : request.ids()) {
                if (!found.containsKey(id)) {
                    throw new NotFoundException("ids", "entity with id " + id);
                }
            }
            boolean truncated = found.size() > request.maxNodes();
            List<String> frontier = new ArrayList<>(found.keySet());
            for (int level = 1; level <= request.depth() && !truncated && !frontier.isEmpty(); level++) {
                int room = request.maxNodes() - found.size();
                params.put("frontier", frontier);
                params.put("types", types);
                params.put("labels", labels);
                params.put("asOf", request.asOf());
                params.put("seen", List.copyOf(found.keySet()));
                params.put("limit", room + 1);
                List<Record> next = tx.run(LEVEL, params);
                truncated = next.size() > room;
                frontier = new ArrayList<>();
                for (Record r : next.subList(0, Math.min(room, next.size()))) {
                    GraphNode node = node(r);
                    found.put(node.id(), node);
                    frontier.add(node.id());
                }
            }
            params.put("ids", List.copyOf(found.keySet()));
            params.put("asOf", request.asOf());
            params.put("hub", HUB_DEGREE);
            String alternation = String.join("|", types.stream().map(t -> RelationshipType.valueOf(t).cypherName()).toList());
            List<GraphEdge> edges = tx.run(EDGES.formatted(alternation), params).stream()
                .map(r -> GraphEdge.of(RelationshipType.valueOf(r.get("type").asString()), r.get("source").asString(),
                        r.get("target").asString(), r.get("props").asMap()))
                .toList();
            return new Subgraph(List.copyOf(found.values()), edges, truncated);
        });
    }

    static GraphNode node(Record r) {
        NodeKind kind = NodeKind.ofLabels(r.get("labels").asList(v -> v.asString())).orElseThrow();
        return GraphNode.of(kind, r.get("props").asMap());
    }

}
