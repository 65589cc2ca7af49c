package org.pangeagraph.security.invariance;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.pangeagraph.db.GraphVersion;
import org.pangeagraph.model.JudgementType;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.security.invariance.CaseGraph.Entity;
import org.pangeagraph.support.TestGraph;

/**
 * Entity-resolution judgements of cases a reader is not in: SAME_AS, NOT_SAME_AS and UNSURE_SAME_AS
 * between two entities of one kind, seen or hidden, written straight through Cypher (as the
 * application stores them, from the lesser id to the greater) or by {@code judgeCandidate} as an
 * administrator. A hidden judgement must neither show nor take a pair out of the reader's candidates.
 */
public final class CaseJudgements {

    /** One judgement: its type, its two entities and its cases. */
    public record Judgement(JudgementType type, Entity a, Entity b, List<String> cases) {
    }

    private CaseJudgements() {
    }

    /** Two to four judgements between entities of one kind of {@code entities}, each of one of the {@code hidden} case sets. */
    public static List<Judgement> generate(List<Entity> entities, List<List<String>> hidden, Random random) {
        List<Judgement> judgements = new ArrayList<>();
        List<NodeKind> kinds = List.of(NodeKind.PERSON, NodeKind.COMPANY, NodeKind.WEBSITE, NodeKind.PAYMENT_ACCOUNT);
        for (int n = 2 + random.nextInt(3); n > 0; n--) {
            NodeKind kind = kinds.get(random.nextInt(kinds.size()));
            List<Entity> ofKind = entities.stream().filter(e -> e.kind() == kind).toList();
            if (ofKind.size() < 2) {
                continue;
            }
            Entity a = ofKind.get(random.nextInt(ofKind.size()));
            Entity b = ofKind.get(random.nextInt(ofKind.size()));
            if (a.equals(b)) {
                continue;
            }
            JudgementType type = JudgementType.values()[random.nextInt(JudgementType.values().length)];
            judgements.add(new Judgement(type, a, b, hidden.get(random.nextInt(hidden.size()))));
        }
        return judgements;
    }

    /** Writes them as the application stores them, marked {@code _added} for removal. */
    public static void writeWithCypher(TestGraph graph, List<Judgement> judgements) {
        int n = 0;
        for (Judgement j : judgements) {
            boolean ordered = j.a().id().compareTo(j.b().id()) < 0;
            ZonedDateTime at = ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
            Map<String, Object> props = Map.of("id", "judgement-hidden-" + n++, "judgedBy", "admin", "judgedAt", at, "recordedBy",
                    "admin", "recordedAt", at, "cases", j.cases(), "note", "hidden judgement", "_added", true);
            // The type comes from the enum.
            graph.write("MATCH (a:Entity {id: $from}), (b:Entity {id: $to}) CREATE (a)-[j:" + j.type().cypherName()
                    + "]->(b) SET j = $props", Map.of("from", ordered ? j.a().id() : j.b().id(), "to", ordered ? j.b().id() : j.a().id(),
                            "props", props));
        }
        new GraphVersion(graph.db()).bump();
    }

    /** Writes them by {@code judgeCandidate} as an administrator; {@code mutate} sends a mutation and returns its answer. */
    public static void writeWithMutations(List<Judgement> judgements, Function<String, String> mutate) {
        for (Judgement j : judgements) {
            String verdict = switch (j.type()) {
                case SAME_AS -> "POSITIVE";
                case NOT_SAME_AS -> "NEGATIVE";
                case UNSURE_SAME_AS -> "UNSURE";
            };
            String answer = mutate.apply("mutation { judgeCandidate(input: {a: " + Literal.of(j.a().id()) + ", b: "
                    + Literal.of(j.b().id()) + ", verdict: " + verdict + ", note: \"hidden judgement\", cases: "
                    + Literal.of(j.cases()) + "}) { judgement { id } } }");
            if (!answer.contains("\"judgement\":{\"id\"")) {
                throw new AssertionError("The administrator's judgement was not written: " + answer);
            }
        }
    }

}
