package org.pangeagraph.entity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Record;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.CypherTemplate.Fragment;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.model.Visibility;
import org.springframework.stereotype.Component;

/**
 * Reads entities and their links, always through the caller's {@link Visibility}: an entity or link
 * the caller may not see is absent from every answer, exactly as if it did not exist.
 */
@Component
public class EntityReader {

    /** The largest page a list query returns. */
    public static final int MAX_PAGE = 100;

    /** The most links a relationship field returns per entity. */
    public static final int MAX_LINKS = 500;

    private record KeyParts(NodeKind kind, List<Fragment> country, List<Fragment> tree) {
    }

    private record IdParts(NodeKind kind, List<Fragment> tree) {
    }

    private record SortParts(NodeKind kind) {
    }

    private record PageParts(NodeKind kind, List<Fragment> filters, List<Fragment> after, List<Fragment> sort, List<Fragment> tree) {
    }

    private record CountParts(NodeKind kind, List<Fragment> filters) {
    }

    private record AfterParts(List<Fragment> sort) {
    }

    private record LinksParts(List<Fragment> tail, RelationshipType type, List<Fragment> head, Set<NodeKind> targets,
            List<Fragment> sorts) {
    }

    private record LinkSortParts(NodeKind kind) {
    }

    private static final String BY_IDS = CypherTemplate.statement("""
            UNWIND $ids AS id
            MATCH (n:Entity {id: id})
            WHERE visible(n)
            RETURN n {.*} AS props, labels(n) AS labels
            """);

    private static final CypherTemplate<KeyParts> BY_KEY = CypherTemplate.of(KeyParts.class, """
            MATCH (n:{{kind}} {{{kind.key}}: $key})
            WHERE visible(n){{country}}
            RETURN n {.*} AS props{{tree}}
            """);

    private static final CypherTemplate<IdParts> BY_ID = CypherTemplate.of(IdParts.class, """
            MATCH (n:Entity {id: $id})
            WHERE n:{{kind}} AND visible(n)
            RETURN n {.*} AS props{{tree}}
            """);

    /** The sort of a kind with a key, which every entity of the kind has. */
    private static final CypherTemplate<SortParts> SORT_BY_KEY = CypherTemplate.of(SortParts.class, "n.{{kind.sort}}");

    /** The sort of a kind without a key (people by name), which an entity may lack: first then. */
    private static final CypherTemplate<SortParts> SORT_BY_OPTIONAL = CypherTemplate.of(SortParts.class, "coalesce(n.{{kind.sort}}, '')");

    /** After the cursor's entity: keyset pagination on (sort, id). */
    private static final CypherTemplate<AfterParts> AFTER = CypherTemplate.of(AfterParts.class,
            " AND ({{sort}} > $afterSort OR ({{sort}} = $afterSort AND n.id > $afterId))");

    /** A page of a kind: the page first, then what is read of each of its entities. */
    private static final CypherTemplate<PageParts> PAGE = CypherTemplate.of(PageParts.class, """
            MATCH (n:{{kind}})
            WHERE visible(n){{filters}}{{after}}
            WITH n ORDER BY {{sort}}, n.id LIMIT $limit
            RETURN n {.*} AS props, toString({{sort}}) AS sort{{tree}}
            """);

    private static final CypherTemplate<CountParts> COUNT = CypherTemplate.of(CountParts.class, """
            MATCH (n:{{kind}})
            WHERE visible(n){{filters}}
            RETURN count(n) AS total
            """);

    /** The links of one relationship field from each parent, in the field's order, cut at {@code $first}. */
    private static final CypherTemplate<LinksParts> LINKS = CypherTemplate.of(LinksParts.class, """
            UNWIND $ids AS id
            MATCH (p:Entity {id: id})
            CALL (p) {
              MATCH (p){{tail}}[r:{{type}}]{{head}}(m:{{targets}})
              WHERE visible(r) AND visible(m) AND validOn(r)
              RETURN r, m ORDER BY coalesce({{sorts}}m.id), m.id, r.id LIMIT $first
            }
            RETURN id, r {.*} AS link, m {.*} AS props, labels(m) AS labels
            """);

    private static final CypherTemplate<LinkSortParts> LINK_SORT = CypherTemplate.of(LinkSortParts.class, "m.{{kind.sort}}, ");

    private final GraphDb db;

    public EntityReader(GraphDb db) {
        this.db = db;
    }

    /** The entity with this id, if visible. */
    public Node byId(String id, Visibility visibility) {
        return byIds(List.of(id), visibility).get(id);
    }

    /** The visible entities with these ids, by id. */
    public Map<String, Node> byIds(List<String> ids, Visibility visibility) {
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        params.put("ids", ids);
        List<Node> nodes = this.db.query(BY_IDS, params, EntityReader::node);
        Map<String, Node> byId = new LinkedHashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        return byId;
    }

    /**
     * The entity of {@code kind} whose key is {@code key} once normalised, if visible.
     *
     * @param argument the argument name, for the error when the key has no normal form
     * @param country the country, for companies only
     */
    public Node byKey(NodeKind kind, String argument, String key, String country, Visibility visibility) {
        return byKey(kind, argument, key, country, null, visibility);
    }

