package org.pangeagraph.investigation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.db.GraphDb.GraphTx;
import org.pangeagraph.entity.LinkView;
import org.pangeagraph.entity.Node;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.KeyForm;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.NotFoundException;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.model.RouteTypes;
import org.pangeagraph.model.Visibility;
import org.pangeagraph.projection.Projection;
import org.pangeagraph.projection.Projections;
import org.pangeagraph.projection.SameAsClusters;
import org.pangeagraph.projection.SameAsStep;
import org.springframework.stereotype.Component;

/**
 * The websites that share infrastructure with one website, scored by the rarity-weighted items they
 * share, with the routes on both sides as evidence.
 *
 * <p>In three steps, in one read transaction. First, from the database, the items the website
 * reaches now, with its own routes to them. Second, for each item, the websites that reach it too and
 * their number k: from the cached projection of the graph when one is at hand (rebuilt in the
 * background once over ten seconds old; under writes, as old as a build takes), else counted in the
 * database; items the projection does not know yet are counted in the database too. The projection is what keeps a
 * national courier's hundred thousand parcels from being walked on every request. The other websites
 * are then ranked by what they share ({@link SiblingRanking}). Third, from the database, the routes to
 * the shared items from the best-scoring websites only, when they are asked for (else only those
 * websites).
 */
@Component
class SharedInfrastructureQuery {

    static final int MAX_RESULTS = 100;

    /** Routes kept per side and item, as evidence; more add nothing an investigator reads. */
    static final int ROUTES_PER_SIDE = 5;

    /**
     * How the items statement makes one row of each item the website reaches. With the website's routes:
     * up to {@link #ROUTES_PER_SIDE} of them, in route order (by the entity between the website and the
     * item, then by the links' ids, whatever order the store holds them in: it changes when links are
     * added, those the caller may not see too). The routes are collected as links and nodes and turned
     * into maps only once cut to that number: a website with three hundred parcels reaches its courier
     * three hundred ways. Without them, when they are not asked for: the items alone.
     */
    private enum Grouping implements CypherTemplate.Keyword {

        WITH_ROUTES("""
                  WITH kind, i, a1, am, a2 ORDER BY coalesce(am.id, ''), a1.id, coalesce(a2.id, '')
                  WITH kind, i, collect({a1: a1, am: am, a2: a2})[0..$routesPerSide] AS found
                  CALL (found) {
                    UNWIND found AS route
                    WITH route.a1 AS a1, route.am AS am, route.a2 AS a2
                    RETURN collect({links: [a1 {.*, __type: type(a1)}] + CASE WHEN a2 IS NULL THEN [] ELSE [a2 {.*, __type: type(a2)}] END,
                                    via: CASE WHEN am IS NULL THEN [] ELSE [am {.*, __labels: labels(am)}] END}) AS mine
                  }"""),

        WITHOUT_ROUTES("""
                  WITH DISTINCT kind, i
                  WITH kind, i, [] AS mine""");

        private final String cypher;

        Grouping(String cypher) {
            this.cypher = cypher;
        }

        @Override
        public String cypher() {
            return this.cypher;
        }

    }

    private record ItemsParts(List<RelationshipType> oneLink, List<RelationshipType> twoLinkFirst,
            List<RelationshipType> twoLinkSecond, Grouping grouping) {

        ItemsParts(Grouping grouping) {
            this(RouteTypes.MODEL.oneLink(), RouteTypes.MODEL.twoLinkFirst(), RouteTypes.MODEL.twoLinkSecond(), grouping);
        }

    }

    /** The items the website reaches now (through visible links and entities), one row each. */
    private static final CypherTemplate<ItemsParts> ITEMS_OF = CypherTemplate.of(ItemsParts.class, """
            OPTIONAL MATCH (w:Website {domain: $domain}) WHERE visible(w)
            OPTIONAL CALL (w) {
              WITH w WHERE w IS NOT NULL
              CALL (w) {
                MATCH (w)-[a1:{{oneLink}}]-(i:Entity)
                WHERE visible(a1) AND validOn(a1) AND visible(i)
                RETURN $byRoute[type(a1)] AS kind, i, a1, null AS am, null AS a2
                UNION ALL
                MATCH (w)-[a1:{{twoLinkFirst}}]-(am:Entity)-[a2:{{twoLinkSecond}}]->(i:Entity)
                WHERE $byRoute[type(a1) + '/' + type(a2)] IS NOT NULL
                  AND visible(a1) AND validOn(a1) AND visible(a2) AND validOn(a2) AND visible(am) AND visible(i)
                RETURN $byRoute[type(a1) + '/' + type(a2)] AS kind, i, a1, am, a2
              }
              WITH kind, i, a1, am, a2 WHERE kind IN $kinds
            {{grouping}}
              RETURN kind, i.id AS item, i {.*, __labels: labels(i)} AS props, mine
            }
            RETURN w.id AS website, kind, item, props, mine
            """);

