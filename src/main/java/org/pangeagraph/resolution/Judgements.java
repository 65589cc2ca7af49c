package org.pangeagraph.resolution;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.neo4j.driver.Record;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.db.GraphVersion;
import org.pangeagraph.entity.Node;
import org.pangeagraph.model.Caller;
import org.pangeagraph.model.ConflictException;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.CypherTemplate.Fragment;
import org.pangeagraph.model.ForbiddenException;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.JudgementType;
import org.pangeagraph.model.KeyForm;
import org.pangeagraph.model.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Writes judgements: a relationship between the two entities ({@code SAME_AS}, {@code NOT_SAME_AS} or
 * {@code UNSURE_SAME_AS}, from the lesser id to the greater) with the candidate's score, the user, the
 * time, a note and cases of its own; the entities themselves are never rewritten. A user judging a pair
 * again supersedes their own standing judgement on it. Retracting a judgement marks it retracted (by
 * whom, when, why), so that what was said stays on record; a retracted judgement counts nowhere.
 */
@Component
class Judgements {

    /** The longest note a judgement takes. */
    static final int MAX_NOTE = 2_000;

    /** Both entities of a pair, each when it exists and the caller may see it. */
    private static final String ENDS = CypherTemplate.statement("""
            OPTIONAL MATCH (a:Entity {id: $a}) WHERE visible(a)
            OPTIONAL MATCH (b:Entity {id: $b}) WHERE visible(b)
            RETURN CASE WHEN a IS NULL THEN null ELSE a {.*, __labels: labels(a)} END AS a,
                   CASE WHEN b IS NULL THEN null ELSE b {.*, __labels: labels(b)} END AS b
            """);

    private record TypesParts(List<JudgementType> types) {
    }

    /** The caller's own standing judgements on the pair, of any type, which they may change: marked superseded. */
    static final String SUPERSEDE = CypherTemplate.of(TypesParts.class, """
            MATCH (a:Entity {id: $a})-[j:{{types}}]-(b:Entity {id: $b})
            WHERE standing(j) AND j.judgedBy = $user AND writable(j)
            SET j.retractedAt = $now, j.retractedBy = $user, j.retractionNote = 'superseded by ' + $id
            RETURN count(j) AS superseded
            """).text(new TypesParts(List.of(JudgementType.values())));

    private record TypeParts(JudgementType type) {
    }

    /** A judgement of one type, from the lesser id to the greater. */
    private static final CypherTemplate<TypeParts> CREATE = CypherTemplate.of(TypeParts.class, """
            MATCH (x:Entity {id: $from}), (y:Entity {id: $to})
            CREATE (x)-[j:{{type}}]->(y)
            SET j = $props
            RETURN j {.*} AS judgement
            """);

    /** What comes between two branches of a UNION. */
    private static final Fragment UNION = CypherTemplate.constant("  UNION ALL\n");

    private record ByIdParts(List<Fragment> union, JudgementType type) {
    }

    /** The judgement with {@code $id} among those of one type (a branch for each type: each has its id index). */
    private static final CypherTemplate<ByIdParts> BY_ID = CypherTemplate.of(ByIdParts.class, """
            {{union}}  MATCH (a)-[j:{{type}} {id: $id}]->(b) RETURN j, a, b
            """);

    private record FindParts(List<Fragment> byId) {
    }

    /** A judgement by id, whichever its type, when the caller may see it and both its entities; whether they may change it. */
    static final String FIND = CypherTemplate.of(FindParts.class, """
            CALL () {
            {{byId}}}
            WITH j, a, b WHERE visible(j) AND visible(a) AND visible(b)
            RETURN elementId(j) AS eid, type(j) AS type, j {.*} AS judgement, writable(j) AS writable,
                   a {.*, __labels: labels(a)} AS a, b {.*, __labels: labels(b)} AS b
            """).text(new FindParts(Arrays.stream(JudgementType.values())
                .map(t -> BY_ID.fragment(new ByIdParts(t.ordinal() == 0 ? List.of() : List.of(UNION), t))).toList()));

    private static final String RETRACT = CypherTemplate.statement("""
            MATCH ()-[j]->() WHERE elementId(j) = $eid
            SET j.retractedAt = $now, j.retractedBy = $user, j.retractionNote = $note
            RETURN j {.*} AS judgement
            """);

    private final GraphDb db;

    private final CandidateQuery candidates;

    Judgements(GraphDb db, CandidateQuery candidates) {
        this.db = db;
        this.candidates = candidates;
    }

    /** What to judge. */
    record JudgementInput(String a, String b, Verdict verdict, String note, List<String> cases) {
    }

    /** What a judgement or retraction did. */
    record JudgementPayload(Views.JudgementView judgement, int superseded) {
    }

