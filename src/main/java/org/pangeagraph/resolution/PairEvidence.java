package org.pangeagraph.resolution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.entity.Node;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.JudgementType;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.model.Visibility;
import org.springframework.stereotype.Component;

/**
 * What the graph says about candidate pairs beyond their entities' values, read for the caller at the
 * time of asking, so that nothing they may not see counts: whether they may see both entities (a pair
 * is shown only then), the standing judgements on the pair they may see, the items both entities reach
 * by the same kind of link (a person's e-mail address or account, a website's payment account,
 * registrant, contact or IP address), and for websites, takedowns and when the other was first seen.
 * One statement per page of pairs.
 */
@Component
class PairEvidence {

    /** Pairs read per statement. */
    static final int PAGE = 2_000;

    /** The most that items in common add to a pair, in log-odds. */
    static final double MAX_SHARED = 4.0;

    /** An IP address serving more links than this is a shared host: two sites on it say nothing. */
    static final int SHARED_HOST_DEGREE = 50;

    /** A kind of link two entities both have to one item, and what that says. */
    record Shared(RelationshipType type, String feature, double weight, String words) {
    }

    static final Map<NodeKind, List<Shared>> SHARED = new EnumMap<>(Map.of(
            NodeKind.PERSON, List.of(new Shared(RelationshipType.USES, "SHARED_CONTACT", 2.0, "both use"),
                    new Shared(RelationshipType.HELD_BY, "SHARED_ACCOUNT", 2.0, "both hold")),
            NodeKind.COMPANY, List.of(new Shared(RelationshipType.USES, "SHARED_CONTACT", 2.0, "both use"),
                    new Shared(RelationshipType.HELD_BY, "SHARED_ACCOUNT", 2.0, "both hold")),
            NodeKind.WEBSITE, List.of(new Shared(RelationshipType.ACCEPTS_PAYMENT_TO, "SHARED_PAYMENT_ACCOUNT", 2.0, "both take payment into"),
                    new Shared(RelationshipType.REGISTERED_BY, "SHARED_REGISTRANT", 2.0, "both registered by"),
                    new Shared(RelationshipType.LISTS_CONTACT, "SHARED_CONTACT", 1.5, "both list"),
                    new Shared(RelationshipType.HOSTED_AT, "SHARED_IP", 0.5, "both hosted at"))));

    private record ReadParts(List<JudgementType> judgements, List<RelationshipType> shared) {
    }

    /**
     * For each pair: both entities, when the caller may see them; the standing judgements on it they may
     * see; the items both reach by one of the pair's kinds of link ({@code pair.types}, of the types in
     * {@link #SHARED}), with how many links each item has; and for websites, when each was taken down.
     */
    static final String READ = CypherTemplate.of(ReadParts.class, """
            UNWIND $pairs AS pair
            MATCH (a:Entity {id: pair.a}) WHERE visible(a)
            MATCH (b:Entity {id: pair.b}) WHERE visible(b)
            CALL (a, b) {
              MATCH (a)-[j:{{judgements}}]-(b) WHERE standing(j) AND visible(j)
              RETURN collect(j {.*, __type: type(j), __start: startNode(j).id}) AS judgements
            }
            CALL (a, b, pair) {
              WITH a, b, pair WHERE size(pair.types) > 0
              MATCH (a)-[r1:{{shared}}]-(i:Entity)-[r2:{{shared}}]-(b)
              WHERE type(r1) IN pair.types AND type(r2) = type(r1) AND i <> a AND i <> b AND visible(r1) AND visible(r2) AND visible(i)
              WITH DISTINCT type(r1) AS type, i
              RETURN collect({type: type, item: i {.*, __labels: labels(i)}, degree: COUNT { (i)--() }}) AS shared
            }
            CALL (a, pair) {
              WITH a, pair WHERE pair.websites
              MATCH (a)<-[t:TOOK_DOWN]-(o:Entity) WHERE visible(t) AND visible(o)
              RETURN min(coalesce(t.date, o.endDate)) AS aDown
            }
            CALL (b, pair) {
              WITH b, pair WHERE pair.websites
              MATCH (b)<-[t:TOOK_DOWN]-(o:Entity) WHERE visible(t) AND visible(o)
              RETURN min(coalesce(t.date, o.endDate)) AS bDown
            }
            RETURN pair.a AS a, pair.b AS b, a {.*, __labels: labels(a)} AS aNode, b {.*, __labels: labels(b)} AS bNode,
                   judgements, shared, aDown, bDown
            """).text(new ReadParts(List.of(JudgementType.values()), SHARED.values().stream().flatMap(List::stream)
                .map(Shared::type).distinct().sorted(Comparator.comparing(RelationshipType::cypherName)).toList()));

