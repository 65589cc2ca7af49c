package org.pangeagraph.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pangeagraph.model.CypherTemplate;
import org.pangeagraph.model.CypherTemplate.Bounded;
import org.pangeagraph.model.CypherTemplate.PathSelector;
import org.pangeagraph.model.RelationshipType;

/**
 * The paths statement of {@code resolve: false} is the one before {@code resolve} existed, letter for
 * letter (the same plan, the same speed); {@code resolve: true} adds SAME_AS to the types stepped through,
 * and never a retracted judgement.
 */
class PathStatementTests {

    /** The statement's template as it was before {@code resolve}, kept here as the reference. */
    private record Before(PathSelector selector, List<RelationshipType> types, @Bounded(min = 1, max = 8) int maxHops,
            @Bounded(min = 1, max = 100) int limit) {
    }

    private static final CypherTemplate<Before> BEFORE = CypherTemplate.of(Before.class, """
            MATCH (a:Entity {id: $from}) WHERE visible(a)
            MATCH (b:Entity {id: $to}) WHERE visible(b)
            MATCH p = {{selector}} (a)((:Entity)-[r:{{types}} WHERE visible(r) AND validOn(r)]-(x:Entity WHERE visible(x))){1,{{maxHops}}}(b)
            WITH p, [n IN nodes(p) | n.id] AS entities, [l IN relationships(p) | l.id] AS links
            ORDER BY length(p), entities, links
            LIMIT {{limit}}
            RETURN length(p) AS length,
                   [n IN nodes(p) | n {.*, __labels: labels(n)}] AS nodes,
                   [r IN relationships(p) | {props: r {.*}, type: type(r), source: startNode(r).id, target: endNode(r).id}] AS edges
            """);

    @Test
    void withoutResolveTheStatementIsTheOneOfBefore() {
        List<RelationshipType> all = Arrays.asList(RelationshipType.values());
        for (PathSelector selector : List.of(PathSelector.allShortest(), PathSelector.shortest(3), PathSelector.shortestGroups(2))) {
            assertThat(PathQuery.paths(selector, all, PathQuery.Steps.LINKS, 6, 100))
                .isEqualTo(BEFORE.text(new Before(selector, all, 6, 100)));
        }
        assertThat(PathQuery.paths(PathSelector.allShortest(), List.of(RelationshipType.HOSTED_AT), PathQuery.Steps.LINKS, 3, 1))
            .isEqualTo(BEFORE.text(new Before(PathSelector.allShortest(), List.of(RelationshipType.HOSTED_AT), 3, 1)));
    }

    @Test
    void withResolveAPathMayStepThroughAStandingSameAsOnly() {
        String text = PathQuery.paths(PathSelector.allShortest(), List.of(RelationshipType.HOSTED_AT, RelationshipType.OPERATES),
                PathQuery.Steps.AND_SAME_AS, 6, 100);

        assertThat(text).contains("[r:HOSTED_AT|OPERATES|SAME_AS WHERE ").contains(" AND r.retractedAt IS NULL]")
            .doesNotContain("NOT_SAME_AS").doesNotContain("UNSURE_SAME_AS");
    }

}
