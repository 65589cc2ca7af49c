package org.pangeagraph.entity;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.neo4j.driver.Record;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.db.GraphDb.GraphTx;
import org.pangeagraph.db.GraphVersion;
import org.pangeagraph.model.Caller;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.CypherTemplate.Fragment;
import org.pangeagraph.model.ForbiddenException;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.KeyForm;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.NotFoundException;
import org.pangeagraph.model.PropertySpec;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.model.Visibility;
import org.springframework.stereotype.Component;

/**
 * Writes and removes links. A link is identified by its type, its two ends, its source and its
 * {@code validFrom}: the same link sent again updates its provenance and creates nothing, while the
 * same pair linked by another source, or for another period, is a link of its own.
 */
@Component
public class LinkWriter {

    private record TypeParts(RelationshipType type) {
    }

    /** A link of the type, between its ends, with its link key: made if there is none, unless the caller may not change it. */
    private static final CypherTemplate<TypeParts> WRITE = CypherTemplate.of(TypeParts.class, """
            MATCH (a) WHERE elementId(a) = $from
            MATCH (b) WHERE elementId(b) = $to
            MERGE (a)-[r:{{type}} {linkKey: $linkKey}]->(b)
            ON CREATE SET r.id = $newId, r.recordedAt = $now, r.recordedBy = $user, r._created = true
            WITH r, coalesce(r._created, false) AS created, r {.*} AS before
            WHERE created OR writable(r)
            SET r += $props
            REMOVE r._created
            RETURN created, r {.*} AS link, created OR before <> r {.*} AS changed
            """);

    private record BranchParts(List<Fragment> union, RelationshipType type) {
    }

    private static final Fragment UNION_ALL = CypherTemplate.constant("  UNION ALL\n");

    /** The link of one type with the id: a branch for each type, each a seek in the type's index of link ids. */
    private static final CypherTemplate<BranchParts> BY_ID_OF_TYPE = CypherTemplate.of(BranchParts.class, """
            {{union}}  MATCH (a)-[r:{{type}} {id: $linkId}]->(b) RETURN r, a, b
            """);

    private record BranchesParts(List<Fragment> branches) {
    }

    /** The link with the id, if the caller sees it and its ends. */
    private static final String BY_ID = CypherTemplate.of(BranchesParts.class, """
            CALL () {
            {{branches}}}
            WITH r, a, b
            WHERE visible(r) AND visible(a) AND visible(b)
            RETURN elementId(r) AS eid, r.cases AS cases
            """).text(new BranchesParts(Arrays.stream(RelationshipType.values())
                .map(t -> BY_ID_OF_TYPE.fragment(new BranchParts(CypherParts.before(t.ordinal(), UNION_ALL), t))).toList()));

    /** The links of the type between two entities, of one source if given, that the caller sees. */
    private static final CypherTemplate<TypeParts> BETWEEN = CypherTemplate.of(TypeParts.class, """
            MATCH (a)-[r:{{type}}]->(b)
            WHERE elementId(a) = $from AND elementId(b) = $to AND ($source IS NULL OR r.source = $source) AND visible(r)
            RETURN elementId(r) AS eid, r.cases AS cases
            """);

    private static final String DELETE = CypherTemplate.statement("""
            UNWIND $eids AS eid
            MATCH ()-[r]->() WHERE elementId(r) = eid
            DELETE r
            """);

    private static final String END_BY_ID = CypherTemplate.statement("""
            MATCH (n:Entity {id: $id})
            WHERE visible(n)
            RETURN elementId(n) AS eid, n {.*} AS props, labels(n) AS labels
            """);

    private record KeyParts(NodeKind kind, List<Fragment> country) {
    }

    private static final CypherTemplate<KeyParts> END_BY_KEY = CypherTemplate.of(KeyParts.class, """
            MATCH (n:{{kind}} {{{kind.key}}: $key})
            WHERE visible(n){{country}}
            RETURN elementId(n) AS eid, n {.*} AS props, labels(n) AS labels
            """);

    private final GraphDb db;

    public LinkWriter(GraphDb db) {
        this.db = db;
    }

    /** What {@code link} did. */
    public record Written(boolean created, LinkView link, Node from, Node to) {
    }

