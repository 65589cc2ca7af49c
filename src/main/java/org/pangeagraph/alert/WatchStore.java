package org.pangeagraph.alert;

import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;

/**
 * Watches and their owners' memberships, kept in the graph under labels of their own ({@code Watch},
 * {@code WatchOwner}), which no investigative query matches.
 */
class WatchStore {

    private final GraphDb db;

    WatchStore(GraphDb db) {
        this.db = db;
    }

    void create(Watch watch) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", watch.id());
        p.put("owner", watch.owner());
        p.put("name", watch.name());
        p.put("template", watch.template() == null ? null : watch.template().name());
        p.put("targets", watch.targets());
        p.put("relationshipTypes", watch.relationshipTypes().stream().map(Enum::name).toList());
        p.put("depth", watch.depth());
        p.put("criminalNetwork", watch.criminalNetwork());
        p.put("knownWebsites", watch.knownWebsites());
        p.put("minScore", watch.minScore());
        p.put("minGrade", watch.minGrade());
        p.put("kinds", watch.kinds().stream().map(Enum::name).toList());
        p.put("webhookUrl", watch.webhookUrl());
        p.put("webhookSecret", watch.webhookSecret());
        p.put("createdAt", watch.createdAt());
        p.put("sinceSequence", watch.sinceSequence());
        this.db.write(tx -> tx.run("CREATE (w:Watch) SET w = $p", Map.of("p", p)));
    }

    /** Deletes the owner's watch; whether there was one. */
    boolean delete(String id, String owner) {
        return this.db.write(tx -> tx.run("MATCH (w:Watch {id: $id, owner: $owner}) DELETE w RETURN count(*) AS n",
                Map.of("id", id, "owner", owner))).get(0).get("n").asLong() > 0;
    }

    long count(String owner) {
        return this.db.query("MATCH (w:Watch {owner: $owner}) RETURN count(w) AS n", Map.of("owner", owner), r -> r.get("n").asLong())
            .get(0);
    }

    List<Watch> of(String owner) {
        return this.db.query("MATCH (w:Watch {owner: $owner}) RETURN w {.*} AS w ORDER BY w.createdAt DESC, w.id", Map.of("owner", owner),
                WatchStore::watch);
    }

    Watch find(String id) {
        List<Watch> found = this.db.query("MATCH (w:Watch {id: $id}) RETURN w {.*} AS w", Map.of("id", id), WatchStore::watch);
        return found.isEmpty() ? null : found.get(0);
    }

    List<Watch> all() {
        return this.db.query("MATCH (w:Watch) RETURN w {.*} AS w ORDER BY w.createdAt, w.id", Map.of(), WatchStore::watch);
    }

    /** What a network or similar-storefront watch last saw. */
    void know(String id, String network, List<String> websites) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("network", network);
        p.put("websites", websites);
        this.db.write(tx -> tx.run("MATCH (w:Watch {id: $id}) SET w.criminalNetwork = $network, w.knownWebsites = $websites", p));
    }

    /** Counts matches the watch raised no alert for, being over its limit. */
    void suppressed(String id, long count, ZonedDateTime at) {
        this.db.write(tx -> tx.run("MATCH (w:Watch {id: $id}) SET w.suppressed = coalesce(w.suppressed, 0) + $count, w.suppressedAt = $at",
                Map.of("id", id, "count", count, "at", at)));
    }

    /** The suppressed count and time of a watch, or null if none was. */
    Suppression suppression(String id) {
        List<Suppression> found = this.db.query("""
                MATCH (w:Watch {id: $id}) WHERE w.suppressed > 0
                RETURN w.suppressed AS n, w.suppressedAt AS at
                """, Map.of("id", id),
                r -> new Suppression(r.get("n").asLong(), r.get("at").asZonedDateTime()));
        return found.isEmpty() ? null : found.get(0);
    }

    record Suppression(long count, ZonedDateTime at) {
    }

    void saveOwner(WatchOwner owner) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", owner.name());
        p.put("roles", List.copyOf(owner.roles()));
        p.put("seesAll", owner.seesAll());
        p.put("cases", owner.cases());
        p.put("mayWrite", owner.mayWrite());
        p.put("writableCases", owner.writableCases());
        p.put("signedInAt", owner.signedInAt());
        this.db.write(tx -> tx.run("MERGE (o:WatchOwner {name: $p.name}) SET o += $p", Map.of("p", p)));
    }

    Map<String, WatchOwner> owners() {
        Map<String, WatchOwner> owners = new HashMap<>();
        this.db.query("MATCH (o:WatchOwner) RETURN o {.*} AS o", Map.of(), r -> r.get("o")).forEach(o -> {
            WatchOwner owner = new WatchOwner(o.get("name").asString(), Set.copyOf(o.get("roles").asList(Value::asString)),
                    o.get("seesAll").asBoolean(), o.get("cases").asList(Value::asString), o.get("mayWrite").asBoolean(),
                    o.get("writableCases").asList(Value::asString), o.get("signedInAt").asZonedDateTime());
            owners.put(owner.name(), owner);
        });
        return owners;
    }

    private static Watch watch(Record r) {
        Value w = r.get("w");
        String template = w.get("template").asString(null);
        return new Watch(w.get("id").asString(), w.get("owner").asString(), w.get("name").asString(),
                template == null ? null : WatchTemplate.valueOf(template), w.get("targets").asList(Value::asString),
                w.get("relationshipTypes").asList(v -> RelationshipType.valueOf(v.asString())), w.get("depth").asInt(1),
                w.get("criminalNetwork").asString(null), w.get("knownWebsites").isNull() ? List.of() : w.get("knownWebsites").asList(Value::asString),
                w.get("minScore").isNull() ? null : w.get("minScore").asDouble(), w.get("minGrade").asString(null),
                w.get("kinds").asList(v -> NodeKind.valueOf(v.asString())), w.get("webhookUrl").asString(null),
                w.get("webhookSecret").asString(null), w.get("createdAt").asZonedDateTime(), w.get("sinceSequence").asLong());
    }

}