    /** The items the website reaches, each with the website's routes to it. */
    private static final String ITEMS = ITEMS_OF.text(new ItemsParts(Grouping.WITH_ROUTES));

    /** The items the website reaches, without its routes to them, when they are not asked for. */
    private static final String ITEMS_WITHOUT_ROUTES = ITEMS_OF.text(new ItemsParts(Grouping.WITHOUT_ROUTES));

    /** The websites reaching each item, counted in the database, for items the projection does not hold. */
    private static final String SERVERS = CypherTemplate.statement("""
            UNWIND $items AS it
            MATCH (i:Entity {id: it.id})
            CALL (i, it) {
              MATCH (i)-[b1]-(o:Website)
              WHERE $secondType[it.kind] IS NULL AND type(b1) = $firstType[it.kind] AND visible(b1) AND validOn(b1) AND visible(o)
              RETURN o
              UNION
              MATCH (i)<-[b2]-(bm:Entity)-[b1]-(o:Website)
              WHERE type(b2) = $secondType[it.kind] AND type(b1) = $firstType[it.kind]
                AND visible(b1) AND validOn(b1) AND visible(b2) AND validOn(b2) AND visible(bm) AND visible(o)
              RETURN o
              UNION
              WITH i WHERE it.kind = 'REDIRECT'
              RETURN i AS o
            }
            RETURN it.kind AS kind, it.id AS item, collect(o.id) AS ids, collect(o.domain) AS domains
            """);

    /**
     * The routes from the best-scoring websites to the items they share, anchored at those websites:
     * the first {@link #ROUTES_PER_SIDE} in route order for each (a website's own few parcels or
     * accounts are sorted, never the item's).
     */
    private static final String EVIDENCE = CypherTemplate.statement("""
            UNWIND $pairs AS pair
            MATCH (o:Entity:Website {id: pair.site}), (i:Entity {id: pair.item})
            CALL (o, i, pair) {
              CALL (o, i, pair) {
                MATCH (o)-[b1]-(i)
                WHERE $secondType[pair.kind] IS NULL AND type(b1) = $firstType[pair.kind] AND visible(b1) AND validOn(b1)
                RETURN b1, null AS bm, null AS b2
                UNION ALL
                MATCH (o)-[b1]-(bm:Entity)
                WHERE $secondType[pair.kind] IS NOT NULL AND type(b1) = $firstType[pair.kind]
                // From the website's few parcels or accounts on, never back from the item: a national courier
                // carries tens of thousands of parcels. With both ends bound, the link is found from bm's side.
                CALL (bm, i, pair) {
                  MATCH (bm)-[b2]->(i)
                  WHERE type(b2) = $secondType[pair.kind]
                  RETURN b2
                }
                WITH o, i, pair, b1, bm, b2
                WHERE visible(b1) AND validOn(b1) AND visible(b2) AND validOn(b2) AND visible(bm)
                RETURN b1, bm, b2
              }
              WITH b1, bm, b2
              ORDER BY coalesce(bm.id, ''), b1.id, coalesce(b2.id, '')
              LIMIT $routesPerSide
              RETURN collect({links: [b1 {.*, __type: type(b1)}] + CASE WHEN b2 IS NULL THEN [] ELSE [b2 {.*, __type: type(b2)}] END,
                              via: CASE WHEN bm IS NULL THEN [] ELSE [bm {.*, __labels: labels(bm)}] END}) AS routes
            }
            RETURN pair.site AS site, pair.kind AS kind, pair.item AS item, o {.*} AS website, routes
            """);

    /** The best-scoring websites, when the routes from them are not asked for. */
    private static final String WEBSITES = """
            UNWIND $sites AS site
            MATCH (o:Entity:Website {id: site})
            RETURN site, o {.*} AS website
            """;

    private static final String WEBSITE_COUNT = CypherTemplate.statement("MATCH (x:Website) WHERE visible(x) RETURN count(x) AS n");

    private final GraphDb db;

    private final Projections projections;

