package org.pangeagraph.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.pangeagraph.model.InvalidValueException;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pass that runs after every import, so that imported data is as usable as data written through
 * the API: every node of a model label gets the {@code Entity} label, an {@code id}, {@code createdAt}
 * and {@code updatedAt}; every link of a model type gets an {@code id} and {@code recordedAt}; the keys
 * of newly imported entities are put in their normal form (a derived key such as {@code nameKey} is
 * filled from {@code name}). A key that has no normal form, or whose normal form belongs to another
 * entity already, is left as it is and reported. An entity left as written beside another is marked
 * with that other's id ({@code _keyCollision}): entity resolution proposes the two as a candidate of
 * score 1.0, for an investigator to judge.
 */
public final class GraphNormaliser {

    private static final Logger log = LoggerFactory.getLogger(GraphNormaliser.class);

    private static final Duration PASS_TIMEOUT = Duration.ofHours(1);

    private static final int PAGE = 10_000;

    private static final String PENDING = "_pendingKeyCheck";

    /** The mark of an entity left as written beside another whose key its own became in normal form: the other's id. */
    public static final String KEY_COLLISION = "_keyCollision";

    private final GraphDb db;

    public GraphNormaliser(GraphDb db) {
        this.db = db;
    }

    /**
     * What the pass did.
     *
     * @param keysNormalised keys put in normal form
     * @param problems keys left as they were, and why
     * @param collisions entities left as written beside another of the same key in normal form, each now a
     * resolution candidate of score 1.0 with it
     */
    public record Result(long keysNormalised, List<String> problems, long collisions) {
    }

    public Result run() {
        for (NodeKind kind : NodeKind.values()) {
            // Labels come from the model enum, never from input.
            this.db.autoCommit("MATCH (n:" + kind.label() + ") WHERE NOT n:Entity OR n.id IS NULL "
                    + "CALL (n) { SET n:Entity, n." + PENDING + " = $label, n.id = coalesce(n.id, randomUUID()), "
                    // One SET reads the node as it was before it: updatedAt cannot be taken from the createdAt it sets.
                    + "n.createdAt = coalesce(n.createdAt, datetime()), n.updatedAt = coalesce(n.updatedAt, n.createdAt, datetime()), "
                    + "n.version = coalesce(n.version, 0) } IN TRANSACTIONS OF " + PAGE + " ROWS", Map.of("label", kind.label()),
                    PASS_TIMEOUT);
        }
        String types = String.join("|", java.util.Arrays.stream(RelationshipType.values()).map(Enum::name).toList());
        this.db.autoCommit("MATCH ()-[r:" + types + "]->() WHERE r.id IS NULL "
                + "CALL (r) { SET r.id = randomUUID(), r.recordedAt = coalesce(r.recordedAt, datetime()), "
                + "r.linkKey = coalesce(r.linkKey, coalesce(r.source, '') + '|' + coalesce(toString(r.validFrom), '')) "
                + "} IN TRANSACTIONS OF " + PAGE + " ROWS", Map.of(), PASS_TIMEOUT);
        long normalised = 0;
        List<String> problems = new ArrayList<>();
        long[] collisions = { 0 };
        for (NodeKind kind : NodeKind.values()) {
            if (kind.hasKey()) {
                normalised += normaliseKeys(kind, problems, collisions);
            }
        }
        // People have no key to check; their marks go in one sweep.
        this.db.autoCommit("MATCH (n:Entity) WHERE n." + PENDING + " IS NOT NULL CALL (n) { REMOVE n." + PENDING
                + " } IN TRANSACTIONS OF " + PAGE + " ROWS", Map.of(), PASS_TIMEOUT);
        if (!problems.isEmpty()) {
            log.warn("{} imported keys could not be put in normal form", problems.size());
        }
        return new Result(normalised, problems, collisions[0]);
    }

    private long normaliseKeys(NodeKind kind, List<String> problems, long[] collisions) {
        // The pending mark holds the label and is indexed, so each page is an index seek; a page's
        // marks are removed with its updates, so the next read finds the rest.
        String read = "MATCH (n:Entity) WHERE n." + PENDING + " = $label "
                + "RETURN elementId(n) AS eid, n." + kind.keyProperty() + " AS key, n." + kind.keyInput() + " AS input "
                + "LIMIT " + PAGE;
        long changed = 0;
        while (true) {
            List<Record> page = this.db.read(tx -> tx.run(read, Map.of("label", kind.label())));
            if (page.isEmpty()) {
                return changed;
            }
            List<Map<String, Object>> updates = new ArrayList<>();
            for (Record r : page) {
                String key = r.get("key").isNull() ? null : String.valueOf(r.get("key").asObject());
                String input = r.get("input").isNull() ? key : String.valueOf(r.get("input").asObject());
                String raw = kind.derivedKey() ? input : key;
                if (raw == null) {
                    problems.add(kind.label() + " " + r.get("eid").asString() + ": no " + kind.keyInput());
                    continue;
                }
                try {
                    String normal = kind.keyForm().normalise(raw);
                    if (!normal.equals(key)) {
                        updates.add(Map.of("eid", r.get("eid").asString(), "key", normal));
                    }
                }
                catch (InvalidValueException ex) {
                    problems.add(kind.label() + " " + kind.keyProperty() + " '" + raw + "' " + ex.getMessage());
                }
            }
            changed += applyKeys(kind, updates, problems, collisions);
            List<String> done = page.stream().map(r -> r.get("eid").asString()).toList();
            this.db.write(tx -> tx.run("UNWIND $done AS eid MATCH (n) WHERE elementId(n) = eid REMOVE n." + PENDING,
                    Map.of("done", done)));
        }
    }

    private long applyKeys(NodeKind kind, List<Map<String, Object>> updates, List<String> problems, long[] collisions) {
        if (updates.isEmpty()) {
            return 0;
        }
        String write = "UNWIND $updates AS u MATCH (n:" + kind.label() + ") WHERE elementId(n) = u.eid "
                + "OPTIONAL MATCH (other:" + kind.label() + " {" + kind.keyProperty() + ": u.key}) "
                + (kind.keyIncludesCountry() ? "WHERE other.country = n.country " : "")
                + "WITH n, u, other "
                + "FOREACH (_ IN CASE WHEN other IS NULL THEN [1] ELSE [] END | SET n." + kind.keyProperty() + " = u.key) "
                + "FOREACH (_ IN CASE WHEN other IS NULL THEN [] ELSE [1] END | SET n." + KEY_COLLISION + " = other.id) "
                + "RETURN u.key AS key, other IS NULL AS applied, n.id AS id, other.id AS other";
        List<Record> results = this.db.write(tx -> tx.run(write, Map.of("updates", updates)));
        long applied = 0;
        for (Record r : results) {
            if (r.get("applied").asBoolean()) {
                applied++;
            }
            else {
                collisions[0]++;
                problems.add(kind.label() + " " + kind.keyProperty() + " '" + r.get("key").asString()
                        + "': an entity with this key in normal form exists already (" + r.get("other").asString()
                        + "); the imported one (" + r.get("id").asString() + ") was left as written and is proposed with it as a"
                        + " resolution candidate of score 1.0");
            }
        }
        return applied;
    }

}
