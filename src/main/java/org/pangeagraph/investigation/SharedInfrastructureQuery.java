package org.pangeagraph.investigation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.entity.LinkView;
import org.pangeagraph.entity.Node;
import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.KeyForm;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.NotFoundException;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.model.Visibility;
import org.springframework.stereotype.Component;

/**
 * The websites that share infrastructure with one website, scored by the rarity-weighted items they
 * share, with the routes on both sides as evidence. One statement: for each infrastructure kind the
 * items the website reaches, then every website reaching each item the same way.
 */
@Component
class SharedInfrastructureQuery {

    static final int MAX_RESULTS = 100;

    /** Routes kept per side and item, as evidence; more add nothing an investigator reads. */
    static final int ROUTES_PER_SIDE = 5;

    private static final String CYPHER = buildCypher();

    private final GraphDb db;

    SharedInfrastructureQuery(GraphDb db) {
        this.db = db;
    }

    /** A website sharing infrastructure with the one asked about. */
    record Sibling(Node website, double score, List<SharedItem> sharedItems) {
    }

    /** One shared item and the routes to it from both websites. */
    record SharedItem(InfrastructureKind kind, Node item, double weight, int websiteCount, List<Route> routesFromWebsite,
            List<Route> routesFromOther) {
    }

    /** A route from a website to an item. */
    record Route(List<LinkView> links, List<Node> via) {
    }

    List<Sibling> find(String domain, List<InfrastructureKind> kinds, Double minScore, LocalDate asOf, int first,
            Visibility visibility) {
        LimitExceededException.bounded("first", first, MAX_RESULTS);
        Set<InfrastructureKind> wanted = kinds == null || kinds.isEmpty() ? EnumSet.allOf(InfrastructureKind.class)
                : EnumSet.copyOf(kinds);
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        params.put("domain", InvalidInputException.check("domain", domain, KeyForm.DOMAIN));
        params.put("kinds", wanted.stream().map(Enum::name).toList());
        params.put("specificity", InfrastructureKind.specificityByKind());
        params.put("byRoute", InfrastructureKind.byRoute());
        params.put("firstType", InfrastructureKind.firstByKind());
        params.put("secondType", InfrastructureKind.secondByKind());
        params.put("routesPerSide", ROUTES_PER_SIDE);
        params.put("asOf", asOf);
        params.put("minScore", minScore);
        params.put("first", first);
        List<Record> rows = this.db.read(tx -> tx.run(CYPHER, params));
        if (rows.isEmpty() || !rows.get(0).get("found").asBoolean()) {
            throw new NotFoundException("domain", "website " + params.get("domain"));
        }
        List<Sibling> siblings = new ArrayList<>();
        for (Record row : rows) {
            if (row.get("website").isNull()) {
                continue;
            }
            List<SharedItem> shared = row.get("shared").asList(SharedInfrastructureQuery::sharedItem);
            siblings.add(new Sibling(new Node(NodeKind.WEBSITE, row.get("website").asMap()), row.get("score").asDouble(), shared));
        }
        return siblings;
    }

    private static SharedItem sharedItem(Value value) {
        return new SharedItem(InfrastructureKind.valueOf(value.get("kind").asString()), node(value.get("item")),
                value.get("weight").asDouble(), value.get("k").asInt(), value.get("mine").asList(SharedInfrastructureQuery::route),
                value.get("theirs").asList(SharedInfrastructureQuery::route));
    }

    private static Route route(Value value) {
        List<LinkView> links = value.get("links").asList(l -> {
            Map<String, Object> props = new HashMap<>(l.asMap());
            RelationshipType type = RelationshipType.valueOf((String) props.remove("__type"));
            return new LinkView(type, props);
        });
        return new Route(links, value.get("via").asList(SharedInfrastructureQuery::node));
    }

    /** A node from a map projection carrying its labels under {@code __labels}. */
    static Node node(Value value) {
        Map<String, Object> props = new HashMap<>(value.asMap());
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) props.remove("__labels");
        return new Node(NodeKind.ofLabels(labels).orElseThrow(), props);
    }

    private static String buildCypher() {
        return """
                OPTIONAL MATCH (w:Website {domain: $domain}) WHERE %1$s
                OPTIONAL CALL (w) {
                  WITH w WHERE w IS NOT NULL
                  CALL () { MATCH (x:Website) WHERE %2$s RETURN count(x) AS n }
                  CALL (w) {
                    MATCH (w)-[a1:%3$s]-(i:Entity)
                    WHERE %4$s
                    RETURN $byRoute[type(a1)] AS kind, i, {links: [%5$s], via: []} AS route
                    UNION ALL
                    MATCH (w)-[a1:%6$s]-(am:Entity)-[a2:%7$s]->(i:Entity)
                    WHERE $byRoute[type(a1) + '/' + type(a2)] IS NOT NULL AND %8$s
                    RETURN $byRoute[type(a1) + '/' + type(a2)] AS kind, i, {links: [%5$s, %9$s], via: [%10$s]} AS route
                  }
                  WITH w, n, kind, i, route WHERE kind IN $kinds
                  WITH w, n, kind, i, collect(route)[0..$routesPerSide] AS mine
                  CALL (kind, i) {
                    MATCH (i)-[b1]-(o:Website)
                    WHERE $secondType[kind] IS NULL AND type(b1) = $firstType[kind] AND %11$s
                    RETURN o, {links: [%12$s], via: []} AS route
                    UNION ALL
                    MATCH (i)<-[b2]-(bm:Entity)-[b1]-(o:Website)
                    WHERE type(b2) = $secondType[kind] AND type(b1) = $firstType[kind] AND %13$s
                    RETURN o, {links: [%12$s, %14$s], via: [%15$s]} AS route
                    UNION ALL
                    WITH i WHERE kind = 'REDIRECT'
                    RETURN i AS o, {links: [], via: []} AS route
                  }
                  WITH w, n, kind, i, mine, o, collect(route)[0..$routesPerSide] AS theirs
                  WITH w, n, kind, i, mine, collect({site: o, routes: theirs}) AS servers
                  WITH w, n, kind, i AS item, mine, servers, size(servers) AS k
                  UNWIND servers AS server
                  WITH n, kind, item, mine, k, server WHERE server.site <> w
                  WITH server.site AS other, kind, item, k, mine, server.routes AS theirs,
                       CASE WHEN k >= n THEN 0.0 ELSE $specificity[kind] * log(toFloat(n) / k) END AS weight
                  ORDER BY weight DESC, kind, item.id
                  WITH other, sum(weight) AS score,
                       collect({kind: kind, item: item {.*, __labels: labels(item)}, weight: weight, k: k,
                                mine: mine, theirs: theirs}) AS shared
                  WHERE $minScore IS NULL OR score >= $minScore
                  RETURN other {.*} AS website, score, shared
                  ORDER BY score DESC, website.domain
                  LIMIT $first
                }
                RETURN w IS NOT NULL AS found, website, score, shared
                """.formatted(
                Visibility.visible("w"), Visibility.visible("x"),
                InfrastructureKind.firstTypes(false), Visibility.route(List.of("a1"), List.of("i")), Routes.link("a1"),
                InfrastructureKind.firstTypes(true), InfrastructureKind.secondTypes(),
                Visibility.route(List.of("a1", "a2"), List.of("am", "i")), Routes.link("a2"), Routes.node("am"),
                Visibility.route(List.of("b1"), List.of("o")), Routes.link("b1"),
                Visibility.route(List.of("b1", "b2"), List.of("bm", "o")), Routes.link("b2"), Routes.node("bm"));
    }

}