    SharedInfrastructureQuery(GraphDb db, Projections projections) {
        this.db = db;
        this.projections = projections;
    }

    /** A website sharing infrastructure with the one asked about. */
    record Sibling(Node website, double score, List<SharedItem> sharedItems, List<SameAsStep> sameAs) {
    }

    /** One shared item and the routes to it from both websites. */
    record SharedItem(InfrastructureKind kind, Node item, double weight, int websiteCount, List<Route> routesFromWebsite,
            List<Route> routesFromOther, List<SameAsStep> sameAs) {
    }

    /** A route from a website to an item. */
    record Route(List<LinkView> links, List<Node> via) {
    }

    /**
     * An item the website reaches: what it is, the website's routes to it, and who else reaches it (their
     * candidate indexes, in ascending order).
     */
    record Reached(InfrastructureKind kind, Node item, List<Route> mine, int[] servers, List<SameAsStep> sameAs) {

        Reached(InfrastructureKind kind, Node item, List<Route> mine, int[] servers) {
            this(kind, item, mine, servers, List.of());
        }

        /** The item's rarity weight among {@code n} websites. */
        double weight(long n) {
            return this.kind.weight(this.servers.length, n);
        }

    }

    /**
     * @param routesFromWebsite whether to collect the website's own routes to the items it reaches;
     * without, every {@link SharedItem#routesFromWebsite()} is empty
     * @param routesFromOther whether to search for the routes from each sibling to the items it shares
     * (about a tenth of a millisecond per shared item at a million nodes; a sibling of the same network
     * shares dozens); without, every {@link SharedItem#routesFromOther()} is empty
     */
    List<Sibling> find(String domain, List<InfrastructureKind> kinds, Double minScore, LocalDate asOf, int first,
            boolean routesFromWebsite, boolean routesFromOther, Visibility visibility) {
        return find(domain, kinds, minScore, asOf, first, routesFromWebsite, routesFromOther, null, visibility);
    }

    /**
     * The siblings; with {@code clusters} ({@code resolve: true}: the SAME_AS clusters the caller may see),
     * on the projection of the graph as it is resolved by them ({@link Projection#resolved}), waited for:
     * the items every member of the website's cluster reaches, each item cluster one item, each website
     * cluster one candidate (so the website's own cluster is not its sibling), with the judgements behind
     * each. Without, the same statements as ever.
     */
    List<Sibling> find(String domain, List<InfrastructureKind> kinds, Double minScore, LocalDate asOf, int first,
            boolean routesFromWebsite, boolean routesFromOther, SameAsClusters.Clusters clusters, Visibility visibility) {
        LimitExceededException.bounded("first", first, MAX_RESULTS);
        if (minScore != null && (minScore < 0 || minScore.isNaN())) {
            throw new InvalidInputException("minScore", "must not be negative");
        }
        Set<InfrastructureKind> wanted = kinds == null || kinds.isEmpty() ? EnumSet.allOf(InfrastructureKind.class)
                : EnumSet.copyOf(kinds);
        String normal = InvalidInputException.check("domain", domain, KeyForm.DOMAIN);
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        params.put("domain", normal);
        params.put("kinds", wanted.stream().map(Enum::name).toList());
        params.put("asOf", asOf);
        params.put("byRoute", InfrastructureKind.byRoute());
        params.put("firstType", InfrastructureKind.firstByKind());
        params.put("secondType", InfrastructureKind.secondByKind());
        params.put("routesPerSide", ROUTES_PER_SIDE);
        if (clusters != null) {
            Projection.Key key = this.projections.key(visibility, asOf);
            Projection base = this.projections.projection(key);
            Projection resolved = this.projections.resolved(key, clusters);
            return this.db.read(tx -> resolvedSiblings(tx, normal, routesFromWebsite, routesFromOther, minScore, first, base, resolved,
                    clusters, params));
        }
        Optional<Projection> projection = this.projections.recent(this.projections.key(visibility, asOf));
        return this.db.read(tx -> {
            List<Record> rows = tx.run(routesFromWebsite ? ITEMS : ITEMS_WITHOUT_ROUTES, params);
            if (rows.isEmpty() || rows.get(0).get("website").isNull()) {
                throw new NotFoundException("domain", "website " + normal);
            }
            Candidates candidates = new Candidates(projection);
            int self = candidates.index(rows.get(0).get("website").asString(), normal);
            long n = projection.map(p -> (long) p.websiteCount())
                .orElseGet(() -> tx.run(WEBSITE_COUNT, params).get(0).get("n").asLong());
            List<Reached> reached = reached(tx, rows, projection, candidates, params);
            // Scores are sums of weights, and a sum of doubles depends on its order by its last bits: the
            // items are summed in one order, whether their counts came from the projection or the
            // database, and whatever order the database found them in.
            reached.sort(Comparator.comparing((Reached r) -> r.kind()).thenComparing(r -> r.item().id()));
            List<SiblingRanking.Score> ranked = SiblingRanking.rank(self, reached, candidates, n, minScore, first);
            return siblings(tx, ranked, n, routesFromOther, params, null, null);
        });
    }

