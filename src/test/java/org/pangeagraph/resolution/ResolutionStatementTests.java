package org.pangeagraph.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pangeagraph.db.GraphNormaliser;

/**
 * Resolution's statements as they run, written out here whole with their predicates expanded: what an
 * operator sees in the statement log ({@code org.pangeagraph.cypher} at DEBUG) and can paste into Neo4j
 * Browser. The judgement types come from the model, each once, and the need-to-know and may-change
 * predicates are the shared ones.
 */
class ResolutionStatementTests {

    @Test
    void aUserJudgingAPairAgainSupersedesTheirOwnStandingJudgementsOfAnyTypeThatTheyMayChange() {
        assertThat(Judgements.SUPERSEDE).isEqualTo("""
                MATCH (a:Entity {id: $a})-[j:SAME_AS|NOT_SAME_AS|UNSURE_SAME_AS]-(b:Entity {id: $b})
                WHERE j.retractedAt IS NULL AND j.judgedBy = $user AND ($seeAll OR all(c IN coalesce(j.cases, []) WHERE c IN $writable))
                SET j.retractedAt = $now, j.retractedBy = $user, j.retractionNote = 'superseded by ' + $id
                RETURN count(j) AS superseded
                """);
    }

    @Test
    void aJudgementIsFoundByIdThroughOneBranchPerTypeAndOnlyWhenTheCallerMaySeeItAndBothItsEntities() {
        assertThat(Judgements.FIND).isEqualTo("""
                CALL () {
                  MATCH (a)-[j:SAME_AS {id: $id}]->(b) RETURN j, a, b
                  UNION ALL
                  MATCH (a)-[j:NOT_SAME_AS {id: $id}]->(b) RETURN j, a, b
                  UNION ALL
                  MATCH (a)-[j:UNSURE_SAME_AS {id: $id}]->(b) RETURN j, a, b
                }
                WITH j, a, b WHERE ($seeAll OR coalesce(size(j.cases), 0) = 0 OR any(c IN j.cases WHERE c IN $caller.myCases)) \
                AND ($seeAll OR coalesce(size(a.cases), 0) = 0 OR any(c IN a.cases WHERE c IN $caller.myCases)) \
                AND ($seeAll OR coalesce(size(b.cases), 0) = 0 OR any(c IN b.cases WHERE c IN $caller.myCases))
                RETURN elementId(j) AS eid, type(j) AS type, j {.*} AS judgement, \
                ($seeAll OR all(c IN coalesce(j.cases, []) WHERE c IN $writable)) AS writable,
                       a {.*, __labels: labels(a)} AS a, b {.*, __labels: labels(b)} AS b
                """);
    }

    @Test
    void pairEvidenceReadsStandingJudgementsAndTheSharedItemsOfTheTypesThatCount() {
        assertThat(PairEvidence.READ)
            .contains("MATCH (a)-[j:SAME_AS|NOT_SAME_AS|UNSURE_SAME_AS]-(b) WHERE j.retractedAt IS NULL AND ($seeAll OR ")
            .contains("MATCH (a)-[r1:ACCEPTS_PAYMENT_TO|HELD_BY|HOSTED_AT|LISTS_CONTACT|REGISTERED_BY|USES]-(i:Entity)"
                    + "-[r2:ACCEPTS_PAYMENT_TO|HELD_BY|HOSTED_AT|LISTS_CONTACT|REGISTERED_BY|USES]-(b)")
            .doesNotContain("visible(").doesNotContain("standing(").doesNotContain("{{");
    }

    @Test
    void theIndexReadsTheEntitiesTheImportLeftAsWrittenByThePropertyTheNormaliserMarksThemWith() {
        assertThat(ResolutionIndex.COLLIDED).isEqualTo("""
                MATCH (n:Entity) WHERE n.%s IS NOT NULL
                RETURN n {.*} AS values, labels(n) AS labels
                """.formatted(GraphNormaliser.KEY_COLLISION));
    }

}
