package org.pangeagraph.resolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pangeagraph.resolution.ResolutionIT.assertError;
import static org.pangeagraph.resolution.ResolutionIT.candidatesFor;
import static org.pangeagraph.resolution.ResolutionIT.judge;
import static org.pangeagraph.resolution.ResolutionIT.other;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.pangeagraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Judgements on fixtures/resolution.cypher: stored as relationships, clusters, conflicts, retraction, cases. */
@IntegrationTest
class JudgementsIT {

    private static final String CLUSTER = """
            query Cluster($id: ID!) { sameAsCluster(id: $id) {
              members { id } judgements { id verdict } conflicts { id verdict a { id } b { id } } } }""";

    private static final String RETRACT = """
            mutation Retract($id: ID!) { retractJudgement(id: $id, note: "wrong passport") {
              judgement { id retractedAt retractedBy retractionNote } } }""";

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @BeforeEach
    void loadFixture() {
        this.graph.startWith("resolution");
    }

    @Test
    void aJudgementIsARelationshipWithItsScoreUserTimeAndNoteAndTheEntitiesAreNotRewritten() {
        String nodesBefore = nodes();

        GraphQlTester.Response judged = judge(this.client.as(TestUsers.INVESTIGATOR_B), "p-petroff", "p-ivan", "POSITIVE", List.of("CASE-B"));

        judged.path("judgeCandidate.judgement.verdict").entity(String.class).isEqualTo("POSITIVE");
        // Stored from the lesser id to the greater, whichever way round it was asked.
        judged.path("judgeCandidate.judgement.a.id").entity(String.class).isEqualTo("p-ivan");
        judged.path("judgeCandidate.judgement.judgedBy").entity(String.class).isEqualTo(TestUsers.INVESTIGATOR_B);
        judged.path("judgeCandidate.judgement.cases").entityList(String.class).containsExactly("CASE-B");
        // The score the investigator was proposed: with the case-B link both use e-ivan, 1 / (1 + e^-5.1).
        assertThat(judged.path("judgeCandidate.judgement.score").entity(Double.class).get())
            .isCloseTo(1 / (1 + Math.exp(-5.1)), org.assertj.core.data.Offset.offset(1e-9));
        Map<String, Object> stored = this.graph.read("MATCH (:Person {id: 'p-ivan'})-[j:SAME_AS]->(:Person {id: 'p-petroff'}) "
                + "RETURN j {.judgedBy, .note, .cases} AS j", Map.of()).get(0).get("j").asMap();
        assertThat(stored).containsEntry("judgedBy", TestUsers.INVESTIGATOR_B).containsEntry("note", "checked the passport scans")
            .containsEntry("cases", List.of("CASE-B"));
        assertThat(nodes()).isEqualTo(nodesBefore);
        // Judged: no longer proposed.
        assertThat(candidatesFor(this.client, "p-ivan", null)).extracting(c -> other(c, "p-ivan")).doesNotContain("p-petroff");
    }

    @Test
    void positiveJudgementsMakeClustersAndANegativeInsideOneIsAConflictUntilRetracted() {
        judge(this.client, "p-ivan", "p-petroff", "POSITIVE", null);
        judge(this.client, "p-petroff", "p-cyr", "POSITIVE", null);

        GraphQlTester.Response cluster = this.client.tester().document(CLUSTER).variable("id", "p-cyr").execute();
        cluster.path("sameAsCluster.members[*].id").entityList(String.class).containsExactly("p-cyr", "p-ivan", "p-petroff");
        cluster.path("sameAsCluster.conflicts").entityList(Object.class).hasSize(0);
        // p-ivan and p-cyr are one cluster now: the pair is not proposed again.
        assertThat(candidatesFor(this.client, "p-ivan", null)).extracting(c -> other(c, "p-ivan")).doesNotContain("p-cyr");

        String negative = judge(this.client.as(TestUsers.INVESTIGATOR_A), "p-cyr", "p-ivan", "NEGATIVE", null)
            .path("judgeCandidate.judgement.id").entity(String.class).get();

        GraphQlTester.Response conflicted = this.client.tester().document(CLUSTER).variable("id", "p-ivan").execute();
        conflicted.path("sameAsCluster.conflicts[*].id").entityList(String.class).containsExactly(negative);
        conflicted.path("sameAsCluster.conflicts[0].verdict").entity(String.class).isEqualTo("NEGATIVE");
        GraphQlTester.Response conflicts = this.client.tester()
            .document("{ resolutionConflicts { judgement { id } cluster { members { id } } } }").execute();
        conflicts.path("resolutionConflicts[*].judgement.id").entityList(String.class).containsExactly(negative);
        conflicts.path("resolutionConflicts[0].cluster.members[*].id").entityList(String.class).containsExactly("p-cyr", "p-ivan", "p-petroff");

        GraphQlTester.Response retracted = this.client.as(TestUsers.INVESTIGATOR_A).tester().document(RETRACT).variable("id", negative)
            .execute();
        retracted.path("retractJudgement.judgement.retractedBy").entity(String.class).isEqualTo(TestUsers.INVESTIGATOR_A);
        retracted.path("retractJudgement.judgement.retractionNote").entity(String.class).isEqualTo("wrong passport");
        this.client.tester().document("{ resolutionConflicts { judgement { id } } }").execute()
            .path("resolutionConflicts").entityList(Object.class).hasSize(0);
        // Still on record, marked retracted.
        assertThat(this.graph.count("MATCH ()-[j:NOT_SAME_AS]->() WHERE j.retractedAt IS NOT NULL RETURN count(j)")).isEqualTo(1);
        assertError(this.client.tester().document(RETRACT).variable("id", negative).execute(), "CONFLICT", "id");
    }