    JudgementPayload judge(JudgementInput input, Caller caller) {
        requireWriter(caller);
        if (input.verdict() == null) {
            throw new InvalidInputException("input.verdict", "is required");
        }
        String a = InvalidInputException.check("input.a", Objects.requireNonNullElse(input.a(), ""), KeyForm.TRIMMED);
        String b = InvalidInputException.check("input.b", Objects.requireNonNullElse(input.b(), ""), KeyForm.TRIMMED);
        if (a.equals(b)) {
            throw new InvalidInputException("input.b", "is the same entity as input.a; a judgement is about two entities");
        }
        String note = note("input.note", input.note());
        List<String> cases = cases(input.cases(), caller);
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        String id = UUID.randomUUID().toString();
        Map<String, Object> params = new HashMap<>(caller.visibility().parameters());
        params.put("a", a);
        params.put("b", b);
        // In a mutation, this read and the writes below are one transaction.
        Record ends = this.db.read(tx -> tx.run(ENDS, params)).get(0);
        if (ends.get("a").isNull()) {
            throw new NotFoundException("input.a", "entity with id " + a);
        }
        if (ends.get("b").isNull()) {
            throw new NotFoundException("input.b", "entity with id " + b);
        }
        Node first = Views.node(ends.get("a"));
        Node second = Views.node(ends.get("b"));
        if (first.kind() != second.kind()) {
            throw new InvalidInputException("input.b", "is a " + second.kind().label() + " and input.a a " + first.kind().label()
                    + "; a judgement is about two entities of one kind");
        }
        Double score = this.candidates.score(first, second, caller.visibility());
        return this.db.write(tx -> {
            params.put("user", caller.name());
            params.put("writable", caller.writableCases());
            params.put("now", now);
            params.put("id", id);
            int superseded = tx.run(SUPERSEDE, params).get(0).get("superseded").asInt();
            Map<String, Object> props = new HashMap<>();
            props.put("id", id);
            props.put("judgedBy", caller.name());
            props.put("judgedAt", now);
            props.put("recordedBy", caller.name());
            props.put("recordedAt", now);
            props.put("cases", cases);
            if (score != null) {
                props.put("score", score);
            }
            if (note != null) {
                props.put("note", note);
            }
            Node from = a.compareTo(b) < 0 ? first : second;
            Node to = a.compareTo(b) < 0 ? second : first;
            Map<String, Object> create = Map.of("from", from.id(), "to", to.id(), "props", props);
            Map<String, Object> stored = tx.run(CREATE.text(new TypeParts(input.verdict().type())), create).get(0).get("judgement")
                .asMap();
            GraphVersion.bump(tx);
            return new JudgementPayload(Views.JudgementView.of(stored, input.verdict(), from, to), superseded);
        });
    }

    JudgementPayload retract(String id, String note, Caller caller) {
        requireWriter(caller);
        String why = note("note", note);
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        return this.db.write(tx -> {
            Map<String, Object> params = new HashMap<>(caller.visibility().parameters());
            params.put("id", id);
            params.put("writable", caller.writableCases());
            List<Record> found = tx.run(FIND, params);
            if (found.isEmpty()) {
                throw new NotFoundException("id", "judgement with id " + id);
            }
            Record r = found.get(0);
            Map<String, Object> stored = r.get("judgement").asMap();
            if (stored.get("retractedAt") != null) {
                throw new ConflictException("id", "was retracted already, on " + stored.get("retractedAt") + " by " + stored.get("retractedBy"));
            }
            if (!r.get("writable").asBoolean()) {
                throw new ForbiddenException("id", "This judgement belongs to a case you are not a member of; it cannot be retracted");
            }
            Map<String, Object> change = new HashMap<>();
            change.put("eid", r.get("eid").asString());
            change.put("now", now);
            change.put("user", caller.name());
            change.put("note", why);
            Map<String, Object> after = tx.run(RETRACT, change).get(0).get("judgement").asMap();
            GraphVersion.bump(tx);
            return new JudgementPayload(Views.JudgementView.of(after, Verdict.of(JudgementType.valueOf(r.get("type").asString())),
                    Views.node(r.get("a")), Views.node(r.get("b"))), 0);
        });
    }

    private static String note(String field, String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        if (note.length() > MAX_NOTE) {
            throw new InvalidInputException(field, "is " + note.length() + " characters long; at most " + MAX_NOTE + " are allowed");
        }
        return note.strip();
    }

    private static List<String> cases(List<String> cases, Caller caller) {
        List<String> normal = new ArrayList<>();
        if (cases != null) {
            for (int i = 0; i < cases.size(); i++) {
                String number = InvalidInputException.check("input.cases[" + i + "]", cases.get(i), KeyForm.CODE);
                if (!normal.contains(number)) {
                    normal.add(number);
                }
            }
        }
        if (!caller.mayTag(normal)) {
            throw new ForbiddenException("input.cases", "You may only tag facts with the cases you are a member of");
        }
        return normal;
    }

    private static void requireWriter(Caller caller) {
        if (!caller.mayWrite()) {
            throw new ForbiddenException(null, "You may read the graph but not change it");
        }
    }

}
