package org.pangeagraph.security.invariance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

import org.pangeagraph.model.NodeKind;
import org.pangeagraph.security.invariance.CaseGraph.Entity;
import org.pangeagraph.security.invariance.CaseGraph.Link;
import org.pangeagraph.support.TestGraph;

/**
 * Cases the reader is not in, added to facts of the base graph the reader sees through a case of theirs
 * (a storefront of CASE-A that CASE-B takes up too): the facts stay visible, and nothing the reader sees
 * changes. A reader who sees only facts of no case has none to re-tag: any case would hide them.
 */
public final class CaseRetags {

    /** A fact re-tagged: its cases before and after. */
    public record Retag<F>(F fact, List<String> before, List<String> after) {
    }

    private final List<Retag<Entity>> entities;

    private final List<Retag<Link>> links;

    private CaseRetags(List<Retag<Entity>> entities, List<Retag<Link>> links) {
        this.entities = entities;
        this.links = links;
    }

    public boolean isEmpty() {
        return this.entities.isEmpty() && this.links.isEmpty();
    }

    public int size() {
        return this.entities.size() + this.links.size();
    }

    /**
     * About half of the base's entities and links that the reader sees through a case, each given one of
     * the {@code hidden} case sets besides its own.
     */
    public static CaseRetags generate(CaseGraph base, Predicate<Entity> seen, Predicate<Link> linkSeen, List<List<String>> hidden,
            Random random) {
        List<Retag<Entity>> entities = new ArrayList<>();
        for (Entity entity : base.entities()) {
            if (seen.test(entity) && !entity.cases().isEmpty() && random.nextBoolean()) {
                entities.add(new Retag<>(entity, entity.cases(), with(entity.cases(), hidden, random)));
            }
        }
        List<Retag<Link>> links = new ArrayList<>();
        for (Link link : base.links()) {
            if (linkSeen.test(link) && !link.cases().isEmpty() && random.nextBoolean()) {
                links.add(new Retag<>(link, link.cases(), with(link.cases(), hidden, random)));
            }
        }
        return new CaseRetags(entities, links);
    }

    private static List<String> with(List<String> cases, List<List<String>> hidden, Random random) {
        LinkedHashSet<String> after = new LinkedHashSet<>(cases);
        after.addAll(hidden.get(random.nextInt(hidden.size())));
        return List.copyOf(after);
    }

    /** Writes the new cases straight through Cypher, as a script would; {@code back} writes the old ones again. */
    public void writeWithCypher(TestGraph graph, boolean back) {
        List<Map<String, Object>> rows = new ArrayList<>();
        this.entities.forEach(r -> rows.add(Map.of("id", r.fact().id(), "cases", back ? r.before() : r.after())));
        graph.write("UNWIND $rows AS row MATCH (n:Entity {id: row.id}) SET n.cases = row.cases", Map.of("rows", rows));
        for (Retag<Link> retag : this.links) {
            Link link = retag.fact();
            graph.write("MATCH (:Entity {id: $from})-[r:" + link.type().cypherName() + "]->(:Entity {id: $to}) "
                    + "WHERE r._added IS NULL AND r.cases = $was SET r.cases = $cases",
                    Map.of("from", link.from().id(), "to", link.to().id(), "was", back ? retag.after() : retag.before(),
                            "cases", back ? retag.before() : retag.after()));
        }
        new org.pangeagraph.db.GraphVersion(graph.db()).bump();
    }

    /**
     * Writes the new cases through the API as an administrator: an upsert naming the entity by its key
     * (a person by id) with its cases alone, and the link sent again with its provenance and new cases.
     */
    public void writeWithMutations(Function<String, String> mutate) {
        for (Retag<Entity> retag : this.entities) {
            Entity entity = retag.fact();
            Map<String, Object> input = new LinkedHashMap<>();
            if (entity.kind() == NodeKind.PERSON) {
                input.put("id", entity.id());
            }
            else {
                input.put(entity.kind().keyInput(), entity.properties().get(entity.kind().keyInput()));
                if (entity.kind().keyIncludesCountry()) {
                    input.put("country", entity.properties().get("country"));
                }
            }
            input.put("cases", retag.after());
            String answer = mutate.apply("mutation { upsert" + entity.kind().label() + "(input: " + Literal.of(input) + ") { created } }");
            if (!answer.contains("\"created\":false")) {
                throw new AssertionError("The administrator's re-tagging was not written: " + answer);
            }
        }
        for (Retag<Link> retag : this.links) {
            Link link = retag.fact();
            String answer = mutate.apply(CaseFacts.linkMutation(link, link.from().id(), link.to().id(), retag.after()));
            if (!answer.contains("\"created\":false")) {
                throw new AssertionError("The administrator's re-tagging of a link was not written: " + answer);
            }
        }
    }

}
