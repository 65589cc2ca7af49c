package org.pangeagraph.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.db.changes.Change;
import org.pangeagraph.db.changes.ChangedEntity;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.model.Visibility;

/**
 * The reads behind matching, each as a watch's owner sees the graph: the neighbours of watched entities,
 * the links on the way from a watched entity to a new fact, whether a website reached an item before.
 * Relationship types come from the model's enums; every value is a parameter; every read is bounded.
 */
class Evidence {

    /** The links of {@code $types} (all when empty) between the entity {@code $id} and the others, as the owner sees them. */
    static final String NEIGHBOURS = CypherTemplate.statement("""
            MATCH (a:Entity {id: $id})-[r]-(b:Entity)
            WHERE (size($types) = 0 OR type(r) IN $types) AND visible(a) AND visible(r) AND visible(b)
            RETURN {type: type(r), id: r.id, eid: elementId(r), a: a {.*, labels: labels(a), eid: elementId(a)},
                    b: b {.*, labels: labels(b), eid: elementId(b)}, p: r {.*}} AS link
            LIMIT $limit
            """);

    private record TypeParts(RelationshipType type) {
    }

    /** The websites linked by one type to the entity {@code $id}, as the owner sees them. */
    private static final CypherTemplate<TypeParts> WEBSITES_OF = CypherTemplate.of(TypeParts.class, """
            MATCH (a:Entity {id: $id})-[r:{{type}}]-(b:Website)
            WHERE visible(r) AND visible(a) AND visible(b)
            RETURN {type: type(r), id: r.id, eid: elementId(r), a: a {.*, labels: labels(a), eid: elementId(a)},
                    b: b {.*, labels: labels(b), eid: elementId(b)}, p: r {.*}} AS link
            LIMIT $limit
            """);

    /**
     * Up to two routes of one link from the website {@code $w} to the item {@code $i} that use none of
     * {@code $links}. From the website, by the id index: an item a hundred thousand websites pay into is
     * never expanded.
     */
    private static final CypherTemplate<TypeParts> OTHER_LINKS = CypherTemplate.of(TypeParts.class, """
            CALL () {
              MATCH (w:Website:Entity {id: $w})-[r:{{type}}]-(i:Entity {id: $i})
              USING INDEX w:Entity(id)
              WHERE NOT elementId(r) IN $links AND visible(r)
              RETURN 1 AS one LIMIT 2
            }
            RETURN count(one) AS n
            """);

    record RouteParts(RelationshipType first, RelationshipType second) {
    }

    /** The same for routes of two links, through a middle entity the owner sees. */
    static final CypherTemplate<RouteParts> OTHER_ROUTES = CypherTemplate.of(RouteParts.class, """
            CALL () {
              MATCH (w:Website:Entity {id: $w})-[r:{{first}}]-(m:Entity)-[s:{{second}}]-(i:Entity {id: $i})
              USING INDEX w:Entity(id)
              WHERE NOT elementId(r) IN $links AND NOT elementId(s) IN $links AND visible(r) AND visible(s) AND visible(m)
              RETURN 1 AS one LIMIT 2
            }
            RETURN count(one) AS n
            """);

    /** The entity {@code $id}, when the owner sees it. */
    private static final String ENTITY = CypherTemplate.statement("""
            MATCH (a:Entity {id: $id}) WHERE visible(a)
            RETURN a {.*, labels: labels(a), eid: elementId(a)} AS a
            """);

    /** The entities {@code $ids} that the owner sees, in the order asked. */
    private static final String ENTITIES = CypherTemplate.statement("""
            UNWIND range(0, size($ids) - 1) AS i
            MATCH (a:Entity {id: $ids[i]}) WHERE visible(a)
            RETURN a {.*, labels: labels(a), eid: elementId(a)} AS a ORDER BY i
            """);

    private final GraphDb db;

    private final int limit;

    Evidence(GraphDb db, int limit) {
        this.db = db;
        this.limit = limit;
    }

