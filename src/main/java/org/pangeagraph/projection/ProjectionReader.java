package org.pangeagraph.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Record;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RouteTypes;
import org.pangeagraph.model.Visibility;
import org.springframework.stereotype.Component;

/**
 * Reads the projection in one read transaction: every visible website, then every item reached by
 * the routes of {@link org.pangeagraph.model.InfrastructureKind} through visible links valid on the date, with the websites reaching it. On
 * the embedded database it is walked in the process ({@link ProjectionTraversal}); from a server or
 * cluster it is read with the two statements below.
 * A website reaching an item by several links or routes of one kind counts once: the routes are
 * joined with UNION ALL and each item's websites made distinct, which at M costs far less than a
 * UNION's distinct over millions of (website, kind, item) rows, held in memory at once.
 */
@Component
public class ProjectionReader {

    private static final String WEBSITES = CypherTemplate.statement("""
            MATCH (w:Website) WHERE NOT w.id IN $excluded AND visible(w)
            RETURN w.id AS id, w.domain AS domain
            ORDER BY w.domain
            """);

    private static final String ITEMS = CypherTemplate.of(RouteTypes.class, """
            CALL () {
              MATCH (w:Website)-[a1:{{oneLink}}]-(i:Entity)
              WHERE visible(a1) AND validOn(a1) AND visible(w) AND visible(i)
              RETURN w, $byRoute[type(a1)] AS kind, i
              UNION ALL
              MATCH (w:Website)-[a1:{{twoLinkFirst}}]-(am:Entity)-[a2:{{twoLinkSecond}}]->(i:Entity)
              WHERE $byRoute[type(a1) + '/' + type(a2)] IS NOT NULL AND NOT am.id IN $excluded
                AND visible(a1) AND validOn(a1) AND visible(a2) AND validOn(a2) AND visible(w) AND visible(am) AND visible(i)
              RETURN w, $byRoute[type(a1) + '/' + type(a2)] AS kind, i
              UNION ALL
              MATCH (w:Website)-[a1:REDIRECTS_TO]-(o:Website)
              WHERE visible(a1) AND validOn(a1) AND visible(w) AND visible(o)
              RETURN w, 'REDIRECT' AS kind, w AS i
            }
            WITH kind, i, w WHERE NOT i.id IN $excluded AND NOT w.id IN $excluded
            WITH kind, i, collect(DISTINCT w.id) AS websites
            RETURN kind, i.id AS item, labels(i) AS labels, websites
            """).text(RouteTypes.MODEL);

    private final GraphDb db;

    /** Reading the whole graph is not an API request: it has the time analytics are given. */
    static final java.time.Duration READ_TIMEOUT = java.time.Duration.ofMinutes(2);

    ProjectionReader(GraphDb db) {
        this.db = db.withTimeout(READ_TIMEOUT);
    }

    public Projection read(Visibility visibility, LocalDate asOf) {
        return read(visibility, asOf, Set.of());
    }

    /**
     * The projection as it would be without the {@code excluded} entities, as after a takedown: walked
     * through the embedded database's own API where the database is in this process, else read with the
     * two statements.
     */
    public Projection read(Visibility visibility, LocalDate asOf, Set<String> excluded) {
        Map<String, Object> params = parameters(visibility, asOf, excluded);
        return this.db.readInProcess(List.of(WEBSITES, ITEMS), params,
                tx -> new ProjectionTraversal(visibility, asOf, excluded).read(tx))
            .orElseGet(() -> readWithCypher(params));
    }

    /** The projection read with the two statements, as from a server or cluster. */
    Projection readWithCypher(Visibility visibility, LocalDate asOf, Set<String> excluded) {
        return readWithCypher(parameters(visibility, asOf, excluded));
    }

    private static Map<String, Object> parameters(Visibility visibility, LocalDate asOf, Set<String> excluded) {
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        params.put("excluded", List.copyOf(excluded));
        params.put("asOf", asOf);
        params.put("byRoute", InfrastructureKind.byRoute());
        return params;
    }

    private Projection readWithCypher(Map<String, Object> params) {
        return this.db.read(tx -> {
            List<String> ids = new ArrayList<>();
            List<String> domains = new ArrayList<>();
            for (Record r : tx.run(WEBSITES, params)) {
                ids.add(r.get("id").asString());
                domains.add(r.get("domain").asString());
            }
            Map<String, Integer> index = indexOf(ids);
            List<Projection.Item> items = new ArrayList<>();
            // Streamed: at M the rows would otherwise all be held at once beside the items made of them.
            tx.forEach(ITEMS, params, r -> {
                List<String> members = r.get("websites").asList(v -> v.asString());
                int[] websites = members.stream().mapToInt(index::get).sorted().toArray();
                NodeKind nodeKind = NodeKind.ofLabels(r.get("labels").asList(v -> v.asString())).orElseThrow();
                items.add(new Projection.Item(InfrastructureKind.valueOf(r.get("kind").asString()), r.get("item").asString(),
                        nodeKind, websites));
            });
            return projection(ids, domains, index, items);
        });
    }

    /** Each website's index by its id. */
    static Map<String, Integer> indexOf(List<String> ids) {
        Map<String, Integer> index = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        return index;
    }

    /** The projection of websites in domain order and their items, put in kind and id order whichever way they were read. */
    static Projection projection(List<String> ids, List<String> domains, Map<String, Integer> index, List<Projection.Item> items) {
        List<Projection.Item> ordered = new ArrayList<>(items);
        ordered.sort(Comparator.comparing(Projection.Item::kind).thenComparing(Projection.Item::id));
        Map<String, Projection.Item> byKey = new HashMap<>();
        ordered.forEach(item -> byKey.put(Projection.itemKey(item.kind(), item.id()), item));
        return new Projection(List.copyOf(ids), List.copyOf(domains), Map.copyOf(index), List.copyOf(ordered), Map.copyOf(byKey));
    }

}
