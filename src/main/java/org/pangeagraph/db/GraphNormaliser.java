package org.pangeagraph.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Record;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.ResourceIterator;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.CypherTemplate.Bounded;
import org.pangeagraph.model.CypherTemplate.Fragment;
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
 *
 * <p>After a first load into a new store ({@link #runOnNewStore}) every entity is new: every key is
 * checked, read through the embedded database's own API where it is in this process.
 */
public final class GraphNormaliser {

    private static final Logger log = LoggerFactory.getLogger(GraphNormaliser.class);

    private static final Duration PASS_TIMEOUT = Duration.ofHours(1);

    private static final int PAGE = 10_000;

    /**
     * The mark of an entity left as written beside another whose key its own became in normal form: the
     * other's id (written by {@link #APPLY_KEYS}).
     */
    public static final String KEY_COLLISION = "_keyCollision";

    /**
     * What completes an entity {@code n} that lacks the Entity label or an id. One SET reads the node as it
     * was before it: updatedAt cannot be taken from the createdAt it sets.
     */
    private static final Fragment COMPLETE_NODE = CypherTemplate.constant("""
            SET n:Entity, n.id = coalesce(n.id, randomUUID()), n.createdAt = coalesce(n.createdAt, datetime()),
                n.updatedAt = coalesce(n.updatedAt, n.createdAt, datetime()), n.version = coalesce(n.version, 0)""");

    private record KindParts(NodeKind kind, List<Fragment> complete, @Bounded(min = 1, max = PAGE) int page) {
    }

    /** The entities of a kind to complete, each marked with its label for the check of its key ({@code _pendingKeyCheck}). */
    private static final CypherTemplate<KindParts> COMPLETE_AND_MARK = CypherTemplate.of(KindParts.class, """
            MATCH (n:{{kind}})
            WHERE NOT n:Entity OR n.id IS NULL
            CALL (n) {
              {{complete}},
                n._pendingKeyCheck = $label
            } IN TRANSACTIONS OF {{page}} ROWS
            """);

    private record LinksParts(List<RelationshipType> types, @Bounded(min = 1, max = PAGE) int page) {
    }

    private static final CypherTemplate<LinksParts> COMPLETE_LINKS = CypherTemplate.of(LinksParts.class, """
            MATCH ()-[r:{{types}}]->()
            WHERE r.id IS NULL OR r.linkKey IS NULL
            CALL (r) {
              SET r.id = coalesce(r.id, randomUUID()), r.recordedAt = coalesce(r.recordedAt, datetime()),
                r.linkKey = coalesce(r.linkKey, coalesce(r.source, '') + '|' + coalesce(toString(r.validFrom), ''))
            } IN TRANSACTIONS OF {{page}} ROWS
            """);

    private record PageParts(@Bounded(min = 1, max = PAGE) int page) {
    }

    private static final String UNMARK_ALL = CypherTemplate.of(PageParts.class, """
            MATCH (n:Entity)
            WHERE n._pendingKeyCheck IS NOT NULL
            CALL (n) { REMOVE n._pendingKeyCheck } IN TRANSACTIONS OF {{page}} ROWS
            """).text(new PageParts(PAGE));

    private record KeyParts(NodeKind kind, @Bounded(min = 1, max = PAGE) int page) {
    }

    /**
     * A page of the marked entities of a kind. The mark holds the label and is indexed, so each page is an
     * index seek; a page's marks are removed with its updates ({@link #UNMARK}), so the next read finds the rest.
     */
    private static final CypherTemplate<KeyParts> MARKED = CypherTemplate.of(KeyParts.class, """
            MATCH (n:Entity)
            WHERE n._pendingKeyCheck = $label
            RETURN elementId(n) AS eid, n.{{kind.key}} AS key, n.{{kind.input}} AS input
            LIMIT {{page}}
            """);

    private static final String UNMARK = CypherTemplate.statement("""
            UNWIND $done AS eid
            MATCH (n) WHERE elementId(n) = eid
            REMOVE n._pendingKeyCheck
            """);

    private record EveryParts(NodeKind kind) {
    }

    private static final CypherTemplate<EveryParts> EVERY_KEYED = CypherTemplate.of(EveryParts.class, """
            MATCH (n:{{kind}})
            RETURN elementId(n) AS eid, n:Entity AND n.id IS NOT NULL AS complete, n.{{kind.key}} AS key, n.{{kind.input}} AS input
            """);

    private static final CypherTemplate<EveryParts> EVERY_UNKEYED = CypherTemplate.of(EveryParts.class, """
            MATCH (n:{{kind}})
            RETURN elementId(n) AS eid, n:Entity AND n.id IS NOT NULL AS complete
            """);

    private record CompleteParts(NodeKind kind, List<Fragment> complete) {
    }

    private static final CypherTemplate<CompleteParts> COMPLETE = CypherTemplate.of(CompleteParts.class, """
            UNWIND $eids AS eid
            MATCH (n:{{kind}}) WHERE elementId(n) = eid
            {{complete}}
            """);

    /** For a kind keyed on its name and country (a company), the other entity of the same key is in the same country. */
    private static final Fragment SAME_COUNTRY = CypherTemplate.constant(" WHERE other.country = n.country");

    private record ApplyParts(NodeKind kind, List<Fragment> country) {
    }

    /**
     * Each key in normal form, unless another entity of the kind has it already: then the entity is left as
     * written and marked with the other's id ({@link #KEY_COLLISION}).
     */
    private static final CypherTemplate<ApplyParts> APPLY_KEYS = CypherTemplate.of(ApplyParts.class, """
            UNWIND $updates AS u
            MATCH (n:{{kind}}) WHERE elementId(n) = u.eid
            OPTIONAL MATCH (other:{{kind}} {{{kind.key}}: u.key}){{country}}
            WITH n, u, other
            FOREACH (_ IN CASE WHEN other IS NULL THEN [1] ELSE [] END | SET n.{{kind.key}} = u.key)
            FOREACH (_ IN CASE WHEN other IS NULL THEN [] ELSE [1] END | SET n._keyCollision = other.id)
            RETURN u.key AS key, other IS NULL AS applied, n.id AS id, other.id AS other
            """);

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

    /** The pass after an import into a store that held data before: the entities completed now have their keys checked. */
    public Result run() {
        for (NodeKind kind : NodeKind.values()) {
            this.db.autoCommit(COMPLETE_AND_MARK.text(new KindParts(kind, List.of(COMPLETE_NODE), PAGE)),
                    Map.of("label", kind.label()), PASS_TIMEOUT);
        }
        completeLinks(EnumSet.allOf(RelationshipType.class));
        long normalised = 0;
        List<String> problems = new ArrayList<>();
        long[] collisions = { 0 };
        for (NodeKind kind : NodeKind.values()) {
            if (kind.hasKey()) {
                normalised += normaliseKeys(kind, problems, collisions);
            }
        }
        return finish(normalised, problems, collisions[0]);
    }

    /**
     * The pass after a first load into a new store: every entity came with the load, so each kind is
     * read once, whole (through the embedded database's own API where it is in this process), for the
     * entities to complete and every key to check; nothing is marked. Links are completed of the types
     * the load may have left incomplete: the load knows which of its files gave every link an id,
     * {@code recordedAt} and {@code linkKey}, and reading five million links to find none missing
     * would cost more than the rest of the pass.
     *
     * @param incompleteLinks the types of link that may lack an id, {@code recordedAt} or {@code linkKey}
     */
    public Result runOnNewStore(Set<RelationshipType> incompleteLinks) {
        long normalised = 0;
        List<String> problems = new ArrayList<>();
        long[] collisions = { 0 };
        for (NodeKind kind : NodeKind.values()) {
            normalised += checkEveryEntity(kind, problems, collisions);
        }
        if (!incompleteLinks.isEmpty()) {
            completeLinks(incompleteLinks);
        }
        return finish(normalised, problems, collisions[0]);
    }

    private void completeLinks(Set<RelationshipType> types) {
        this.db.autoCommit(COMPLETE_LINKS.text(new LinksParts(List.copyOf(types), PAGE)), Map.of(), PASS_TIMEOUT);
    }

    private Result finish(long normalised, List<String> problems, long collisions) {
        // People have no key to check; their marks go in one sweep.
        this.db.autoCommit(UNMARK_ALL, Map.of(), PASS_TIMEOUT);
        if (!problems.isEmpty()) {
            log.warn("{} imported keys could not be put in normal form", problems.size());
        }
        return new Result(normalised, problems, collisions);
    }

    private long normaliseKeys(NodeKind kind, List<String> problems, long[] collisions) {
        String read = MARKED.text(new KeyParts(kind, PAGE));
        long changed = 0;
        while (true) {
            List<Record> page = this.db.read(tx -> tx.run(read, Map.of("label", kind.label())));
            if (page.isEmpty()) {
                return changed;
            }
            List<Map<String, Object>> updates = new ArrayList<>();
            for (Record r : page) {
                check(kind, r.get("eid").asString(), r.get("key").isNull() ? null : r.get("key").asObject(),
                        r.get("input").isNull() ? null : r.get("input").asObject(), updates, problems);
            }
            changed += applyKeys(kind, updates, problems, collisions);
            List<String> done = page.stream().map(r -> r.get("eid").asString()).toList();
            this.db.write(tx -> tx.run(UNMARK, Map.of("done", done)));
        }
    }

    /** Adds the entity's key in normal form to {@code updates} when it differs from its key, or says to {@code problems} why it has none. */
    private static void check(NodeKind kind, String eid, Object keyValue, Object inputValue, List<Map<String, Object>> updates,
            List<String> problems) {
        String key = keyValue == null ? null : String.valueOf(keyValue);
        String input = inputValue == null ? key : String.valueOf(inputValue);
        String raw = kind.derivedKey() ? input : key;
        if (raw == null) {
            problems.add(kind.label() + " " + eid + ": no " + kind.keyInput());
            return;
        }
        try {
            String normal = kind.keyForm().normalise(raw);
            if (!normal.equals(key)) {
                updates.add(Map.of("eid", eid, "key", normal));
            }
        }
        catch (InvalidValueException ex) {
            problems.add(kind.label() + " " + kind.keyProperty() + " '" + raw + "' " + ex.getMessage());
        }
    }

    /**
     * Reads every entity of the kind once: completes those without the Entity label or an id, then puts
     * the keys in normal form, in pages. One read of them all, through the embedded database's own API
     * when it is in this process (a million entities in seconds), else streamed from Cypher.
     */
    private long checkEveryEntity(NodeKind kind, List<String> problems, long[] collisions) {
        String read = (kind.hasKey() ? EVERY_KEYED : EVERY_UNKEYED).text(new EveryParts(kind));
        List<String> incomplete = new ArrayList<>();
        List<Map<String, Object>> updates = new ArrayList<>();
        List<String> found = new ArrayList<>();
        Label label = Label.label(kind.label());
        Label entity = Label.label(NodeKind.ENTITY_LABEL);
        boolean inProcess = this.db.readInProcess(List.of(read), Map.of(), tx -> {
            // A retried transaction reads again from the start.
            incomplete.clear();
            updates.clear();
            found.clear();
            try (ResourceIterator<Node> nodes = tx.findNodes(label)) {
                nodes.forEachRemaining(n -> {
                    String eid = n.getElementId();
                    if (!n.hasLabel(entity) || !n.hasProperty("id")) {
                        incomplete.add(eid);
                    }
                    if (kind.hasKey()) {
                        check(kind, eid, n.getProperty(kind.keyProperty(), null), n.getProperty(kind.keyInput(), null), updates, found);
                    }
                });
            }
            return true;
        }).isPresent();
        if (!inProcess) {
            this.db.read(tx -> {
                incomplete.clear();
                updates.clear();
                found.clear();
                tx.forEach(read, Map.of(), r -> {
                    if (!r.get("complete").asBoolean(false)) {
                        incomplete.add(r.get("eid").asString());
                    }
                    if (kind.hasKey()) {
                        check(kind, r.get("eid").asString(), r.get("key").isNull() ? null : r.get("key").asObject(),
                                r.get("input").isNull() ? null : r.get("input").asObject(), updates, found);
                    }
                });
                return null;
            });
        }
        problems.addAll(found);
        for (int from = 0; from < incomplete.size(); from += PAGE) {
            List<String> page = incomplete.subList(from, Math.min(incomplete.size(), from + PAGE));
            this.db.write(tx -> tx.run(COMPLETE.text(new CompleteParts(kind, List.of(COMPLETE_NODE))), Map.of("eids", page)));
        }
        long changed = 0;
        for (int from = 0; from < updates.size(); from += PAGE) {
            changed += applyKeys(kind, updates.subList(from, Math.min(updates.size(), from + PAGE)), problems, collisions);
        }
        return changed;
    }

    private long applyKeys(NodeKind kind, List<Map<String, Object>> updates, List<String> problems, long[] collisions) {
        if (updates.isEmpty()) {
            return 0;
        }
        String write = APPLY_KEYS.text(new ApplyParts(kind,
                kind.keyIncludesCountry() ? List.of(SAME_COUNTRY) : List.of()));
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