    /** {@link #find} with {@code resolve: true}, in its read transaction. */
    private static List<Sibling> resolvedSiblings(GraphTx tx, String normal, boolean routesFromWebsite, boolean routesFromOther,
            Double minScore, int first, Projection base, Projection resolved, SameAsClusters.Clusters clusters,
            Map<String, Object> params) {
        String statement = routesFromWebsite ? ITEMS : ITEMS_WITHOUT_ROUTES;
        List<Record> own = tx.run(statement, params);
        if (own.isEmpty() || own.get(0).get("website").isNull()) {
            throw new NotFoundException("domain", "website " + normal);
        }
        String website = own.get(0).get("website").asString();
        Set<String> reachedItself = new java.util.HashSet<>();
        own.stream().filter(r -> !r.get("kind").isNull())
            .forEach(r -> reachedItself.add(groupKey(resolved, r.get("kind").asString(), r.get("item").asString())));
        List<Record> rows = new ArrayList<>(own);
        for (String member : clusters.boundedMembersOf(website)) {
            Integer at = base.index().get(member);
            if (!member.equals(website) && at != null) {
                Map<String, Object> theirs = new HashMap<>(params);
                theirs.put("domain", base.domains().get(at));
                tx.run(statement, theirs).stream().filter(r -> !r.get("kind").isNull()).forEach(rows::add);
            }
        }
        Candidates candidates = new Candidates(Optional.of(resolved));
        int self = candidates.index(website, normal);
        long n = resolved.websiteCount();
        // The rows of one item cluster, reached by any member of the website's cluster, are one item: the
        // entity that stands for it (the least id), the routes of them all up to the cap, and the judgements.
        Map<String, Reached> merged = new LinkedHashMap<>();
        for (Reached item : reached(tx, rows, Optional.of(resolved), candidates, params)) {
            String group = groupKey(resolved, item.kind().name(), item.item().id());
            Reached known = merged.get(group);
            List<Route> mine = new ArrayList<>(known == null ? List.of() : known.mine());
            mine.addAll(item.mine());
            String standsFor = group.substring(group.indexOf('/') + 1);
            Node node = known == null || item.item().id().equals(standsFor) ? item.item() : known.item();
            List<String> through = new ArrayList<>(List.of(node.id()));
            if (!reachedItself.contains(group)) {
                through.add(website);
            }
            merged.put(group, new Reached(item.kind(), node, List.copyOf(mine.subList(0, Math.min(mine.size(), ROUTES_PER_SIDE))),
                    item.servers(), clusters.steps(through)));
        }
        List<Reached> reached = new ArrayList<>(merged.values());
        reached.sort(Comparator.comparing((Reached r) -> r.kind()).thenComparing(r -> r.item().id()));
        List<SiblingRanking.Score> ranked = SiblingRanking.rank(self, reached, candidates, n, minScore, first);
        return siblings(tx, ranked, n, routesFromOther, params, resolved, clusters);
    }

    /** The item a row names, as the resolved projection counts it: its kind and the id that stands for its cluster. */
    private static String groupKey(Projection resolved, String kind, String item) {
        Projection.Item known = resolved.item(InfrastructureKind.valueOf(kind), item);
        return kind + "/" + (known == null ? item : known.id());
    }