    /** A link of a change, as evidence. */
    static Alert.Evidence of(Change change) {
        return new Alert.Evidence(change.type(), change.linkId(), change.from(), change.to(), change.provenance());
    }

    /**
     * The entities linked to {@code target} by links of {@code types} (all when empty) that the owner sees,
     * at most the configured neighbourhood, each with the link.
     */
    Map<String, Alert.Evidence> neighbours(String target, List<RelationshipType> types, Visibility owner) {
        Map<String, Object> p = new HashMap<>(owner.parameters());
        p.put("id", target);
        p.put("types", types.stream().map(Enum::name).toList());
        p.put("limit", this.limit);
        Map<String, Alert.Evidence> found = new LinkedHashMap<>();
        this.db.query(NEIGHBOURS, p, r -> evidence(r.get("link"))).forEach(link -> {
                    ChangedEntity other = target.equals(link.from().id()) ? link.to() : link.from();
                    if (other.id() != null) {
                        found.putIfAbsent(other.id(), link);
                    }
                });
        return found;
    }

    /** The websites linked to {@code middle} by {@code type} that the owner sees, each with the link, at most the neighbourhood. */
    List<Alert.Evidence> websitesOf(String middle, RelationshipType type, Visibility owner) {
        Map<String, Object> p = new HashMap<>(owner.parameters());
        p.put("id", middle);
        p.put("limit", this.limit);
        return this.db.query(WEBSITES_OF.text(new TypeParts(type)), p, r -> evidence(r.get("link")));
    }

    /**
     * How many routes of {@code first} (then {@code second}, when not null) the owner sees from the website to
     * the item that use none of {@code links} (element ids), counting up to two.
     */
    int otherRoutes(String website, String item, RelationshipType first, RelationshipType second, List<String> links,
            Visibility owner) {
        Map<String, Object> p = new HashMap<>(owner.parameters());
        p.put("w", website);
        p.put("i", item);
        p.put("links", links);
        String cypher = second == null ? OTHER_LINKS.text(new TypeParts(first)) : OTHER_ROUTES.text(new RouteParts(first, second));
        return this.db.query(cypher, p, r -> r.get("n").asInt()).get(0);
    }

    /** The entity with this id as the owner sees it now, or null. */
    ChangedEntity entity(String id, Visibility owner) {
        Map<String, Object> p = new HashMap<>(owner.parameters());
        p.put("id", id);
        List<ChangedEntity> found = this.db.query(ENTITY, p, r -> entity(r.get("a")));
        return found.isEmpty() ? null : found.get(0);
    }

    /** The entities with these ids that the owner sees now, in the order asked. */
    List<ChangedEntity> entities(List<String> ids, Visibility owner) {
        Map<String, Object> p = new HashMap<>(owner.parameters());
        p.put("ids", ids);
        return this.db.query(ENTITIES, p, r -> entity(r.get("a")));
    }

    private static Alert.Evidence evidence(Value link) {
        Map<String, Object> provenance = new LinkedHashMap<>();
        Value p = link.get("p");
        for (String name : List.of("source", "grade", "validFrom", "validTo", "recordedAt", "recordedBy", "cases")) {
            if (!p.get(name).isNull()) {
                Object value = p.get(name).asObject();
                provenance.put(name, value instanceof java.time.temporal.TemporalAccessor ? value.toString() : value);
            }
        }
        return new Alert.Evidence(link.get("type").asString(), link.get("id").asString(null), entity(link.get("a")), entity(link.get("b")),
                provenance);
    }

    static ChangedEntity entity(Value node) {
        NodeKind kind = NodeKind.ofLabels(node.get("labels").asList(Value::asString)).orElse(null);
        if (kind == null) {
            return null;
        }
        Map<String, Object> properties = node.asMap();
        Object key = kind.keyProperty() == null ? null : properties.get(kind.keyProperty());
        List<String> cases = new ArrayList<>(AlertJson.strings(properties.get("cases")));
        return new ChangedEntity((String) properties.get("id"), kind.name(), key == null ? null : key.toString(), kind.caption(properties),
                cases, node.get("eid").asString(null));
    }

}
