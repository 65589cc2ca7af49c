package org.pangeagraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.pangeagraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an investigator may change: facts of no case and facts of their own cases only, tagged with
 * their own cases only. A refusal says no more about a fact of another case than that the key is
 * taken, and writes nothing. Over fixtures/need-to-know.cypher.
 */
@IntegrationTest
class InvestigatorWritesIT {

    @Autowired
    GraphQlClient client;

    @Autowired
    TestGraph graph;

    @BeforeEach
    void loadFixture() {
        this.graph.startWith("need-to-know");
    }

    @Test
    void anInvestigatorWritesFactsOfTheirCaseThatOnlyTheirCaseSees() {
        String created = mutate(TestUsers.INVESTIGATOR_A, """
                mutation { upsertWebsite(input: {domain: "new-alfa.example", cases: ["case-a"]}) { created website { id cases } } }""");

        assertThat(created).contains("\"created\":true", "\"cases\":[\"CASE-A\"]");
        assertThat(lookup(TestUsers.INVESTIGATOR_A, "new-alfa.example")).contains("new-alfa.example");
        assertThat(lookup(TestUsers.INVESTIGATOR_B, "new-alfa.example")).isEqualTo("{\"data\":{\"website\":null}}");
        assertThat(lookup(TestUsers.VIEWER, "new-alfa.example")).isEqualTo("{\"data\":{\"website\":null}}");
    }

    @Test
    void anInvestigatorChangesFactsOfNoCase() {
        String renamed = mutate(TestUsers.INVESTIGATOR_A, """
                mutation { upsertWebsite(input: {domain: "pub1.example", name: "Renamed"}) { created website { name } } }""");

        assertThat(renamed).isEqualTo("{\"data\":{\"upsertWebsite\":{\"created\":false,\"website\":{\"name\":\"Renamed\"}}}}");
    }

    @Test
    void anInvestigatorMayNotTagWithACaseTheyAreNotIn() {
        String before = this.graph.snapshot();

        String refused = mutate(TestUsers.INVESTIGATOR_A, """
                mutation { upsertWebsite(input: {domain: "new.example", cases: ["CASE-A", "CASE-B"]}) { created } }""");

        assertThat(refused).contains("\"code\":\"FORBIDDEN\"", "\"field\":\"input.cases\"");
        assertThat(this.graph.snapshot()).isEqualTo(before);
    }

    @Test
    void aFactOfAnotherCaseIsRefusedWithTheSameAnswerWhetherTheInvestigatorSeesItOrNot() {
        mutate(TestUsers.ADMIN, "mutation { upsertWebsite(input: {domain: \"both.example\", cases: [\"CASE-A\", \"CASE-B\"]}) { created } }");
        String before = this.graph.snapshot();

        String seen = mutate(TestUsers.INVESTIGATOR_A, "mutation { upsertWebsite(input: {domain: \"both.example\", name: \"x\"}) { created } }");
        String unseen = mutate(TestUsers.INVESTIGATOR_A, "mutation { upsertWebsite(input: {domain: \"bravo.example\", name: \"x\"}) { created } }");

        assertThat(seen).contains("\"code\":\"FORBIDDEN\"").isEqualTo(unseen);
        assertThat(unseen).doesNotContainIgnoringCase("bravo").doesNotContain("CASE-B");
        assertThat(this.graph.snapshot()).isEqualTo(before);
    }

    @Test
    void investigatorsOfEveryCaseOfAFactMayChangeIt() {
        String changed = mutate(TestUsers.INVESTIGATOR_AB, """
                mutation { upsertPaymentAccount(input: {identifier: "CHARLIE-WALLET", provider: "Shared Pay"}) { paymentAccount { provider cases } } }""");

        assertThat(changed).contains("\"provider\":\"Shared Pay\"", "\"cases\":[\"CASE-A\",\"CASE-B\"]");
    }

    @Test
    void aLinkOfAnotherCaseBetweenEntitiesTheInvestigatorSeesIsNeitherChangedNorShown() {
        String before = this.graph.snapshot();
        String link = """
                mutation { link(input: {type: ACCEPTS_PAYMENT_TO, from: {kind: WEBSITE, key: "pub3.example"},
                                        to: {kind: PAYMENT_ACCOUNT, key: "PUB-WALLET-SHARED"}, grade: "A1"}) {
                  created link { id cases grade } } }""";

        String refused = mutate(TestUsers.INVESTIGATOR_A, link);

        assertThat(refused).contains("\"code\":\"FORBIDDEN\"").doesNotContainIgnoringCase("bravo").doesNotContain("CASE-B");
        assertThat(this.graph.snapshot()).isEqualTo(before);
        assertThat(mutate(TestUsers.INVESTIGATOR_B, link)).contains("\"created\":false", "\"id\":\"bravo-l1\"", "\"grade\":\"A1\"");
    }

