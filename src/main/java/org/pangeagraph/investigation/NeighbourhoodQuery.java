package org.pangeagraph.investigation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * (at most four), then the links among the entities found in one more, never walking a hub's links.
 * Breadth-first order keeps the entities closest to the start when the node budget runs out; within
 * the level where it runs out, what the least-linked entities of the level before lead to is kept
 * first (a website's own payment account before the thousands of websites of its registrar), and of
 * one entity's neighbours those with the smallest ids. Every ordering and every count behind it comes
 * from what the caller may see: links of a case they are not in neither make an entity look busier
 * nor move one of its neighbours before another (the order in which the store holds an entity's
 * links changes when links are added to it, visible or not).
 */
@Component
public class NeighbourhoodQuery {

    public static final int MAX_DEPTH = 4;

    public static final int MAX_NODES = 2_000;

    public static final int MAX_START = 100;

    /**
     * Entities with more links than this are hubs (an operation with every parcel it inspected, a
     * national courier, a country): the links among the entities found are looked for from their other
     * end, or, between two hubs, by Neo4j's expand-into, which walks the smaller side of one type.
     */
    static final int HUB_DEGREE = 500;

    /**
     * How far an entity's links are counted: an entity with more links than a subgraph may hold
     * entities fills the budget alone, however many more it has; entities past this count are taken by
     * id among themselves. Counting stops there, so that an operation's three hundred thousand parcels
     * are not walked to be counted.
     */
    static final int DEGREE_CAP = MAX_NODES + 1;

    /**
     * How many links of {@code x} the caller may see (the link and the entity at its other end), up to
     * {@link #DEGREE_CAP}.
     */
    private static final String DEGREE = """
            CALL (%1$s) {
              MATCH (%1$s)-[d]-(o:Entity) WHERE %2$s AND %3$s
              WITH d LIMIT $degreeCap
              RETURN count(d) AS degree
            }""";

    private static String degree(String variable) {
        return DEGREE.formatted(variable, Visibility.visible("d"), Visibility.visible("o"));
    }

    private static final String START = """
            UNWIND $ids AS id
            MATCH (n:Entity {id: id}) WHERE %s
            %s
            RETURN n {.*} AS props, labels(n) AS labels, degree
            """.formatted(Visibility.visible("n"), degree("n"));

    /**
     * One level: the entities linked to the frontier and not yet found, taken from the frontier
     * entities in the order given (least-linked first, ties by id), and of one entity's in id order, up
     * to the budget. A frontier entity's new neighbours are sorted within it, and the statement stops
     * once the budget is full: a hub's fifty thousand neighbours are read only if the budget is still
     * open when its turn comes, after every more specific entity of the level.
     */
    private static final String LEVEL = """
            UNWIND $frontier AS id
            MATCH (n:Entity {id: id})
            CALL (n) {
              MATCH (n)-[r]-(m:Entity)
              WHERE type(r) IN $types AND %s AND %s AND %s
                AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
                AND NOT m.id IN $seen
              WITH DISTINCT m
              ORDER BY m.id
              LIMIT $limit
              RETURN m
            }
            WITH DISTINCT m
            LIMIT $limit
            %s
            RETURN m {.*} AS props, labels(m) AS labels, degree
            """.formatted(Visibility.visible("r"), Visibility.validOn("r"), Visibility.visible("m"), degree("m"));

    /**
     * The links among the entities found. Every link with an end that is not a hub is found from that
     * end (from its source when both ends are not hubs). Links between two hubs are looked for only by
     * the types that may join their kinds (DOMAIN.md), one expand-into per type, which reads the
     * smaller side of that one type: a courier and an operation, each with three hundred thousand
     * parcels, have no type between them, and are not looked at. A hub's links are never walked.
     * Which entities are hubs is decided by the links the caller sees ({@code $hubs}).
     * {@code %1$s} is the relationship-type alternation and {@code %2$s} the hub branches, both built
     * from the enums.
     */
    private static final String EDGES = """
            UNWIND $ids AS id
            MATCH (n:Entity {id: id})
            WITH n, n.id IN $hubs AS hub
            WITH collect(CASE WHEN hub THEN n END) AS hubs, collect(CASE WHEN NOT hub THEN n END) AS others
            CALL (hubs, others) {
              UNWIND others AS a
              MATCH (a)-[r:%%1$s]-(b:Entity)
              WHERE b.id IN $ids AND (startNode(r) = a OR b.id IN $hubs) AND %s AND %s
              RETURN r
            %%2$s
            }
            WITH r, startNode(r) AS a, endNode(r) AS b
            RETURN r {.*} AS props, type(r) AS type, a.id AS source, b.id AS target
            ORDER BY type, source, target, props.id
            """.formatted(Visibility.visible("r"), Visibility.validOn("r"));

    /** The links of one type between two hubs found: {@code %1$s} and {@code %2$s} label expressions, {@code %3$s} the type. */
    private static final String HUB_LINKS = """
              UNION
              UNWIND hubs AS a
              UNWIND hubs AS b
              WITH a, b WHERE (a:%%1$s) AND (b:%%2$s)
              MATCH (a)-[r:%%3$s]->(b)
              WHERE %s AND %s
              RETURN r
            """.formatted(Visibility.visible("r"), Visibility.validOn("r"));

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
            Map<String, Integer> degrees = new HashMap<>();
            Map<String, Object> params = new HashMap<>(visibility.parameters());
            params.put("ids", request.ids());
            params.put("degreeCap", DEGREE_CAP);
            for (Record r : tx.run(START, params)) {
                GraphNode node = node(r);
                found.put(node.id(), node);
                degrees.put(node.id(), r.get("degree").asInt());
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
                params.put("frontier", leastLinkedFirst(frontier, degrees));
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
                    degrees.put(node.id(), r.get("degree").asInt());
                    frontier.add(node.id());
                }
            }
            params.put("ids", List.copyOf(found.keySet()));
            params.put("asOf", request.asOf());
            params.put("hubs", found.keySet().stream().filter(id -> degrees.get(id) > HUB_DEGREE).toList());
            List<GraphEdge> edges = tx.run(edges(types.stream().map(RelationshipType::valueOf).toList()), params).stream()
                .map(r -> GraphEdge.of(RelationshipType.valueOf(r.get("type").asString()), r.get("source").asString(),
                        r.get("target").asString(), r.get("props").asMap()))
                .toList();
            return new Subgraph(List.copyOf(found.values()), edges, truncated);
        });
    }

    /** The frontier by how many links the caller sees of each (up to {@link #DEGREE_CAP}), then by id. */
    static List<String> leastLinkedFirst(List<String> frontier, Map<String, Integer> degrees) {
        List<String> ordered = new ArrayList<>(frontier);
        ordered.sort(Comparator.comparing((String id) -> degrees.get(id)).thenComparing(Comparator.naturalOrder()));
        return ordered;
    }

    /** The links statement for these types: labels and types come from the enums only. */
    static String edges(List<RelationshipType> types) {
        String alternation = String.join("|", types.stream().map(RelationshipType::cypherName).toList());
        StringBuilder hubLinks = new StringBuilder();
        for (RelationshipType type : types) {
            hubLinks.append(HUB_LINKS.formatted(labels(type.from()), labels(type.to()), type.cypherName()));
        }
        return EDGES.formatted(alternation, hubLinks);
    }

    private static String labels(Set<NodeKind> kinds) {
        return String.join("|", kinds.stream().map(NodeKind::label).sorted().toList());
    }

    static GraphNode node(Record r) {
        NodeKind kind = NodeKind.ofLabels(r.get("labels").asList(v -> v.asString())).orElseThrow();
        return GraphNode.of(kind, r.get("props").asMap());
    }

}