    public Written link(LinkInput input, Caller caller) {
        EntityWriter.requireWriter(caller);
        RelationshipType type = input.type();
        Map<String, Object> props = provenance(input, caller);
        String linkKey = (input.source() == null ? "" : input.source().strip()) + "|"
                + (input.validFrom() == null ? "" : input.validFrom().toString());
        return this.db.write(tx -> {
            if (props.get("source") instanceof String source) {
                EntityWriter.requireSources(tx, "input.source", List.of(source), caller.visibility());
            }
            Resolved from = resolve(tx, "input.from", input.from(), caller.visibility());
            Resolved to = resolve(tx, "input.to", input.to(), caller.visibility());
            if (!type.joins(from.node().kind(), to.node().kind())) {
                throw new InvalidInputException("input.type", type + " joins " + labels(type.from()) + " to "
                        + labels(type.to()) + ", not " + from.node().kind().label() + " to " + to.node().kind().label());
            }
            if (from.eid().equals(to.eid())) {
                throw new InvalidInputException("input.to", "is the same entity as input.from; a link joins two entities");
            }
            Map<String, Object> params = new HashMap<>();
            params.put("from", from.eid());
            params.put("to", to.eid());
            params.put("linkKey", linkKey);
            params.put("props", props);
            params.put("newId", UUID.randomUUID().toString());
            params.put("now", EntityWriter.now());
            params.put("user", caller.name());
            params.putAll(caller.visibility().parameters());
            params.put("writable", caller.writableCases());
            List<Record> written = tx.run(WRITE.text(new TypeParts(type)), params);
            if (written.isEmpty()) {
                // The same link exists, of a case the caller may not change (seen or not: the same answer).
                throw new ForbiddenException("input", "This link belongs to a case you are not a member of; it cannot be written");
            }
            Record r = written.get(0);
            boolean created = r.get("created").asBoolean();
            if (created || r.get("changed").asBoolean()) {
                GraphVersion.bump(tx);
            }
            return new Written(created, new LinkView(type, r.get("link").asMap()), from.node(), to.node());
        });
    }

    /** Removes the links {@code input} names; returns how many. */
    public int unlink(UnlinkInput input, Caller caller) {
        EntityWriter.requireWriter(caller);
        Map<String, Object> params = new HashMap<>(caller.visibility().parameters());
        return this.db.write(tx -> {
            List<Record> links;
            if (input.linkId() != null) {
                params.put("linkId", input.linkId());
                links = tx.run(BY_ID, params);
            }
            else {
                if (input.type() == null || input.from() == null || input.to() == null) {
                    throw new InvalidInputException("input", "needs either linkId, or type, from and to");
                }
                Resolved from = resolve(tx, "input.from", input.from(), caller.visibility());
                Resolved to = resolve(tx, "input.to", input.to(), caller.visibility());
                params.put("from", from.eid());
                params.put("to", to.eid());
                params.put("source", input.source() == null ? null : input.source().strip());
                links = tx.run(BETWEEN.text(new TypeParts(input.type())), params);
            }
            for (Record link : links) {
                List<String> cases = link.get("cases").isNull() ? List.of() : link.get("cases").asList(v -> v.asString());
                if (!caller.mayTag(cases)) {
                    throw new ForbiddenException("input", "A link to remove belongs to a case you may not write to");
                }
            }
            List<String> eids = links.stream().map(l -> l.get("eid").asString()).toList();
            if (!eids.isEmpty()) {
                tx.run(DELETE, Map.of("eids", eids));
                GraphVersion.bump(tx);
            }
            return eids.size();
        });
    }

    private record Resolved(String eid, Node node) {
    }

