package org.pangeagraph.entity;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.ClientException;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.db.GraphDb.GraphTx;
import org.pangeagraph.db.GraphVersion;
import org.pangeagraph.model.Caller;
import org.pangeagraph.model.ConflictException;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.CypherTemplate.Fragment;
import org.pangeagraph.model.ForbiddenException;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.InvalidValueException;
import org.pangeagraph.model.KeyForm;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.NotFoundException;
import org.pangeagraph.model.PropertySpec;
import org.pangeagraph.model.Visibility;
import org.springframework.stereotype.Component;

/**
 * Writes entities: upserts keyed on the natural key, idempotent, in one write transaction each.
 * Input is normalised and checked before anything is written; a check that needs the stored entity
 * (its version, the order of its dates) fails inside the transaction, which then rolls back. Either
 * way a failed write leaves the graph as it was.
 */
@Component
public class EntityWriter {

    /**
     * The entity {@code lockOrCreate} found or made: its version and properties after the caller's changes.
     * A change of its cases alone is stamped apart ({@code taggedAt}, never shown): its version and
     * {@code updatedAt} are what every reader sees, and another case taking the entity up changes nothing
     * for a reader outside that case.
     */
    private static final String UPDATE = CypherTemplate.statement("""
            MATCH (n) WHERE elementId(n) = $eid
            SET n += $props,
                n.updatedAt = CASE WHEN $changed THEN $now ELSE n.updatedAt END,
                n.version = CASE WHEN $changed THEN coalesce(n.version, 0) + 1 ELSE n.version END,
                n.taggedAt = CASE WHEN $retagged THEN $now ELSE n.taggedAt END
            REMOVE n._lock
            RETURN n {.*} AS props
            """);

    /** The entity to delete, with how many links it has and how many of those the caller may not change. */
    private static final String TO_DELETE = CypherTemplate.statement("""
            MATCH (n:Entity {id: $id})
            WHERE visible(n)
            RETURN n {.*} AS props, labels(n) AS labels, COUNT { (n)--() } AS links,
                   COUNT { (n)-[r]-(m) WHERE NOT ($seeAll OR (writable(r) AND visible(m))) } AS othersLinks
            """);

    private static final String DELETE = CypherTemplate.statement("MATCH (n:Entity {id: $id}) DETACH DELETE n");

    private record KindParts(NodeKind kind) {
    }

    private record KeyParts(NodeKind kind, List<Fragment> country) {
    }

    /** For a kind keyed on its name and country (a company), the country is part of the key. */
    private static final Fragment AND_COUNTRY = CypherTemplate.constant(", country: $match.country");

    /** An entity of a kind with a key: the one with the key, made if there is none. */
    private static final CypherTemplate<KeyParts> MERGE_BY_KEY = CypherTemplate.of(KeyParts.class, """
            MERGE (n:{{kind}} {{{kind.key}}: $match.{{kind.key}}{{country}}})
            ON CREATE SET n._created = true""");

    /** A person by the id the caller gives, made if there is none. */
    private static final CypherTemplate<KindParts> MERGE_BY_ID = CypherTemplate.of(KindParts.class, """
            MERGE (n:{{kind}} {id: $newId})
            ON CREATE SET n._created = true""");

    /** A new person, when the caller gives no id. */
    private static final CypherTemplate<KindParts> CREATE = CypherTemplate.of(KindParts.class, """
            CREATE (n:{{kind}} {id: $newId})
            SET n._created = true""");

    private record LockParts(List<Fragment> entity) {
    }

    /**
     * The entity found or made, locked. Writing {@code _lock} takes the node's write lock before its version
     * is read, so that of two concurrent updates with the same expected version exactly one passes the check.
     */
    private static final CypherTemplate<LockParts> LOCK = CypherTemplate.of(LockParts.class, """
            {{entity}}
            SET n:Entity, n._lock = true,
                n.id = coalesce(n.id, $newId), n.createdAt = coalesce(n.createdAt, $now),
                n.updatedAt = coalesce(n.updatedAt, $now), n.version = coalesce(n.version, 0)
            WITH n, coalesce(n._created, false) AS created
            REMOVE n._created
            RETURN elementId(n) AS eid, created, n {.*} AS props
            """);

