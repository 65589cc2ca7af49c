package org.pangeagraph.investigation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.model.GraphEdge;
import org.pangeagraph.model.GraphNode;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.NotFoundException;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.model.Visibility;
import org.springframework.stereotype.Component;

/**
 * How two entities are connected, through Neo4j's shortest-path search over a quantified path
 * pattern: the relationship types come from the model enum, the hop bound and {@code k} are validated
 * numbers, and every relationship and entity on a path must be visible (and valid on {@code asOf}), so
 * that no path runs through what the caller may not see.
 */
@Component
class PathQuery {

    static final int MAX_HOPS = 8;

    static final int MAX_K = 10;

    /** ALL_SHORTEST can return very many paths through a hub; the first hundred tell the story. */
    static final int MAX_PATHS = 100;

    private final GraphDb db;

    PathQuery(GraphDb db) {
        this.db = db;
    }

    /** Which paths to find. */
    enum Mode {
        SHORTEST, ALL_SHORTEST, K_SHORTEST
    }

    /** A path: its entities and links in order. */
    record Path(int length, List<GraphNode> nodes, List<GraphEdge> edges) {
    }

    List<Path> find(String from, String to, int maxHops, Mode mode, Integer k, List<RelationshipType> types, LocalDate asOf,
            Visibility visibility) {
        LimitExceededException.bounded("maxHops", maxHops, MAX_HOPS);
        String selector = switch (mode) {
            case SHORTEST -> "SHORTEST 1";
            case ALL_SHORTEST -> "ALL SHORTEST";
            case K_SHORTEST -> {
                if (k == null) {
                    throw new InvalidInputException("k", "is required with mode K_SHORTEST");
                }
                yield "SHORTEST " + LimitExceededException.bounded("k", k, MAX_K);
            }
        };
        if (from.equals(to)) {
            throw new InvalidInputException("to", "is the same entity as from");
        }
        String typeList = (types == null || types.isEmpty() ? Arrays.asList(RelationshipType.values()) : types).stream()
            .map(RelationshipType::cypherName).distinct().collect(Collectors.joining("|"));
        String cypher = """
                MATCH (a:Entity {id: $from}) WHERE %1$s
                MATCH (b:Entity {id: $to}) WHERE %2$s
                MATCH p = %3$s (a)((:Entity)-[r:%4$s WHERE %5$s AND %6$s]-(x:Entity WHERE %7$s)){1,%8$d}(b)
                WITH p ORDER BY length(p) LIMIT %9$d
                RETURN length(p) AS length,
                       [n IN nodes(p) | n {.*, __labels: labels(n)}] AS nodes,
                       [r IN relationships(p) | {props: r {.*}, type: type(r), source: startNode(r).id, target: endNode(r).id}] AS edges
                """.formatted(Visibility.visible("a"), Visibility.visible("b"), selector, typeList, Visibility.visible("r"),
                Visibility.validOn("r"), Visibility.visible("x"), maxHops, MAX_PATHS);
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        params.put("from", from);
        params.put("to", to);
        params.put("asOf", asOf);
        return this.db.read(tx -> {
            List<Record> ends = tx.run("""
                    UNWIND [$from, $to] AS id
                    OPTIONAL MATCH (n:Entity {id: id}) WHERE %s
                    RETURN id, n IS NOT NULL AS found
                    """.formatted(Visibility.visible("n")), params);
            for (Record end : ends) {
                if (!end.get("found").asBoolean()) {
                    String which = end.get("id").asString().equals(from) ? "from" : "to";
                    throw new NotFoundException(which, "entity with id " + end.get("id").asString());
                }
            }
            return tx.run(cypher, params).stream().map(PathQuery::path).toList();
        });
    }

    private static Path path(Record r) {
        List<GraphNode> nodes = r.get("nodes").asList(PathQuery::node);
        List<GraphEdge> edges = r.get("edges").asList(e -> GraphEdge.of(RelationshipType.valueOf(e.get("type").asString()),
                e.get("source").asString(), e.get("target").asString(), e.get("props").asMap()));
        return new Path(r.get("length").asInt(), nodes, edges);
    }

    private static GraphNode node(Value value) {
        Map<String, Object> props = new HashMap<>(value.asMap());
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) props.remove("__labels");
        return GraphNode.of(NodeKind.ofLabels(labels).orElseThrow(), props);
    }

}
