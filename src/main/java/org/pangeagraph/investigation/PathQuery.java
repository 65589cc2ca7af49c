package org.pangeagraph.investigation;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.CypherTemplate.Bounded;
import org.pangeagraph.model.CypherTemplate.PathSelector;
import org.pangeagraph.model.GraphEdge;
import org.pangeagraph.model.GraphNode;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.JudgementType;
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
 * that no path runs through what the caller may not see. Among paths of one length the answer is chosen
 * by the ids on them, so that the same visible graph always gives the same paths.
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
        return find(from, to, maxHops, mode, k, types, asOf, false, visibility);
    }

    /**
     * The paths; with {@code resolve}, a path may also step through a standing SAME_AS judgement the caller
     * may see (the judgement visible, both its entities visible), one link of the path.
     */
    List<Path> find(String from, String to, int maxHops, Mode mode, Integer k, List<RelationshipType> types, LocalDate asOf,
            boolean resolve, Visibility visibility) {
        LimitExceededException.bounded("maxHops", maxHops, MAX_HOPS);
        if (mode == Mode.K_SHORTEST) {
            if (k == null) {
                throw new InvalidInputException("k", "is required with mode K_SHORTEST");
            }
            LimitExceededException.bounded("k", k, MAX_K);
        }
        if (from.equals(to)) {
            throw new InvalidInputException("to", "is the same entity as from");
        }
        List<RelationshipType> typeList = types == null || types.isEmpty() ? Arrays.asList(RelationshipType.values()) : types;
        Steps steps = resolve ? Steps.AND_SAME_AS : Steps.LINKS;
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        params.put("from", from);
        params.put("to", to);
        params.put("asOf", asOf);
        return this.db.read(tx -> {
            List<Record> ends = tx.run(ENDS, params);
            for (Record end : ends) {
                if (!end.get("found").asBoolean()) {
                    String which = end.get("id").asString().equals(from) ? "from" : "to";
                    throw new NotFoundException(which, "entity with id " + end.get("id").asString());
                }
            }
            return switch (mode) {
                case SHORTEST -> tx.run(paths(PathSelector.allShortest(), typeList, steps, maxHops, 1), params);
                case ALL_SHORTEST -> tx.run(paths(PathSelector.allShortest(), typeList, steps, maxHops, MAX_PATHS), params);
                case K_SHORTEST -> {
                    // The k shortest paths have some number of lengths; every path of those lengths is
                    // a candidate, and the first k of them in path order are the answer.
                    long lengths = tx.run(paths(PathSelector.shortest(k), typeList, steps, maxHops, k), params).stream()
                        .map(r -> r.get("length").asInt()).distinct().count();
                    yield lengths == 0 ? List.<Record>of()
                            : tx.run(paths(PathSelector.shortestGroups((int) lengths), typeList, steps, maxHops, k), params);
                }
            };
        }).stream().map(PathQuery::path).toList();
    }

    /** Whether both ends exist and the caller may see them. */
    private static final String ENDS = CypherTemplate.statement("""
            UNWIND [$from, $to] AS id
            OPTIONAL MATCH (n:Entity {id: id}) WHERE visible(n)
            RETURN id, n IS NOT NULL AS found
            """);

    /**
     * What a path may step through besides links of the model's types: nothing, or also a standing
     * SAME_AS judgement ({@code resolve: true}). The second adds the judgement type to the types and
     * leaves out retracted judgements (links have no {@code retractedAt}); NOT_SAME_AS and UNSURE_SAME_AS
     * are never stepped through. Without it the statement is the one of {@code resolve: false}, letter for letter.
     */
    enum Steps implements CypherTemplate.Keyword {

        LINKS(""),

        AND_SAME_AS("|" + JudgementType.SAME_AS.cypherName());

        private final String cypher;

        Steps(String cypher) {
            this.cypher = cypher;
        }

        @Override
        public String cypher() {
            return this.cypher;
        }

        /** The condition on each step that this choice adds. */
        Standing standing() {
            return this == LINKS ? Standing.ANY : Standing.NOT_RETRACTED;
        }

    }

    /** The condition {@link Steps} adds on each step: none, or that a judgement stepped through is not retracted. */
    enum Standing implements CypherTemplate.Keyword {

        ANY(""),

        NOT_RETRACTED(" AND " + JudgementType.standing("r"));

        private final String cypher;

        Standing(String cypher) {
            this.cypher = cypher;
        }

        @Override
        public String cypher() {
            return this.cypher;
        }

    }

    /** What the paths statement takes besides its parameters. */
    private record PathParts(PathSelector selector, List<RelationshipType> types, Steps steps, Standing standing,
            @Bounded(min = 1, max = MAX_HOPS) int maxHops, @Bounded(min = 1, max = MAX_PATHS) int limit) {
    }

    /**
     * The paths {@code selector} finds, first in path order: by length, then by the ids of their
     * entities and of their links. The order decides which paths of one length are kept and which come
     * first, never the order in which the search met them (the order in which the store holds an
     * entity's links, which links of other cases change). Every link and entity on a path is visible, and
     * every link valid on {@code $asOf}.
     */
    private static final CypherTemplate<PathParts> PATHS = CypherTemplate.of(PathParts.class, """
            MATCH (a:Entity {id: $from}) WHERE visible(a)
            MATCH (b:Entity {id: $to}) WHERE visible(b)
            MATCH p = {{selector}} (a)((:Entity)-[r:{{types}}{{steps}} WHERE visible(r) AND validOn(r){{standing}}]-(x:Entity WHERE visible(x))){1,{{maxHops}}}(b)
            WITH p, [n IN nodes(p) | n.id] AS entities, [l IN relationships(p) | l.id] AS links
            ORDER BY length(p), entities, links
            LIMIT {{limit}}
            RETURN length(p) AS length,
                   [n IN nodes(p) | n {.*, __labels: labels(n)}] AS nodes,
                   [r IN relationships(p) | {props: r {.*}, type: type(r), source: startNode(r).id, target: endNode(r).id}] AS edges
            """);

    static String paths(PathSelector selector, List<RelationshipType> types, Steps steps, int maxHops, int limit) {
        return PATHS.text(new PathParts(selector, types, steps, steps.standing(), maxHops, limit));
    }

    private static Path path(Record r) {
        List<GraphNode> nodes = r.get("nodes").asList(PathQuery::node);
        List<GraphEdge> edges = r.get("edges").asList(e -> e.get("type").asString().equals(JudgementType.SAME_AS.cypherName())
                ? GraphEdge.sameAs(e.get("source").asString(), e.get("target").asString(), e.get("props").asMap())
                : GraphEdge.of(RelationshipType.valueOf(e.get("type").asString()), e.get("source").asString(),
                        e.get("target").asString(), e.get("props").asMap()));
        return new Path(r.get("length").asInt(), nodes, edges);
    }

    private static GraphNode node(Value value) {
        Map<String, Object> props = new HashMap<>(value.asMap());
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) props.remove("__labels");
        return GraphNode.of(NodeKind.ofLabels(labels).orElseThrow(), props);
    }

}
