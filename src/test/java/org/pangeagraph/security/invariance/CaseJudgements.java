package org.pangeagraph.security.invariance;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

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
        return judgements(entities, List.of(NodeKind.PERSON, NodeKind.COMPANY, NodeKind.WEBSITE, NodeKind.PAYMENT_ACCOUNT),
                2 + random.nextInt(3), random, (a, b) -> new Judgement(JudgementType.values()[random.nextInt(JudgementType.values().length)],
                        a, b, hidden.get(random.nextInt(hidden.size()))));
    }

    /**
     * Two or three SAME_AS judgements of no case between entities of one kind that {@code sees} admits:
     * clusters the reader sees in the base graph, which {@code resolve: true} counts as one entity, and
     * which the hidden facts and judgements added later must not change.
     */
    public static List<Judgement> visible(List<Entity> entities, Predicate<Entity> sees, Random random) {
        return judgements(entities.stream().filter(sees).toList(),
                List.of(NodeKind.WEBSITE, NodeKind.PAYMENT_ACCOUNT, NodeKind.PERSON, NodeKind.IP_ADDRESS), 2 + random.nextInt(2), random,
                (a, b) -> new Judgement(JudgementType.SAME_AS, a, b, List.of()));
    }

    /** Up to {@code tries} judgements, each between two entities of one of the {@code kinds}, drawn at random. */
    private static List<Judgement> judgements(List<Entity> entities, List<NodeKind> kinds, int tries, Random random,
            BiFunction<Entity, Entity, Judgement> judge) {
        List<Judgement> judgements = new ArrayList<>();
        for (int n = tries; n > 0; n--) {
            NodeKind kind = kinds.get(random.nextInt(kinds.size()));
            List<Entity> ofKind = entities.stream().filter(e -> e.kind() == kind).toList();
            if (ofKind.size() < 2) {
                continue;
            }
            Entity a = ofKind.get(random.nextInt(ofKind.size()));
            Entity b = ofKind.get(random.nextInt(ofKind.size()));
            if (!a.equals(b)) {
                judgements.add(judge.apply(a, b));
            }
        }
        return judgements;
    }

    /** Writes them as the application stores them, marked {@code _added} for removal. */
    public static void writeWithCypher(TestGraph graph, List<Judgement> judgements) {
        writeWithCypher(graph, judgements, true);
    }

    /**
     * Writes them as the application stores them: as hidden facts, marked {@code _added} for removal and
     * judged by the administrator who writes the others; or as part of the base graph, judged by another
     * investigator (so that no judgement the administrator writes later supersedes them).
     */
    public static void writeWithCypher(TestGraph graph, List<Judgement> judgements, boolean added) {
        int n = 0;
        for (Judgement j : judgements) {
            boolean ordered = j.a().id().compareTo(j.b().id()) < 0;
            ZonedDateTime at = ZonedDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
            String by = added ? "admin" : "base-investigator";
            Map<String, Object> props = new java.util.HashMap<>(Map.of("id", (added ? "judgement-hidden-" : "judgement-base-") + n++,
                    "judgedBy", by, "judgedAt", at, "recordedBy", by, "recordedAt", at, "cases", j.cases(), "note",
                    added ? "hidden judgement" : "base judgement"));
            if (added) {
                props.put("_added", true);
            }
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