    /**
     * The entity a link end names, if visible. An end given both an id and a kind (and key) must name one
     * entity by both: one that names another, or none, is a contradictory reference and refused, never
     * settled by taking the id.
     */
    private static Resolved resolve(GraphTx tx, String field, EntityRef ref, Visibility visibility) {
        if (ref.id() == null || (ref.kind() == null && ref.key() == null && ref.country() == null)) {
            return resolveOne(tx, field, ref, visibility);
        }
        Resolved byId = resolveOne(tx, field, new EntityRef(ref.id(), null, null, null), visibility);
        boolean agrees = ref.kind() == null || ref.kind() == byId.node().kind();
        if (agrees && ref.key() != null) {
            if (ref.kind() == null) {
                throw new InvalidInputException(field + ".kind", "is required with key");
            }
            Resolved byKey;
            try {
                byKey = resolveOne(tx, field, new EntityRef(null, ref.kind(), ref.key(), ref.country()), visibility);
            }
            catch (NotFoundException ex) {
                byKey = null;
            }
            agrees = byKey != null && byKey.eid().equals(byId.eid());
        }
        if (!agrees) {
            throw new InvalidInputException(field, "gives an id and a kind or key that do not name the same entity; "
                    + "give either the id or the kind and key");
        }
        return byId;
    }

    private static Resolved resolveOne(GraphTx tx, String field, EntityRef ref, Visibility visibility) {
        Map<String, Object> params = new HashMap<>(visibility.parameters());
        String cypher;
        String what;
        if (ref.id() != null) {
            params.put("id", ref.id());
            cypher = END_BY_ID;
            what = "entity with id " + ref.id();
        }
        else if (ref.kind() != null && ref.key() != null) {
            NodeKind kind = ref.kind();
            if (!kind.hasKey()) {
                throw new InvalidInputException(field + ".key", "cannot find a " + kind.label() + " by key; give its id");
            }
            params.put("key", InvalidInputException.check(field + ".key", ref.key(), kind.keyForm()));
            if (kind.keyIncludesCountry()) {
                if (ref.country() == null) {
                    throw new InvalidInputException(field + ".country", "is required to find a company");
                }
                params.put("country", InvalidInputException.check(field + ".country", ref.country(), KeyForm.COUNTRY_CODE));
            }
            cypher = END_BY_KEY.text(new KeyParts(kind, CypherParts.country(kind)));
            what = kind.label() + " " + ref.key();
        }
        else {
            throw new InvalidInputException(field, "needs either id, or kind and key");
        }
        List<Record> found = tx.run(cypher, params);
        if (found.isEmpty()) {
            throw new NotFoundException(field, what);
        }
        return new Resolved(found.get(0).get("eid").asString(), EntityReader.node(found.get(0)));
    }

    private static Map<String, Object> provenance(LinkInput input, Caller caller) {
        RelationshipType type = input.type();
        if (type == null) {
            throw new InvalidInputException("input.type", "is required");
        }
        Map<String, Object> props = new LinkedHashMap<>();
        if (input.source() != null) {
            props.put("source", InvalidInputException.check("input.source", input.source(), KeyForm.TRIMMED));
        }
        if (input.grade() != null) {
            props.put("grade", EntityWriter.applyRule(RelationshipType.PROVENANCE.get(1), "input.grade", input.grade()));
        }
        LocalDate from = input.validFrom();
        LocalDate to = input.validTo();
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("input.validTo", "(" + to + ") is before validFrom (" + from + ")");
        }
        putIfPresent(props, "validFrom", from);
        putIfPresent(props, "validTo", to);
        if (input.cases() != null) {
            List<String> cases = EntityWriter.caseNumbers("input.cases", input.cases());
            if (!caller.mayTag(cases)) {
                throw new ForbiddenException("input.cases", "You may only tag facts with the cases you are a member of");
            }
            props.put("cases", cases);
        }
        for (Map.Entry<String, Object> entry : input.particular().entrySet()) {
            PropertySpec spec = type.properties().stream().filter(p -> p.name().equals(entry.getKey())).findFirst()
                .orElseThrow(() -> new InvalidInputException("input." + entry.getKey(),
                        "does not apply to " + type + " links"));
            Object value = EntityWriter.applyRule(spec, "input." + spec.name(), entry.getValue());
            putIfPresent(props, spec.name(), value);
        }
        return props;
    }

    private static void putIfPresent(Map<String, Object> props, String name, Object value) {
        if (value != null) {
            props.put(name, value);
        }
    }

    private static String labels(java.util.Set<NodeKind> kinds) {
        return kinds.stream().map(NodeKind::label).collect(Collectors.joining(" or "));
    }

}