    private final GraphDb db;

    PairEvidence(GraphDb db) {
        this.db = db;
    }

    /** A pair the caller may see, with its entities, the judgements on it, and the features of its links. */
    record Read(Node a, Node b, List<Views.JudgementView> judgements, List<Feature> features, Map<String, Node> items) {
    }

    /** The pairs of {@code candidates} the caller may see, each with what the graph says of it, by pair key. */
    Map<String, Read> read(List<CandidateIndex.Candidate> candidates, Visibility visibility) {
        Map<String, Read> found = new HashMap<>();
        for (int from = 0; from < candidates.size(); from += PAGE) {
            List<Map<String, Object>> pairs = new ArrayList<>();
            for (CandidateIndex.Candidate c : candidates.subList(from, Math.min(candidates.size(), from + PAGE))) {
                List<String> types = SHARED.getOrDefault(c.kind(), List.of()).stream().map(s -> s.type().cypherName()).toList();
                pairs.add(Map.of("a", c.a(), "b", c.b(), "types", types, "websites", c.kind() == NodeKind.WEBSITE));
            }
            Map<String, Object> params = new HashMap<>(visibility.parameters());
            params.put("pairs", pairs);
            for (Record r : this.db.query(READ, params, r -> r)) {
                found.put(key(r.get("a").asString(), r.get("b").asString()), read(r));
            }
        }
        return found;
    }

    static String key(String a, String b) {
        return a + "|" + b;
    }

    private static Read read(Record r) {
        Node a = Views.node(r.get("aNode"));
        Node b = Views.node(r.get("bNode"));
        List<Views.JudgementView> judgements = new ArrayList<>();
        for (Value j : r.get("judgements").values()) {
            Map<String, Object> props = new HashMap<>(j.asMap());
            Verdict verdict = Verdict.of(JudgementType.valueOf((String) props.remove("__type")));
            boolean forward = a.id().equals(props.remove("__start"));
            judgements.add(Views.JudgementView.of(props, verdict, forward ? a : b, forward ? b : a));
        }
        judgements.sort(Comparator.comparing(Views.JudgementView::judgedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        Map<String, Node> items = new LinkedHashMap<>();
        List<Feature> features = new ArrayList<>(shared(a.kind(), r.get("shared"), items));
        successor(a, b, r.get("aDown"), r.get("bDown"), features);
        return new Read(a, b, judgements, features, items);
    }

    /** The items both reach, weighed, at most {@link #MAX_SHARED} in all. */
    private static List<Feature> shared(NodeKind kind, Value shared, Map<String, Node> items) {
        List<Feature> features = new ArrayList<>();
        double total = 0;
        List<Value> rows = new ArrayList<>();
        shared.values().forEach(rows::add);
        rows.sort(Comparator.comparing((Value v) -> v.get("type").asString()).thenComparing(v -> v.get("item").get("id").asString("")));
        for (Value row : rows) {
            Shared how = SHARED.getOrDefault(kind, List.of()).stream().filter(s -> s.type().name().equals(row.get("type").asString()))
                .findFirst().orElse(null);
            Node item = Views.node(row.get("item"));
            if (how == null || item.id() == null
                    || (how.type() == RelationshipType.HOSTED_AT && row.get("degree").asLong() > SHARED_HOST_DEGREE)) {
                continue;
            }
            double weight = Math.min(how.weight(), MAX_SHARED - total);
            total += weight;
            items.put(item.id(), item);
            features.add(new Feature(how.feature(), 1, weight, how.words() + " " + item.kind().label() + " " + item.caption(),
                    List.of(item.id())));
        }
        return features;
    }

    /** A website that appeared after the other was taken down: a successor. */
    private static void successor(Node a, Node b, Value aDown, Value bDown, List<Feature> features) {
        for (int side = 0; side < 2; side++) {
            Node original = side == 0 ? a : b;
            Node next = side == 0 ? b : a;
            Value down = side == 0 ? aDown : bDown;
            if (down.isNull() || !(next.get("firstSeen") instanceof LocalDate seen)) {
                continue;
            }
            LocalDate takenDown = down.asLocalDate();
            if (!seen.isBefore(takenDown)) {
                features.add(Feature.of("SUCCESSOR", 1, 1.5, next.caption() + " first seen " + seen + ", after " + original.caption()
                        + " was taken down on " + takenDown));
                return;
            }
        }
    }

}
