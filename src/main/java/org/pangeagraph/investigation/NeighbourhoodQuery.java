package org.pangeagraph.investigation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Record;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.db.GraphDb.GraphTx;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.GraphEdge;
import org.pangeagraph.model.GraphNode;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.NotFoundException;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.model.Subgraph;
import org.pangeagraph.model.Visibility;
import org.pangeagraph.projection.SameAsClusters;
import org.springframework.stereotype.Component;

/**
 * The neighbourhood of some entities as a subgraph, expanded breadth-first one level per statement
 * (at most four), then the links among the entities found in one more, never walking a hub's links.
 * Breadth-first order keeps the entities closest to the start when the node budget runs out. A level
 * that fits is taken whole. Within the level where the budget runs out, what the least-linked entities
 * of the level before lead to is kept first (a website's own payment account before the thousands of
 * websites of its registrar), and of the entity where it runs out, its neighbours with the smallest
 * ids; an entity with more links than a subgraph can hold entities is not expanded there (any part of
 * its neighbours would be an arbitrary one, and reading them all to choose would read an operation's
 * three hundred thousand parcels). Every ordering and count behind the cut comes from what the caller
 * may see: links of a case they are not in neither make an entity look busier nor move one of its
 * neighbours before another (the order in which the store holds an entity's links changes when links
 * are added to it, visible or not). The entities of each level are listed by id.
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
     * Which entities are hubs decides only how links are looked for: every link of the model's kinds
     * is found either way.
     */
    static final int HUB_DEGREE = 500;

    /**
     * An entity with more links the caller sees than this is not expanded at a cut: no subgraph holds
     * its neighbours. Its links are counted only this far.
     */
    static final int SPREAD_CAP = MAX_NODES;

    private static final String START = CypherTemplate.statement("""
            UNWIND $ids AS id
            MATCH (n:Entity {id: id}) WHERE visible(n)
            RETURN n {.*} AS props, labels(n) AS labels
            """);

    /**
     * How one frontier entity's new neighbours are taken within a level: as they come, or by id up to
     * the budget (at the level where it runs out).
     */
    private enum Within implements CypherTemplate.Keyword {

        AS_THEY_COME(""),

        BY_ID("""
                  WITH DISTINCT m
                  ORDER BY m.id
                  LIMIT $limit""");

        private final String cypher;

        Within(String cypher) {
            this.cypher = cypher;
        }

        @Override
        public String cypher() {
            return this.cypher;
        }

    }

    private record LevelParts(Within within) {
    }

    /**
     * A level: the entities linked to the frontier, not yet found, that the caller may see, up to
     * {@code $limit}. Rows stream through DISTINCT into LIMIT, so the statement stops reading once the
     * limit is passed.
     */
    private static final CypherTemplate<LevelParts> LEVELS = CypherTemplate.of(LevelParts.class, """
            UNWIND $frontier AS id
            MATCH (n:Entity {id: id})
            CALL (n) {
              MATCH (n)-[r]-(m:Entity)
              WHERE type(r) IN $types AND visible(r) AND validOn(r) AND visible(m)
                AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
                AND NOT m.id IN $seen
            {{within}}
              RETURN m
            }
            WITH DISTINCT m
            LIMIT $limit
            RETURN m {.*} AS props, labels(m) AS labels
            """);

    /**
     * One level, whole if it fits, up to one more than the budget: whether the level fits is known
     * without reading a hub's fifty thousand neighbours.
     */
    private static final String LEVEL = LEVELS.text(new LevelParts(Within.AS_THEY_COME));

    /**
     * How many links the frontier has in all, those the caller may not see included: when no more than
     * the room left, the level fits whatever the caller sees, and is read as it comes. The count only
     * chooses between two ways of reading that give the same answer.
     */
    private static final String LINKS = """
            UNWIND $frontier AS id
            MATCH (n:Entity {id: id})
            RETURN sum(COUNT { (n)--() }) AS links
            """;

    /**
     * How many links of each frontier entity the caller may see (the link and the entity at its other
     * end), counted up to one more than {@link #SPREAD_CAP}.
     */
    private static final String DEGREES = CypherTemplate.statement("""
            UNWIND $frontier AS id
            MATCH (n:Entity {id: id})
            CALL (n) {
              MATCH (n)-[d]-(o:Entity) WHERE visible(d) AND visible(o)
              WITH d LIMIT $degreeCap
              RETURN count(d) AS degree
            }
            RETURN id, degree
            """);

    /**
     * The level where the budget runs out: the frontier in the order given (least-linked first, ties
     * by id), each frontier entity's new neighbours by id, up to the budget. The statement stops at the
     * budget: the frontier entities after the one where it runs out are not read.
     */
    private static final String CUT_LEVEL = LEVELS.text(new LevelParts(Within.BY_ID));

    /**
     * The links among the entities found. Every link with an end that is not a hub is found from that
     * end (from its source when both ends are not hubs). Links between two hubs are looked for only by
     * the types that may join their kinds ({@link RelationshipType}), one expand-into per type, which reads the
     * smaller side of that one type: a courier and an operation, each with three hundred thousand
     * parcels, have no type between them, and are not looked at. A hub's links are never walked.
     */
    private record EdgesParts(List<RelationshipType> types, List<CypherTemplate.Fragment> hubLinks) {
    }

    private static final CypherTemplate<EdgesParts> EDGES = CypherTemplate.of(EdgesParts.class, """
            UNWIND $ids AS id
            MATCH (n:Entity {id: id})
            WITH n, COUNT { (n)--() } > $hub AS hub
            WITH collect(CASE WHEN hub THEN n END) AS hubs, collect(CASE WHEN NOT hub THEN n END) AS others
            CALL (hubs, others) {
              UNWIND others AS a
              MATCH (a)-[r:{{types}}]-(b:Entity)
              WHERE b.id IN $ids AND (startNode(r) = a OR COUNT { (b)--() } > $hub) AND visible(r) AND validOn(r)
              RETURN r
            {{hubLinks}}
            }
            WITH r, startNode(r) AS a, endNode(r) AS b
            RETURN r {.*} AS props, type(r) AS type, a.id AS source, b.id AS target
            ORDER BY type, source, target, props.id
            """);

    private record HubLinkParts(Set<NodeKind> from, Set<NodeKind> to, RelationshipType type) {
    }

    /** The links of one type between two hubs found: a branch of {@link #EDGES} for each type, made once. */
    private static final Map<RelationshipType, CypherTemplate.Fragment> HUB_LINKS = hubLinks(CypherTemplate.of(
            HubLinkParts.class, """
              UNION
              UNWIND hubs AS a
              UNWIND hubs AS b
              WITH a, b WHERE (a:{{from}}) AND (b:{{to}})
              MATCH (a)-[r:{{type}}]->(b)
              WHERE visible(r) AND validOn(r)
              RETURN r
            """));

    private static Map<RelationshipType, CypherTemplate.Fragment> hubLinks(CypherTemplate<HubLinkParts> template) {
        Map<RelationshipType, CypherTemplate.Fragment> branches = new EnumMap<>(RelationshipType.class);
        for (RelationshipType type : RelationshipType.values()) {
            branches.put(type, template.fragment(new HubLinkParts(type.from(), type.to(), type)));
        }
        return branches;
    }

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
        return expand(request, null, visibility);
    }

    /**
     * The neighbourhood; with {@code clusters} ({@code resolve: true}: the SAME_AS clusters the caller may
     * see), every member of a cluster met comes in with it, at the same level and while the budget lasts
     * (a member left out for it makes the answer truncated), and is expanded like it; the members found
     * are joined by their SAME_AS judgements. Without, the same statements as ever.
     */
    public Subgraph expand(Request request, SameAsClusters.Clusters clusters, Visibility visibility) {
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
            if (clusters != null) {
                truncated |= addMembers(tx, List.copyOf(found.keySet()), clusters, found, request.maxNodes(), params);
            }
            List<String> frontier = new ArrayList<>(found.keySet());
            params.put("types", types);
            params.put("labels", labels);
            params.put("asOf", request.asOf());
            for (int level = 1; level <= request.depth() && !truncated && !frontier.isEmpty(); level++) {
                int room = request.maxNodes() - found.size();
                params.put("frontier", frontier);
                params.put("seen", List.copyOf(found.keySet()));
                params.put("limit", room + 1);
                Level next = tx.run(LINKS, params).get(0).get("links").asLong() <= room ? new Level(tx.run(LEVEL, params), false)
                        : cut(tx, frontier, room, params);
                truncated = next.truncated();
                List<GraphNode> nodes = new ArrayList<>(next.entities().stream().map(NeighbourhoodQuery::node).toList());
                nodes.sort(Comparator.comparing(GraphNode::id));
                frontier = new ArrayList<>();
                for (GraphNode node : nodes) {
                    found.put(node.id(), node);
                    frontier.add(node.id());
                }
                if (clusters != null) {
                    int before = found.size();
                    truncated |= addMembers(tx, List.copyOf(frontier), clusters, found, request.maxNodes(), params);
                    frontier.addAll(new ArrayList<>(found.keySet()).subList(before, found.size()));
                }
            }
            params.put("ids", List.copyOf(found.keySet()));
            params.put("hub", HUB_DEGREE);
            List<GraphEdge> edges = tx.run(edges(types.stream().map(RelationshipType::valueOf).toList()), params).stream()
                .map(r -> GraphEdge.of(RelationshipType.valueOf(r.get("type").asString()), r.get("source").asString(),
                        r.get("target").asString(), r.get("props").asMap()))
                .toList();
            if (clusters != null) {
                List<GraphEdge> all = new ArrayList<>(edges);
                clusters.sameAsAmong(found.keySet()).forEach(j -> all.add(GraphEdge.sameAs(j.a(), j.b(), j.properties())));
                edges = all;
            }
            return new Subgraph(List.copyOf(found.values()), edges, truncated);
        });
    }

    /**
     * Adds to {@code found} the members of the clusters of {@code met} not found yet, by id, while fewer
     * than {@code maxNodes} entities are found; whether one was left out.
     */
    private static boolean addMembers(GraphTx tx, List<String> met, SameAsClusters.Clusters clusters, Map<String, GraphNode> found,
            int maxNodes, Map<String, Object> params) {
        List<String> members = clusters.boundedMembersOf(met).stream().filter(id -> !found.containsKey(id)).sorted().toList();
        if (members.isEmpty()) {
            return false;
        }
        int room = Math.max(0, maxNodes - found.size());
        Map<String, Object> read = new HashMap<>(params);
        read.put("ids", members.subList(0, Math.min(room, members.size())));
        List<GraphNode> nodes = new ArrayList<>(tx.run(START, read).stream().map(NeighbourhoodQuery::node).toList());
        nodes.sort(Comparator.comparing(GraphNode::id));
        nodes.forEach(node -> found.put(node.id(), node));
        return room < members.size();
    }

    /** The entities a level adds, and whether the budget cut it. */
    private record Level(List<Record> entities, boolean truncated) {
    }

    /**
     * A level that may not fit: the frontier ordered by how many links the caller sees of each, then by
     * id, without those with more than {@link #SPREAD_CAP}; their new neighbours in that order, each
     * one's by id, up to the room left. When they fit and an entity was left out for its size, the
     * level is read whole to learn whether it fits after all.
     */
    private static Level cut(GraphTx tx, List<String> frontier, int room, Map<String, Object> params) {
        params.put("degreeCap", SPREAD_CAP + 1);
        Map<String, Integer> degrees = new HashMap<>();
        for (Record r : tx.run(DEGREES, params)) {
            degrees.put(r.get("id").asString(), r.get("degree").asInt());
        }
        List<String> ordered = leastLinkedFirst(frontier, degrees);
        params.put("frontier", ordered);
        List<Record> kept = ordered.isEmpty() ? List.of() : tx.run(CUT_LEVEL, params);
        if (kept.size() > room) {
            return new Level(kept.subList(0, room), true);
        }
        if (ordered.size() == new HashSet<>(frontier).size()) {
            return new Level(kept, false);
        }
        params.put("frontier", frontier);
        List<Record> whole = tx.run(LEVEL, params);
        return whole.size() > room ? new Level(kept, true) : new Level(whole, false);
    }

    /**
     * The frontier by how many links the caller sees of each, fewest first, then by id, without the
     * entities with more than {@link #SPREAD_CAP}, unless the level holds no other.
     */
    static List<String> leastLinkedFirst(List<String> frontier, Map<String, Integer> degrees) {
        Comparator<String> order = Comparator.comparing((String id) -> degrees.getOrDefault(id, 0))
            .thenComparing(Comparator.naturalOrder());
        List<String> spreadable = frontier.stream().distinct().filter(id -> degrees.getOrDefault(id, 0) <= SPREAD_CAP)
            .sorted(order).toList();
        // When every entity of the level has more links than that (one big hub asked for alone), nothing
        // else can take the room: its neighbours with the smallest ids fill it.
        return spreadable.isEmpty() ? frontier.stream().distinct().sorted(order).toList() : spreadable;
    }

    /** The links statement for these types. */
    static String edges(List<RelationshipType> types) {
        return EDGES.text(new EdgesParts(types, types.stream().map(HUB_LINKS::get).toList()));
    }

    static GraphNode node(Record r) {
        NodeKind kind = NodeKind.ofLabels(r.get("labels").asList(v -> v.asString())).orElseThrow();
        return GraphNode.of(kind, r.get("props").asMap());
    }

}