    private static final String VISIBLE_SOURCES = CypherTemplate.statement("""
            MATCH (s:Source)
            WHERE s.key IN $keys AND visible(s)
            RETURN s.key AS key
            """);

    private final GraphDb db;

    public EntityWriter(GraphDb db) {
        this.db = db;
    }

    /** What an upsert did. */
    public record Upserted(boolean created, Node node) {
    }

    /** What a delete did. */
    public record Deleted(String id, String entityKind, String caption, int linksRemoved) {
    }

    /** The fields of every upsert's input that are not properties of the kind. */
    private static final String CASES = "cases";

    private static final String SOURCES = "sources";

    private static final String EXPECTED_VERSION = "expectedVersion";

    /**
     * Creates or updates the entity of {@code kind} that {@code input} describes: the fields of the kind's
     * input type as GraphQL gives them (the key as written, the kind's properties, {@code cases},
     * {@code sources}, {@code expectedVersion}); fields left out or null are not written.
     */
    public Upserted upsert(NodeKind kind, Map<String, Object> input, Caller caller) {
        requireWriter(caller);
        requireCaseManager(kind, caller);
        Map<String, Object> values = new LinkedHashMap<>();
        input.forEach((name, value) -> {
            if (value != null && !name.equals(CASES) && !name.equals(SOURCES) && !name.equals(EXPECTED_VERSION)) {
                values.put(name, value);
            }
        });
        List<String> inputCases = stringList(input.get(CASES));
        List<String> inputSources = stringList(input.get(SOURCES));
        Integer expectedVersion = (Integer) input.get(EXPECTED_VERSION);
        Map<String, Object> match = new LinkedHashMap<>();
        Map<String, Object> props = new LinkedHashMap<>();
        String personId = null;
        if (kind.hasKey()) {
            Object raw = values.remove(kind.keyInput());
            if (!(raw instanceof String rawKey)) {
                throw new InvalidInputException("input." + kind.keyInput(), "is required");
            }
            match.put(kind.keyProperty(), InvalidInputException.check("input." + kind.keyInput(), rawKey, kind.keyForm()));
            if (kind.derivedKey()) {
                props.put(kind.keyInput(), rawKey.strip());
            }
            if (kind.keyIncludesCountry()) {
                Object country = values.remove("country");
                if (!(country instanceof String code)) {
                    throw new InvalidInputException("input.country", "is required: a company is known by its name and country");
                }
                match.put("country", InvalidInputException.check("input.country", code, KeyForm.COUNTRY_CODE));
            }
        }
        else {
            Object id = values.remove("id");
            personId = id == null ? null : InvalidInputException.check("input.id", id.toString(), KeyForm.TRIMMED);
        }
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            PropertySpec spec = kind.property(entry.getKey())
                .orElseThrow(() -> new IllegalStateException(kind + " has no property " + entry.getKey()));
            Object value = applyRule(spec, "input." + spec.name(), entry.getValue());
            if (value != null) {
                props.put(spec.name(), value);
            }
        }
        if (inputCases != null) {
            List<String> cases = caseNumbers("input.cases", inputCases);
            if (!caller.mayTag(cases)) {
                throw new ForbiddenException("input.cases", "You may only tag facts with the cases you are a member of");
            }
            props.put("cases", cases);
        }
        List<String> sources = inputSources == null ? null : sourceKeys("input.sources", inputSources);
        if (sources != null) {
            props.put("sources", sources);
        }
        String finalPersonId = personId;
        ZonedDateTime now = now();
        try {
            return this.db.write(tx -> {
                if (sources != null) {
                    requireSources(tx, "input.sources", sources, caller.visibility());
                }
                Record before = lockOrCreate(tx, kind, match, finalPersonId, now);
                boolean created = before.get("created").asBoolean();
                Map<String, Object> stored = before.get("props").asMap();
                // Whether the caller may see the stored entity or not, the answer is the same: the key is
                // taken by a fact they may not change (docs/security.md, "Writes").
                if (!created && !caller.mayTag(listOf(stored.get("cases")))) {
                    throw new ForbiddenException("input", "This " + kind.label()
                            + " belongs to a case you are not a member of; it cannot be written");
                }
                checkVersion(expectedVersion, created, stored);
                Map<String, Object> merged = new HashMap<>(stored);
                merged.putAll(props);
                checkDateOrder(kind, merged);
                boolean changed = created || props.entrySet().stream()
                    .anyMatch(e -> !e.getKey().equals(CASES) && !sameValue(e.getValue(), stored.get(e.getKey())));
                boolean retagged = !created && props.containsKey(CASES) && !listOf(stored.get(CASES)).equals(props.get(CASES));
                Map<String, Object> params = new HashMap<>();
                params.put("eid", before.get("eid").asString());
                params.put("props", props);
                params.put("changed", changed);
                params.put("retagged", retagged);
                params.put("now", now);
                Record after = tx.run(UPDATE, params).get(0);
                if (changed || retagged) {
                    GraphVersion.bump(tx);
                }
                return new Upserted(created, new Node(kind, after.get("props").asMap()));
            });
        }
        catch (ClientException ex) {
            throw translate(ex);
        }
    }

    /** Deletes an entity with all its links. */
    public Deleted delete(String id, Caller caller) {
        requireWriter(caller);
        Map<String, Object> params = new HashMap<>(caller.visibility().parameters());
        params.put("id", id);
        params.put("writable", caller.writableCases());
        return this.db.write(tx -> {
            List<Record> found = tx.run(TO_DELETE, params);
            if (found.isEmpty()) {
                throw new NotFoundException("id", "entity with id " + id);
            }
            Node node = EntityReader.node(found.get(0));
            requireCaseManager(node.kind(), caller);
            // Deleting an entity removes its links: those of other cases too, which the caller may not change.
            if (!caller.mayTag(listOf(node.properties().get("cases"))) || found.get(0).get("othersLinks").asInt() > 0) {
                throw new ForbiddenException("id", "This " + node.kind().label()
                        + " or one of its links belongs to a case you are not a member of; an administrator can delete it");
            }
            tx.run(DELETE, Map.of("id", id));
            GraphVersion.bump(tx);
            return new Deleted(id, node.kind().name(), node.caption(), found.get(0).get("links").asInt());
        });
    }

    private static Record lockOrCreate(GraphTx tx, NodeKind kind, Map<String, Object> match, String personId,
            ZonedDateTime now) {
        Map<String, Object> params = new HashMap<>();
        params.put("match", match);
        params.put("newId", personId != null ? personId : UUID.randomUUID().toString());
        params.put("now", now);
        Fragment entity;
        if (kind.hasKey()) {
            entity = MERGE_BY_KEY.fragment(new KeyParts(kind, CypherParts.when(kind.keyIncludesCountry(), AND_COUNTRY)));
        }
        else {
            entity = (personId != null ? MERGE_BY_ID : CREATE).fragment(new KindParts(kind));
        }
        return tx.run(LOCK.text(new LockParts(List.of(entity))), params).get(0);
    }

    static void checkVersion(Integer expected, boolean created, Map<String, Object> stored) {
        if (expected == null) {
            return;
        }
        long actual = created ? 0 : ((Number) stored.getOrDefault("version", 0L)).longValue();
        if (created || actual != expected) {
            throw new ConflictException("input.expectedVersion", created
                    ? "The entity did not exist (it may have been deleted); expected version " + expected
                    : "The entity was changed meanwhile: it is at version " + actual + ", not " + expected
                            + "; read it again and reapply your change");
        }
    }

    /** Refuses a date before the date the model says it may not precede ({@link PropertySpec#notBefore()}). */
    private static void checkDateOrder(NodeKind kind, Map<String, Object> merged) {
        for (PropertySpec spec : kind.properties()) {
            if (spec.notBefore() != null && merged.get(spec.notBefore()) instanceof LocalDate earlier
                    && merged.get(spec.name()) instanceof LocalDate later && later.isBefore(earlier)) {
                throw new InvalidInputException("input." + spec.name(), "(" + later + ") is before " + spec.notBefore()
                        + " (" + earlier + ")");
            }
        }
    }

    /**
     * The longest text a property may hold: a longer one is no name or title but a payload, and an
     * indexed property (a person's name) cannot hold one past Neo4j's index key size (8 kB).
     */
    static final int MAX_TEXT = 2_000;

    static Object applyRule(PropertySpec spec, String field, Object value) {
        Object text = value instanceof List<?> list ? list : List.of(value == null ? "" : value);
        for (Object item : (List<?>) text) {
            if (item instanceof String s && s.length() > MAX_TEXT) {
                throw new InvalidInputException(field, "is " + s.length() + " characters long; at most " + MAX_TEXT
                        + " are allowed");
            }
        }
        try {
            return spec.rule().apply(value);
        }
        catch (InvalidValueException ex) {
            throw new InvalidInputException(field, "'" + value + "' " + ex.getMessage());
        }
    }

    static List<String> caseNumbers(String field, List<String> cases) {
        List<String> normal = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            String number = InvalidInputException.check(field + "[" + i + "]", cases.get(i), KeyForm.CODE);
            if (!normal.contains(number)) {
                normal.add(number);
            }
        }
        return normal;
    }

    static List<String> sourceKeys(String field, List<String> sources) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            String key = InvalidInputException.check(field + "[" + i + "]", sources.get(i), KeyForm.TRIMMED);
            if (!keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /**
     * Refuses a source key that names no Source the caller may see. A Source of a case the caller is not
     * in is answered exactly as a key that does not exist (docs/security.md, "Writes"): that the two
     * answers differ would confirm that the hidden source exists.
     */
    static void requireSources(GraphTx tx, String field, List<String> keys, Visibility visibility) {
        if (keys.isEmpty()) {
            return;
        }
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        params.put("keys", keys);
        List<String> known = tx.run(VISIBLE_SOURCES, params).stream().map(r -> r.get("key").asString()).toList();
        for (String key : keys) {
            if (!known.contains(key)) {
                throw new InvalidInputException(field, "names the source '" + key
                        + "', which does not exist; create it first with upsertSource");
            }
        }
    }

    /** Cases are opened, changed and closed by administrators (and imports). */
    private static void requireCaseManager(NodeKind kind, Caller caller) {
        if (kind == NodeKind.CASE && !caller.hasRole("ADMIN")) {
            throw new ForbiddenException(null, "Only an administrator may open, change or delete a case");
        }
    }

    static void requireWriter(Caller caller) {
        if (!caller.mayWrite()) {
            throw new ForbiddenException(null, "You may read the graph but not change it");
        }
    }

    static RuntimeException translate(ClientException ex) {
        if (ex.code() != null && ex.code().startsWith("Neo.ClientError.Schema.ConstraintValidationFailed")) {
            return new ConflictException("input", "Another entity already has this key or id");
        }
        return ex;
    }

    static boolean sameValue(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.longValue() == y.longValue();
        }
        return Objects.equals(a, b);
    }

    /** A list of texts from an input, or null when it was left out. */
    @SuppressWarnings("unchecked")
    private static List<String> stringList(Object value) {
        return value == null ? null : (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    static List<String> listOf(Object value) {
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }

    static ZonedDateTime now() {
        return ZonedDateTime.now(ZoneOffset.UTC);
    }

}