    /** The items the website reaches, each with the websites that reach it too. */
    private static List<Reached> reached(GraphTx tx, List<Record> rows, Optional<Projection> projection,
            Candidates candidates, Map<String, Object> params) {
        List<Reached> reached = new ArrayList<>();
        List<Map<String, Object>> unknown = new ArrayList<>();
        Map<String, Record> unknownRows = new LinkedHashMap<>();
        for (Record row : rows) {
            if (row.get("kind").isNull()) {
                continue;
            }
            InfrastructureKind kind = InfrastructureKind.valueOf(row.get("kind").asString());
            String itemId = row.get("item").asString();
            Projection.Item item = projection.map(p -> p.item(kind, itemId)).orElse(null);
            if (item == null) {
                unknown.add(Map.of("kind", kind.name(), "id", itemId));
                unknownRows.put(kind.name() + "/" + itemId, row);
                continue;
            }
            // The projection's website indexes are the candidates' indexes.
            reached.add(new Reached(kind, node(row.get("props")), row.get("mine").asList(SharedInfrastructureQuery::route),
                    item.websites()));
        }
        if (!unknown.isEmpty()) {
            params.put("items", unknown);
            for (Record r : tx.run(SERVERS, params)) {
                Record row = unknownRows.get(r.get("kind").asString() + "/" + r.get("item").asString());
                List<String> ids = r.get("ids").asList(Value::asString);
                List<String> names = r.get("domains").asList(Value::asString);
                int[] servers = new int[ids.size()];
                for (int i = 0; i < ids.size(); i++) {
                    servers[i] = candidates.index(ids.get(i), names.get(i));
                }
                Arrays.sort(servers);
                reached.add(new Reached(InfrastructureKind.valueOf(r.get("kind").asString()), node(row.get("props")),
                        row.get("mine").asList(SharedInfrastructureQuery::route), servers));
            }
        }
        return reached;
    }

    /** The siblings with their shared items, heaviest first, and the routes from them to each when asked for. */
    private static List<Sibling> siblings(GraphTx tx, List<SiblingRanking.Score> ranked, long n, boolean routesFromOther,
            Map<String, Object> params, Projection resolved, SameAsClusters.Clusters clusters) {
        // With resolve: true, a sibling or an item stands for its cluster, and the routes of every member count.
        java.util.function.Function<String, List<String>> members = resolved == null ? List::of : resolved::members;
        if (ranked.isEmpty()) {
            return List.of();
        }
        Map<String, List<Route>> theirs = new HashMap<>();
        Map<String, Node> websites = new HashMap<>();
        if (routesFromOther) {
            List<Map<String, Object>> pairs = new ArrayList<>();
            for (SiblingRanking.Score score : ranked) {
                for (Reached item : score.shared) {
                    for (String site : members.apply(score.id)) {
                        for (String member : members.apply(item.item().id())) {
                            pairs.add(Map.of("site", site, "kind", item.kind().name(), "item", member));
                        }
                    }
                }
            }
            params.put("pairs", pairs);
            for (Record r : tx.run(EVIDENCE, params)) {
                String site = r.get("site").asString();
                theirs.put(site + "/" + r.get("kind").asString() + "/" + r.get("item").asString(),
                        r.get("routes").asList(SharedInfrastructureQuery::route));
                websites.putIfAbsent(site, new Node(NodeKind.WEBSITE, r.get("website").asMap()));
            }
        }
        else {
            params.put("sites", ranked.stream().map(score -> score.id).toList());
            for (Record r : tx.run(WEBSITES, params)) {
                websites.put(r.get("site").asString(), new Node(NodeKind.WEBSITE, r.get("website").asMap()));
            }
        }
        List<Sibling> siblings = new ArrayList<>();
        for (SiblingRanking.Score score : ranked) {
            List<SharedItem> shared = score.shared.stream()
                .map(item -> new SharedItem(item.kind(), item.item(), item.weight(n),
                        item.servers().length, item.mine(), routes(theirs, members.apply(score.id), item, members), item.sameAs()))
                .sorted(Comparator.comparingDouble((SharedItem s) -> -s.weight()).thenComparing(s -> s.kind().name())
                    .thenComparing(s -> s.item().id()))
                .toList();
            siblings.add(new Sibling(websites.get(score.id), score.score, shared,
                    clusters == null ? List.of() : clusters.steps(List.of(score.id))));
        }
        return siblings;
    }

    /** The routes found from the sites to the item (each a member of its cluster with {@code resolve: true}), up to the cap. */
    private static List<Route> routes(Map<String, List<Route>> found, List<String> sites, Reached item,
            java.util.function.Function<String, List<String>> members) {
        List<Route> routes = new ArrayList<>();
        for (String site : sites) {
            for (String member : members.apply(item.item().id())) {
                routes.addAll(found.getOrDefault(site + "/" + item.kind().name() + "/" + member, List.of()));
            }
        }
        return routes.size() <= ROUTES_PER_SIDE ? routes : List.copyOf(routes.subList(0, ROUTES_PER_SIDE));
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

}
