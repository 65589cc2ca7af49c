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
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.NodeKind;
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
        List<Node> nodes = this.db.query("""
                UNWIND $ids AS id
                MATCH (n:Entity {id: id})
                WHERE %s
                RETURN n {.*} AS props, labels(n) AS labels
                """.formatted(Visibility.visible("n")), params, EntityReader::node);
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
        String match = "MATCH (n:" + kind.label() + " {" + kind.keyProperty() + ": $key})"
                + (kind.keyIncludesCountry() ? "\nWHERE n.country = $country AND " : "\nWHERE ");
        return one(kind, match + Visibility.visible("n"), params, tree);
    }

    /** The entity of {@code kind} with this id, if visible, with the links of {@code tree} read in the same statement. */
    Node byId(NodeKind kind, String id, QueryTree tree, Visibility visibility) {
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        params.put("id", id);
        return one(kind, "MATCH (n:Entity {id: $id})\nWHERE n:" + kind.label() + " AND " + Visibility.visible("n"), params, tree);
    }

    /** The one entity {@code match} finds as {@code n}, with {@code tree}'s links. */
    private Node one(NodeKind kind, String match, Map<String, Object> params, QueryTree tree) {
        String cypher = match + "\nRETURN n {.*} AS props" + (tree == null ? "" : ", " + TreeStatement.projection(tree, "n", kind, params) + " AS tree");
        List<Node> found = this.db.query(cypher, params,
                r -> tree == null ? new Node(kind, r.get("props").asMap()) : tree.node(kind, r.get("props").asMap(), r.get("tree").asObject()));
        return found.isEmpty() ? null : found.get(0);
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
        String sort = kind.hasKey() ? "n." + kind.sortProperty() : "coalesce(n." + kind.sortProperty() + ", '')";
        String where = "WHERE " + Visibility.visible("n") + " AND " + compiled.predicate();
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        params.putAll(compiled.parameters());
        Map<String, Object> countParams = Map.copyOf(params);
        String keyset = "";
        if (after != null) {
            EntityConnection.Cursor cursor = EntityConnection.Cursor.decode("after", after);
            params.put("afterSort", cursor.sortValue());
            params.put("afterId", cursor.id());
            keyset = " AND (" + sort + " > $afterSort OR (" + sort + " = $afterSort AND n.id > $afterId))";
        }
        params.put("limit", first + 1);
        String page = "MATCH (n:" + kind.label() + ")\n" + where + keyset;
        String cypher = tree == null
                ? page + "\nRETURN n {.*} AS props, toString(" + sort + ") AS sort ORDER BY " + sort + ", n.id LIMIT $limit"
                // The page first, then the tree of each of its entities only.
                : page + "\nWITH n ORDER BY " + sort + ", n.id LIMIT $limit\nRETURN n {.*} AS props, toString(" + sort
                        + ") AS sort, " + TreeStatement.projection(tree, "n", kind, params) + " AS tree";
        List<Record> records = this.db.read(tx -> tx.run(cypher, params));
        List<EntityConnection.Edge> edges = new ArrayList<>();
        for (Record r : records.subList(0, Math.min(first, records.size()))) {
            Node node = tree == null ? new Node(kind, r.get("props").asMap())
                    : tree.node(kind, r.get("props").asMap(), r.get("tree").asObject());
            edges.add(new EntityConnection.Edge(new EntityConnection.Cursor(r.get("sort").asString(""), node.id()).encode(), node));
        }
        var pageInfo = new EntityConnection.PageInfo(records.size() > first, after != null,
                edges.isEmpty() ? null : edges.get(0).cursor(), edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        String count = "MATCH (n:" + kind.label() + ") " + where + " RETURN count(n) AS total";
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
        String cypher = """
                UNWIND $ids AS id
                MATCH (p:Entity {id: id})
                CALL (p) {
                  MATCH (p)%s(m:%s)
                  WHERE %s AND %s AND %s
                  RETURN r, m ORDER BY %s LIMIT $first
                }
                RETURN id, r {.*} AS link, m {.*} AS props, labels(m) AS labels
                """.formatted(field.arrow("r"), field.targetLabel(), Visibility.visible("r"), Visibility.visible("m"),
                Visibility.validOn("r"), field.order("m", "r"));
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
