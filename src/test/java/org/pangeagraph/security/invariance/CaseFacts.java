package org.pangeagraph.security.invariance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.security.invariance.CaseGraph.Entity;
import org.pangeagraph.security.invariance.CaseGraph.Link;
import org.pangeagraph.support.TestGraph;

/**
 * Facts of cases a reader is not in, added to a base graph: entities of every kind, links between
 * entities the reader sees, parallel links beside links the reader sees, links from seen entities to
 * hidden ones, links among hidden ones, links that shorten paths and join criminal networks, and at
 * times more than fifty hidden links on one entity the reader sees (the store then regroups that
 * entity's links, so that any order taken from the store changes).
 */
public final class CaseFacts {

    /** How the facts reach the graph. */
    public enum Way {
        /** Straight through Cypher, as an import writes them, then the post-import pass. */
        CYPHER,
        /** Through the API's mutations, as an administrator. */
        MUTATIONS
    }

    private final CaseGraph facts;

    private final Way way;

    private CaseFacts(CaseGraph facts, Way way) {
        this.facts = facts;
        this.way = way;
    }

    public CaseGraph facts() {
        return this.facts;
    }

    public Way way() {
        return this.way;
    }

    /**
     * Random facts of the {@code hidden} case sets (each a set of cases the reader is not in) added to
     * {@code base}, of which {@code seen} are the entities the reader sees.
     */
    public static CaseFacts generate(CaseGraph base, Predicate<Entity> seen, Predicate<Link> linkSeen,
            List<List<String>> hidden, Way way, Random random) {
        CaseGraph facts = CaseGraph.additions(base, random);
        Function<Random, List<String>> cases = r -> hidden.get(r.nextInt(hidden.size()));
        List<Entity> visible = base.entities().stream().filter(seen).toList();
        for (NodeKind kind : NodeKind.values()) {
            if (random.nextInt(10) < 6) {
                facts.entity(kind, cases.apply(random));
            }
        }
        RelationshipType[] types = RelationshipType.values();
        for (int n = 4 + random.nextInt(6); n > 0; n--) {
            RelationshipType type = types[random.nextInt(types.length)];
            facts.randomLink(type, ofKinds(visible, type, true), ofKinds(visible, type, false), cases.apply(random));
        }
        List<Link> seenLinks = base.links().stream().filter(linkSeen).toList();
        for (int n = 1 + random.nextInt(3); n > 0 && !seenLinks.isEmpty(); n--) {
            Link beside = seenLinks.get(random.nextInt(seenLinks.size()));
            facts.link(beside.type(), beside.from(), beside.to(), cases.apply(random));
        }
        List<Entity> added = facts.entities();
        for (int n = 3 + random.nextInt(4); n > 0; n--) {
            RelationshipType type = types[random.nextInt(types.length)];
            if (random.nextBoolean()) {
                facts.randomLink(type, ofKinds(visible, type, true), ofKinds(added, type, false), cases.apply(random));
            }
            else {
                facts.randomLink(type, ofKinds(added, type, true), ofKinds(visible, type, false), cases.apply(random));
            }
        }
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            RelationshipType type = types[random.nextInt(types.length)];
            facts.randomLink(type, ofKinds(added, type, true), ofKinds(added, type, false), cases.apply(random));
        }
        // Joining networks: a storefront the reader sees paying into another's account, or redirecting to it.
        facts.randomLink(RelationshipType.ACCEPTS_PAYMENT_TO, ofKinds(visible, RelationshipType.ACCEPTS_PAYMENT_TO, true),
                ofKinds(visible, RelationshipType.ACCEPTS_PAYMENT_TO, false), cases.apply(random));
        facts.randomLink(RelationshipType.REDIRECTS_TO, ofKinds(visible, RelationshipType.REDIRECTS_TO, true),
                ofKinds(visible, RelationshipType.REDIRECTS_TO, false), cases.apply(random));
        if (way == Way.CYPHER && random.nextInt(10) < 4 && !visible.isEmpty()) {
            crowd(facts, visible.get(random.nextInt(visible.size())), cases.apply(random), random);
        }
        distinct(base, facts);
        return new CaseFacts(facts, way);
    }

    /**
     * Gives each added link a day of its own where it would be the same link as another (same type,
     * ends, source and validFrom): the API would then update that link, a fact the reader may see,
     * instead of adding one.
     */
    private static void distinct(CaseGraph base, CaseGraph facts) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        base.links().forEach(l -> keys.add(key(l)));
        for (Link link : facts.links()) {
            while (!keys.add(key(link))) {
                link.properties().put("validFrom", facts.date());
                link.properties().remove("validTo");
            }
        }
    }

    private static String key(Link link) {
        return link.type() + "|" + link.from().id() + "|" + link.to().id() + "|" + link.properties().get("source") + "|"
                + link.properties().get("validFrom");
    }

    /** More than fifty hidden links on one entity the reader sees, to hidden entities. */
    private static void crowd(CaseGraph facts, Entity entity, List<String> cases, Random random) {
        List<RelationshipType> fitting = new ArrayList<>();
        for (RelationshipType type : RelationshipType.values()) {
            if ((type.from().contains(entity.kind()) && crowdable(type.to()))
                    || (type.to().contains(entity.kind()) && crowdable(type.from()))) {
                fitting.add(type);
            }
        }
        RelationshipType type = fitting.get(random.nextInt(fitting.size()));
        boolean outgoing = type.from().contains(entity.kind()) && crowdable(type.to());
        NodeKind other = (outgoing ? type.to() : type.from()).stream().filter(k -> k != NodeKind.COUNTRY)
            .min(Comparator.naturalOrder()).orElseThrow();
        for (int n = 55 + random.nextInt(10); n > 0; n--) {
            Entity hidden = facts.entity(other, cases);
            if (outgoing) {
                facts.link(type, entity, hidden, cases);
            }
            else {
                facts.link(type, hidden, entity, cases);
            }
        }
    }

    /** Kinds of which sixty more can be made (countries have a handful of codes). */
    private static boolean crowdable(java.util.Set<NodeKind> kinds) {
        return kinds.stream().anyMatch(k -> k != NodeKind.COUNTRY);
    }

    private static List<Entity> ofKinds(List<Entity> entities, RelationshipType type, boolean from) {
        return entities.stream().filter(e -> (from ? type.from() : type.to()).contains(e.kind())).toList();
    }

    /**
     * Writes a graph of facts straight through Cypher, as an import writes them, then the post-import
     * pass. Facts {@code added} to a base are marked ({@code _added}, an internal property the API never
     * shows) so that they can be removed again.
     */
    public static void writeWithCypher(TestGraph graph, CaseGraph facts, boolean added) {
        Map<NodeKind, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        for (Entity entity : facts.entities()) {
            Map<String, Object> row = new HashMap<>(entity.properties());
            row.put("id", entity.id());
            if (added) {
                row.put("_added", true);
            }
            if (!entity.cases().isEmpty()) {
                row.put("cases", entity.cases());
            }
            rows.computeIfAbsent(entity.kind(), k -> new ArrayList<>()).add(row);
        }
        rows.forEach((kind, list) -> graph.write("UNWIND $rows AS row CREATE (n:" + kind.label() + ") SET n = row",
                Map.of("rows", list)));
        Map<String, List<Map<String, Object>>> links = new LinkedHashMap<>();
        for (Link link : facts.links()) {
            Map<String, Object> props = new HashMap<>(link.properties());
            if (added) {
                props.put("_added", true);
            }
            if (!link.cases().isEmpty()) {
                props.put("cases", link.cases());
            }
            String pattern = "(a:" + link.from().kind().label() + " {id: row.from}), (b:" + link.to().kind().label()
                    + " {id: row.to}) CREATE (a)-[r:" + link.type().cypherName() + "]->(b)";
            links.computeIfAbsent(pattern, k -> new ArrayList<>())
                .add(Map.of("from", link.from().id(), "to", link.to().id(), "props", props));
        }
        links.forEach((pattern, list) -> graph.write("UNWIND $rows AS row MATCH " + pattern + " SET r = row.props",
                Map.of("rows", list)));
        new org.pangeagraph.db.GraphNormaliser(graph.db()).run();
        new org.pangeagraph.db.GraphVersion(graph.db()).bump();
    }

    /**
     * Writes a graph of facts through the API as an administrator: an upsert for each entity (a person by
     * the id given), then a link for each link. {@code mutate} sends a mutation and returns its answer.
     */
    public static void writeWithMutations(CaseGraph facts, Function<String, String> mutate) {
        Map<Entity, String> ids = new HashMap<>();
        for (Entity entity : facts.entities()) {
            Map<String, Object> input = new LinkedHashMap<>();
            if (entity.kind() == NodeKind.PERSON) {
                input.put("id", entity.id());
            }
            entity.properties().forEach((name, value) -> input.put(name, inputValue(name, value)));
            input.put("cases", entity.cases());
            String field = Character.toLowerCase(entity.kind().label().charAt(0)) + entity.kind().label().substring(1);
            String answer = mutate.apply("mutation { upsert" + entity.kind().label() + "(input: " + Literal.of(input) + ") { "
                    + field + " { id } } }");
            ids.put(entity, com.jayway.jsonpath.JsonPath.read(answer, "$.data.upsert" + entity.kind().label() + "." + field + ".id"));
        }
        for (Link link : facts.links()) {
            String answer = mutate.apply(linkMutation(link, ids.getOrDefault(link.from(), link.from().id()),
                    ids.getOrDefault(link.to(), link.to().id()), link.cases()));
            if (!answer.contains("\"created\":true")) {
                throw new AssertionError("The administrator's link was not written: " + answer);
            }
        }
    }

    /** The {@code link} mutation that writes {@code link} between the entities of these ids, with its provenance and {@code cases}. */
    static String linkMutation(Link link, String fromId, String toId, List<String> cases) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("type", Literal.enumValue(link.type()));
        input.put("from", Map.of("id", fromId));
        input.put("to", Map.of("id", toId));
        input.putAll(link.properties());
        input.put("cases", cases);
        return "mutation { link(input: " + Literal.of(input) + ") { created } }";
    }

    /** Enum-valued properties are written bare in an input; the rest as they are. */
    private static Object inputValue(String name, Object value) {
        boolean enumValued = List.of("status", "kind", "category").contains(name);
        if (enumValued) {
            return new Literal.EnumValue((String) value);
        }
        if (name.equals("categories")) {
            return ((List<?>) value).stream().map(v -> new Literal.EnumValue((String) v)).toList();
        }
        return value;
    }

}