    @Test
    void anInvestigatorCannotRemoveALinkTheyDoNotSee() {
        String removed = mutate(TestUsers.INVESTIGATOR_A, "mutation { unlink(input: {linkId: \"bravo-l1\"}) { removed } }");

        assertThat(removed).isEqualTo("{\"data\":{\"unlink\":{\"removed\":0}}}");
        assertThat(this.graph.count("MATCH ()-[r {id: 'bravo-l1'}]->() RETURN count(r)")).isOne();
    }

    @Test
    void deletingAnEntityWithLinksOfAnotherCaseIsForAnAdministrator() {
        String before = this.graph.snapshot();

        String refused = mutate(TestUsers.INVESTIGATOR_A, "mutation { deleteEntity(id: \"pub-pa-shared\") { linksRemoved } }");

        assertThat(refused).contains("\"code\":\"FORBIDDEN\"").doesNotContainIgnoringCase("bravo");
        assertThat(this.graph.snapshot()).isEqualTo(before);
        assertThat(mutate(TestUsers.ADMIN, "mutation { deleteEntity(id: \"pub-pa-shared\") { linksRemoved } }"))
            .isEqualTo("{\"data\":{\"deleteEntity\":{\"linksRemoved\":3}}}");
    }

    @Test
    void anInvestigatorDeletesWhatHoldsNothingOfOtherCases() {
        assertThat(mutate(TestUsers.INVESTIGATOR_A, "mutation { deleteEntity(id: \"pub-f1\") { id linksRemoved } }"))
            .isEqualTo("{\"data\":{\"deleteEntity\":{\"id\":\"pub-f1\",\"linksRemoved\":0}}}");
    }

    @Test
    void onlyAnAdministratorOpensOrChangesACase() {
        String before = this.graph.snapshot();

        assertThat(mutate(TestUsers.INVESTIGATOR_A, "mutation { upsertCase(input: {number: \"CASE-A\", title: \"Mine now\"}) { created } }"))
            .contains("\"code\":\"FORBIDDEN\"");
        assertThat(mutate(TestUsers.INVESTIGATOR_A, "mutation { upsertCase(input: {number: \"CASE-C\"}) { created } }"))
            .contains("\"code\":\"FORBIDDEN\"");
        assertThat(this.graph.snapshot()).isEqualTo(before);
        assertThat(mutate(TestUsers.ADMIN, "mutation { upsertCase(input: {number: \"CASE-C\", title: \"Charlie\"}) { created } }"))
            .isEqualTo("{\"data\":{\"upsertCase\":{\"created\":true}}}");
    }

    @Test
    void aSourceOfAnotherCaseIsAnsweredExactlyAsASourceThatDoesNotExist() {
        // bravo-source belongs to CASE-B (fixtures/need-to-know.cypher).
        String before = this.graph.snapshot();

        for (String template : java.util.List.of(
                "mutation { upsertWebsite(input: {domain: \"pub1.example\", sources: [\"%s\"]}) { created } }",
                "mutation { link(input: {type: HOSTED_AT, from: {kind: WEBSITE, key: \"pub1.example\"}, "
                        + "to: {kind: IP_ADDRESS, key: \"198.51.100.1\"}, source: \"%s\"}) { created } }")) {
            String hidden = mutate(TestUsers.INVESTIGATOR_A, template.formatted("bravo-source"));
            String missing = mutate(TestUsers.INVESTIGATOR_A, template.formatted("no-such-source"));

            assertThat(hidden).contains("\"code\":\"INVALID_INPUT\"")
                .isEqualTo(missing.replace("no-such-source", "bravo-source"));
        }
        assertThat(this.graph.snapshot()).isEqualTo(before);
        assertThat(mutate(TestUsers.INVESTIGATOR_B, "mutation { upsertWebsite(input: {domain: \"pub1.example\", "
                + "sources: [\"bravo-source\"]}) { created } }")).isEqualTo("{\"data\":{\"upsertWebsite\":{\"created\":false}}}");
    }

    private String lookup(String user, String domain) {
        return mutate(user, "{ website(domain: \"" + domain + "\") { domain } }");
    }

    private String mutate(String user, String document) {
        return this.client.as(user).send(document);
    }

}