    /**
     * The entity of {@code kind} whose key is {@code key} once normalised, if visible, with the links of
     * {@code tree} (null for none) read in the same statement.
     */
    Node byKey(NodeKind kind, String argument, String key, String country, QueryTree tree, Visibility visibility) {
        String normal = InvalidInputException.check(argument, key, kind.keyForm());
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        params.put("key", normal);
        params.put("country", country);
        String cypher = BY_KEY.text(new KeyParts(kind, CypherParts.country(kind), tree(tree, kind, params)));
        return one(kind, cypher, params, tree);
    }

    /** The entity of {@code kind} with this id, if visible, with the links of {@code tree} read in the same statement. */
    Node byId(NodeKind kind, String id, QueryTree tree, Visibility visibility) {
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        params.put("id", id);
        return one(kind, BY_ID.text(new IdParts(kind, tree(tree, kind, params))), params, tree);
    }

    /** The one entity the statement finds, with {@code tree}'s links. */
    private Node one(NodeKind kind, String cypher, Map<String, Object> params, QueryTree tree) {
        List<Node> found = this.db.query(cypher, params, r -> node(kind, r, tree));
        return found.isEmpty() ? null : found.get(0);
    }

    /** The columns that read {@code tree} (none for null), their parameters put in {@code params}. */
    private static List<Fragment> tree(QueryTree tree, NodeKind kind, Map<String, Object> params) {
        return tree == null ? List.of() : TreeStatement.projection(tree, kind, params);
    }

    /** The entity of a row with {@code props}, and {@code tree} when the statement read one. */
    private static Node node(NodeKind kind, Record record, QueryTree tree) {
        Map<String, Object> props = record.get("props").asMap();
        return tree == null ? new Node(kind, props) : tree.node(kind, props, record.get(TreeStatement.TREE).asObject());
    }

    /** A page of the visible entities of {@code kind} that pass {@code filter}, in key order. */
    public EntityConnection list(NodeKind kind, Map<String, Object> filter, int first, String after, Visibility visibility) {
        return list(kind, filter, first, after, null, visibility);
    }

    /**
     * A page of the visible entities of {@code kind} that pass {@code filter}, in key order, each with the
     * links of {@code tree} (null for none): one statement for the page and its tree.
     */
    EntityConnection list(NodeKind kind, Map<String, Object> filter, int first, String after, QueryTree tree,
            Visibility visibility) {
        LimitExceededException.bounded("first", first, 0, MAX_PAGE);
        ListFilter compiled = ListFilter.of(kind, filter);
        List<Fragment> sort = List.of((kind.hasKey() ? SORT_BY_KEY : SORT_BY_OPTIONAL).fragment(new SortParts(kind)));
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        params.putAll(compiled.parameters());
        Map<String, Object> countParams = Map.copyOf(params);
        List<Fragment> keyset = List.of();
        if (after != null) {
            EntityConnection.Cursor cursor = EntityConnection.Cursor.decode("after", after);
            params.put("afterSort", cursor.sortValue());
            params.put("afterId", cursor.id());
            keyset = List.of(AFTER.fragment(new AfterParts(sort)));
        }
        params.put("limit", first + 1);
        String cypher = PAGE.text(new PageParts(kind, compiled.conditions(), keyset, sort, tree(tree, kind, params)));
        List<Record> records = this.db.read(tx -> tx.run(cypher, params));
        List<EntityConnection.Edge> edges = new ArrayList<>();
        for (Record r : records.subList(0, Math.min(first, records.size()))) {
            Node node = node(kind, r, tree);
            edges.add(new EntityConnection.Edge(new EntityConnection.Cursor(r.get("sort").asString(""), node.id()).encode(), node));
        }
        var pageInfo = new EntityConnection.PageInfo(records.size() > first, after != null,
                edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        String count = COUNT.text(new CountParts(kind, compiled.conditions()));
        return new EntityConnection(edges, pageInfo,
                () -> (int) this.db.query(count, countParams, r -> r.get("total").asLong()).get(0).longValue());
    }

    /**
     * The visible links of {@code field} from each of {@code parentIds}, with the entities at their
     * other end: one statement for all parents.
     */
    public Map<String, List<Linked>> relations(RelationField field, Set<String> parentIds, LocalDate asOf, int first,
            Visibility visibility) {
        LimitExceededException.bounded("first", first, MAX_LINKS);
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        params.put("ids", List.copyOf(parentIds));
        params.put("asOf", asOf);
        params.put("first", first);
        String cypher = LINKS.text(new LinksParts(CypherParts.tail(field), field.type(), CypherParts.head(field), field.targets(),
                CypherParts.bySortProperty(field.targets()).stream().map(k -> LINK_SORT.fragment(new LinkSortParts(k))).toList()));
        Map<String, List<Linked>> byParent = new HashMap<>();
        for (Record r : this.db.read(tx -> tx.run(cypher, params))) {
            Linked linked = new Linked(node(r), new LinkView(field.type(), r.get("link").asMap()));
            byParent.computeIfAbsent(r.get("id").asString(), k -> new ArrayList<>()).add(linked);
        }
        return byParent;
    }

    /** A node from a record with {@code props} and {@code labels}. */
    public static Node node(Record record) {
        NodeKind kind = NodeKind.ofLabels(record.get("labels").asList(v -> v.asString()))
            .orElseThrow(() -> new IllegalStateException("An Entity node without a model label"));
        return new Node(kind, record.get("props").asMap());
    }

}