    @Test
    void retractingAPositiveJudgementSplitsTheClusterAndProposesThePairAgain() {
        String id = judge(this.client, "p-ivan", "p-petroff", "POSITIVE", null).path("judgeCandidate.judgement.id").entity(String.class).get();
        this.client.tester().document(RETRACT).variable("id", id).execute().path("retractJudgement.judgement.id").entity(String.class)
            .isEqualTo(id);

        this.client.tester().document(CLUSTER).variable("id", "p-ivan").execute().path("sameAsCluster.members[*].id")
            .entityList(String.class).containsExactly("p-ivan");
        assertThat(candidatesFor(this.client, "p-ivan", null)).extracting(c -> other(c, "p-ivan")).contains("p-petroff");
    }

    @Test
    void judgingAPairAgainSupersedesOnesOwnJudgementAndAnUnsureOneLeavesItProposed() {
        String unsure = judge(this.client, "p-ivan", "p-petroff", "UNSURE", null).path("judgeCandidate.judgement.id").entity(String.class)
            .get();
        Map<String, Object> proposed = ResolutionIT.pair(candidatesFor(this.client, "p-ivan", null), "p-petroff");
        assertThat(proposed.get("judgements")).isEqualTo(List.of(Map.of("id", unsure, "verdict", "UNSURE", "judgedBy", TestUsers.ADMIN)));

        judge(this.client, "p-ivan", "p-petroff", "NEGATIVE", null).path("judgeCandidate.superseded").entity(Integer.class).isEqualTo(1);

        assertThat(this.graph.read("MATCH ()-[j:UNSURE_SAME_AS {id: $id}]->() RETURN j.retractionNote AS note", Map.of("id", unsure))
            .get(0).get("note").asString()).startsWith("superseded by ");
        assertThat(candidatesFor(this.client, "p-ivan", null)).extracting(c -> other(c, "p-ivan")).doesNotContain("p-petroff");
    }

    @Test
    void aJudgementOfACaseIsSeenAndCountedOnlyByItsMembers() {
        String id = judge(this.client.as(TestUsers.INVESTIGATOR_A), "p-ivan", "p-petroff", "POSITIVE", List.of("CASE-A"))
            .path("judgeCandidate.judgement.id").entity(String.class).get();

        // A member of case B neither sees the judgement nor has the pair taken from their candidates.
        GraphQlClient bravo = this.client.as(TestUsers.INVESTIGATOR_B);
        bravo.tester().document(CLUSTER).variable("id", "p-ivan").execute().path("sameAsCluster.judgements").entityList(Object.class)
            .hasSize(0);
        assertThat(candidatesFor(bravo, "p-ivan", null)).extracting(c -> other(c, "p-ivan")).contains("p-petroff");
        assertError(bravo.tester().document(RETRACT).variable("id", id).execute(), "NOT_FOUND", "id");
        this.client.as(TestUsers.INVESTIGATOR_A).tester().document(CLUSTER).variable("id", "p-ivan").execute()
            .path("sameAsCluster.judgements[*].id").entityList(String.class).containsExactly(id);
    }

    private String nodes() {
        return this.graph.read("MATCH (n:Entity) RETURN n {.*} AS n ORDER BY n.id", Map.of()).stream().map(r -> r.get("n").asMap().toString())
            .toList().toString();
    }

}
