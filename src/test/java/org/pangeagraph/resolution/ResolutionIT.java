package org.pangeagraph.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pangeagraph.ingest.ImportCommand;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.pangeagraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Candidates, judgements, clusters and conflicts over HTTP on fixtures/resolution.cypher (drawn there),
 * with the scores worked out by hand from the features' weights: score = 1 / (1 + e^-(prior + weights)).
 */
@IntegrationTest
class ResolutionIT {

    private static final String CANDIDATE = """
            a { id } b { id } kind score matchKey
            features { name score weight detail items { id } }
            judgements { id verdict judgedBy }
            """;

    private static final String FOR = "query For($id: ID!, $min: Float) { resolutionCandidatesFor(id: $id, minScore: $min) { "
            + CANDIDATE + " } }";

    static final String JUDGE = """
            mutation Judge($a: ID!, $b: ID!, $verdict: Verdict!, $note: String, $cases: [String!]) {
              judgeCandidate(input: {a: $a, b: $b, verdict: $verdict, note: $note, cases: $cases}) {
                judgement { id verdict a { id } b { id } score judgedBy judgedAt note cases retractedAt }
                superseded
              }
            }""";

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @Autowired
    ResolutionIndex index;

    @BeforeEach
    void loadFixture() {
        this.graph.startWith("resolution");
    }

    @Test
    void aPersonsCandidatesExplainTheirScores() {
        // As a viewer, who may not see the case-B link from p-petroff to e-ivan, nor p-alfa of case A.
        GraphQlClient viewer = this.client.as(TestUsers.VIEWER);
        List<Map<String, Object>> candidates = candidatesFor(viewer, "p-ivan", null);

        // p-petroff: 'Ivan Petrov' vs 'PETROFF, I.': petrov sounds like petroff (0.9), i is ivan's initial (0.9): name 0.9,
        // weight 20 x (0.9 - 0.82) = 1.6; dates of birth equal, 2.5; prior -1: 1 / (1 + e^-3.1) = 0.9569.
        Map<String, Object> petroff = pair(candidates, "p-petroff");
        assertThat((Double) petroff.get("score")).isCloseTo(1 / (1 + Math.exp(-3.1)), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(petroff.get("matchKey")).isEqualTo(List.of("NAME", "BIRTH_DATE"));
        assertThat(feature(petroff, "NAME").get("detail"))
            .isEqualTo("'Ivan Petrov' vs 'PETROFF, I.': 0.90 (i is the initial of ivan; petrov sounds like petroff)");
        assertThat(feature(petroff, "BIRTH_DATE").get("detail")).isEqualTo("dates of birth equal: 1972-03-04");

        // p-cyr: 'Иван Петров' is 'Ivan Petrov' in Latin: name 1.0, weight 3; no date of birth; both use e-ivan, 2:
        // 1 / (1 + e^-(−1 + 3 + 2)) = 0.9820.
        Map<String, Object> cyr = pair(candidates, "p-cyr");
        assertThat((Double) cyr.get("score")).isCloseTo(1 / (1 + Math.exp(-4)), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(cyr.get("matchKey")).isEqualTo(List.of("NAME", "SHARED_CONTACT"));
        assertThat(feature(cyr, "SHARED_CONTACT").get("detail")).isEqualTo("both use EmailAddress ivan@mail.example");
        assertThat(feature(cyr, "SHARED_CONTACT").get("items")).isEqualTo(List.of(Map.of("id", "e-ivan")));

        // The namesake, born 13 years later, also Russian: -1 + 3 - 4 + 0.4 = -1.6, 0.17: not proposed at 0.7, shown at 0.
        assertThat(candidates).extracting(c -> other(c, "p-ivan")).doesNotContain("p-namesake");
        Map<String, Object> namesake = pair(candidatesFor(viewer, "p-ivan", 0.0), "p-namesake");
        assertThat(feature(namesake, "BIRTH_DATE")).containsEntry("detail", "birth years 1972 vs 1985").containsEntry("weight", -4.0);
        assertThat((Double) namesake.get("score")).isCloseTo(1 / (1 + Math.exp(1.6)), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aLookAlikeSuccessorOnTheSameAccountIsProposedWithItsEvidence() {
        Map<String, Object> successor = pair(candidatesFor(this.client, "w-orig", null), "w-succ");

        // skeleton equal 4, the same account 2, first seen after the takedown 1.5, prior -1.5: 1 / (1 + e^-6).
        assertThat(successor.get("matchKey")).isEqualTo(List.of("SKELETON", "SHARED_PAYMENT_ACCOUNT", "SUCCESSOR"));
        assertThat((Double) successor.get("score")).isCloseTo(1 / (1 + Math.exp(-6)), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(feature(successor, "SKELETON").get("detail"))
            .isEqualTo("skeleton equal: 'rx-pharma24' and 'rx-pharrna24' both look like 'rx-pharrna24'");
        assertThat(feature(successor, "SUCCESSOR").get("detail"))
            .isEqualTo("rx-pharrna24.example first seen 2009-12-02, after rx-pharma24.example was taken down on 2009-11-20");
        assertThat(candidatesFor(this.client, "w-orig", 0.0)).extracting(c -> other(c, "w-orig")).doesNotContain("w-far");
    }

    @Test
    void companiesMatchWithoutTheirLegalFormInOneCountry() {
        List<Map<String, Object>> candidates = candidatesFor(this.client, "c-acme", null);

        assertThat(candidates).extracting(c -> other(c, "c-acme")).containsExactly("c-acme2");
        assertThat(feature(candidates.get(0), "NAME_WITHOUT_LEGAL_FORM").get("detail"))
            .isEqualTo("'Acme Pharma Ltd' vs 'ACME PHARMA LIMITED': 'acme pharma' vs 'acme pharma' 1.00");
        Map<String, Object> german = pair(candidatesFor(this.client, "c-acme", 0.0), "c-acme-de");
        assertThat(feature(german, "COUNTRY").get("detail")).isEqualTo("countries GB vs DE");
    }

    @Test
    void theListingPagesThroughEveryCandidateBestFirst() {
        String page = """
                query Page($after: String) { resolutionCandidates(kinds: [PERSON, WEBSITE], first: 3, after: $after) {
                  totalCount pageInfo { hasNextPage endCursor } edges { node { a { id } b { id } score } } } }""";
        List<String> pairs = new java.util.ArrayList<>();
        List<Double> scores = new java.util.ArrayList<>();
        String after = null;
        int total;
        do {
            GraphQlTester.Response response = this.client.tester().document(page).variable("after", after).execute();
            total = response.path("resolutionCandidates.totalCount").entity(Integer.class).get();
            List<String> as = response.path("resolutionCandidates.edges[*].node.a.id").entityList(String.class).get();
            List<String> bs = response.path("resolutionCandidates.edges[*].node.b.id").entityList(String.class).get();
            for (int i = 0; i < as.size(); i++) {
                pairs.add(as.get(i) + "~" + bs.get(i));
            }
            scores.addAll(response.path("resolutionCandidates.edges[*].node.score").entityList(Double.class).get());
            after = response.path("resolutionCandidates.pageInfo.hasNextPage").entity(Boolean.class).get()
                    ? response.path("resolutionCandidates.pageInfo.endCursor").entity(String.class).get() : null;
        }
        while (after != null);

        // For an administrator, at 0.7: the five Ivan Petrovs but the namesake, each with the others (the namesake
        // only with p-cyr, who has no date of birth to tell them apart), and the look-alike storefront.
        assertThat(pairs).containsExactlyInAnyOrder("p-alfa~p-ivan", "p-alfa~p-petroff", "p-alfa~p-cyr", "p-cyr~p-ivan",
                "p-cyr~p-petroff", "p-ivan~p-petroff", "p-cyr~p-namesake", "w-orig~w-succ");
        assertThat(total).isEqualTo(8);
        assertThat(scores).isSortedAccordingTo((x, y) -> Double.compare(y, x));
    }

    @Test
    void badArgumentsAreTypedErrors() {
        assertError(this.client.tester().document("{ resolutionCandidates(minScore: 1.5) { totalCount } }").execute(), "INVALID_INPUT",
                "minScore");
        assertError(this.client.tester().document("{ resolutionCandidates(first: 101) { totalCount } }").execute(), "LIMIT_EXCEEDED",
                "first");
        assertError(this.client.tester().document(FOR).variable("id", "no-such-id").execute(), "NOT_FOUND", "id");
        String before = this.graph.snapshot();
        assertError(judge(this.client, "p-ivan", "p-ivan", "POSITIVE"), "INVALID_INPUT", "input.b");
        assertError(judge(this.client, "p-ivan", "w-orig", "POSITIVE"), "INVALID_INPUT", "input.b");
        assertError(judge(this.client, "p-ivan", "no-such-id", "POSITIVE"), "NOT_FOUND", "input.b");
        assertError(judge(this.client.as(TestUsers.VIEWER), "p-ivan", "p-petroff", "POSITIVE"), "FORBIDDEN", null);
        assertError(judge(this.client.as(TestUsers.INVESTIGATOR_A), "p-ivan", "p-petroff", "POSITIVE", List.of("CASE-B")), "FORBIDDEN",
                "input.cases");
        assertThat(this.graph.snapshot()).isEqualTo(before);
    }

    private static GraphQlTester.Response judge(GraphQlClient client, String a, String b, String verdict) {
        return judge(client, a, b, verdict, null);
    }

    /** A judgement by {@code client}, with a note and these cases. */
    static GraphQlTester.Response judge(GraphQlClient client, String a, String b, String verdict, List<String> cases) {
        return client.tester().document(JUDGE).variable("a", a).variable("b", b).variable("verdict", verdict)
            .variable("note", "checked the passport scans").variable("cases", cases).execute();
    }

    static List<Map<String, Object>> candidatesFor(GraphQlClient client, String id, Double minScore) {
        return client.tester().document(FOR).variable("id", id).variable("min", minScore).execute()
            .path("resolutionCandidatesFor").entity(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
            }).get();
    }

    @SuppressWarnings("unchecked")
    static String other(Map<String, Object> candidate, String id) {
        String a = (String) ((Map<String, Object>) candidate.get("a")).get("id");
        String b = (String) ((Map<String, Object>) candidate.get("b")).get("id");
        return a.equals(id) ? b : a;
    }

    static Map<String, Object> pair(List<Map<String, Object>> candidates, String other) {
        return candidates.stream().filter(c -> c.toString().contains("id=" + other + "}")).findFirst()
            .orElseThrow(() -> new AssertionError("no candidate with " + other + " in " + candidates));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> feature(Map<String, Object> candidate, String name) {
        return ((List<Map<String, Object>>) candidate.get("features")).stream().filter(f -> f.get("name").equals(name)).findFirst()
            .orElseThrow(() -> new AssertionError("no feature " + name + " in " + candidate));
    }

    static void assertError(GraphQlTester.Response response, String code, String field) {
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getExtensions()).containsEntry("code", code);
            if (field != null) {
                assertThat(errors.get(0).getExtensions()).containsEntry("field", field);
            }
        });
    }

    static String output(java.util.function.BiFunction<PrintStream, PrintStream, Integer> command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        command.apply(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCandidateIsShownOnlyToReadersWhoMaySeeBothEntitiesAndScoredOnlyOnWhatTheySee() {
        // p-alfa is of case A: a viewer and a member of case B are not proposed the pair; a member of case A is.
        assertThat(candidatesFor(this.client.as(TestUsers.VIEWER), "p-ivan", null)).extracting(c -> other(c, "p-ivan"))
            .doesNotContain("p-alfa");
        assertThat(candidatesFor(this.client.as(TestUsers.INVESTIGATOR_B), "p-ivan", null)).extracting(c -> other(c, "p-ivan"))
            .doesNotContain("p-alfa");
        assertThat(candidatesFor(this.client.as(TestUsers.INVESTIGATOR_A), "p-ivan", null)).extracting(c -> other(c, "p-ivan"))
            .contains("p-alfa");
        assertError(this.client.as(TestUsers.VIEWER).tester().document(FOR).variable("id", "p-alfa").execute(), "NOT_FOUND", "id");
        // The case-B link from p-petroff to e-ivan counts for members of case B only: 3.1 + 2 for them, 3.1 for a viewer.
        Map<String, Object> forBravo = pair(candidatesFor(this.client.as(TestUsers.INVESTIGATOR_B), "p-ivan", null), "p-petroff");
        Map<String, Object> forViewer = pair(candidatesFor(this.client.as(TestUsers.VIEWER), "p-ivan", null), "p-petroff");
        assertThat((Double) forBravo.get("score")).isCloseTo(1 / (1 + Math.exp(-5.1)), org.assertj.core.data.Offset.offset(1e-9));
        assertThat((Double) forViewer.get("score")).isCloseTo(1 / (1 + Math.exp(-3.1)), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(forViewer.toString()).doesNotContain("SHARED_CONTACT");
        // The listing likewise.
        String listing = "{ resolutionCandidates(kinds: [PERSON]) { edges { node { a { id } b { id } } } } }";
        assertThat(this.client.as(TestUsers.VIEWER).send(listing)).doesNotContain("p-alfa");
        assertThat(this.client.as(TestUsers.INVESTIGATOR_A).send(listing)).contains("p-alfa");
    }

    @Test
    void aWriteIsBlockedAgainstTheIndexWithoutReadingTheWholeGraphAgain() {
        candidatesFor(this.client, "p-ivan", null);
        long fullReads = this.index.fullReads();

        String created = this.client.tester().document("""
                mutation { upsertPerson(input: {name: "Petrov Ivan", dateOfBirth: "1972-03-04"}) { person { id } } }""").execute()
            .path("upsertPerson.person.id").entity(String.class).get();

        assertThat(candidatesFor(this.client, "p-ivan", null)).extracting(c -> other(c, "p-ivan")).contains(created);
        assertThat(this.index.fullReads()).isEqualTo(fullReads);
        // A judgement is a mutation: its transaction's graph version is of an epoch of its own, which must not
        // make the index read the whole graph, then or after.
        this.client.tester().document(JUDGE).variable("a", "p-ivan").variable("b", created).variable("verdict", "POSITIVE").execute()
            .path("judgeCandidate.judgement.score").entity(Double.class).satisfies(score -> assertThat(score).isGreaterThan(0.9));
        assertThat(candidatesFor(this.client, "p-ivan", null)).extracting(c -> other(c, "p-ivan")).doesNotContain(created);
        assertThat(this.index.fullReads()).isEqualTo(fullReads);
    }

    /**
     * A person moved from case A to case B (which moves neither its version nor its updatedAt, so no pass of
     * the index reads it again) is proposed at once to B's members and no longer to A's: who may see a
     * pair is read from the graph, not from the index.
     */
    @Test
    void aPersonPutInAnotherCaseIsProposedToThatCaseAloneAtTheNextPass() {
        assertThat(candidatesFor(this.client.as(TestUsers.INVESTIGATOR_A), "p-ivan", null)).extracting(c -> other(c, "p-ivan"))
            .contains("p-alfa");
        long fullReads = this.index.fullReads();

        this.client.tester().document("mutation { upsertPerson(input: {id: \"p-alfa\", cases: [\"CASE-B\"]}) { person { cases } } }")
            .execute().path("upsertPerson.person.cases").entityList(String.class).containsExactly("CASE-B");

        assertThat(candidatesFor(this.client.as(TestUsers.INVESTIGATOR_A), "p-ivan", null)).extracting(c -> other(c, "p-ivan"))
            .doesNotContain("p-alfa");
        assertThat(candidatesFor(this.client.as(TestUsers.INVESTIGATOR_B), "p-ivan", null)).extracting(c -> other(c, "p-ivan"))
            .contains("p-alfa");
        assertThat(this.index.fullReads()).isEqualTo(fullReads);
    }

    @Test
    void candidatesAndJudgementsAreAudited() {
        candidatesFor(this.client.as(TestUsers.INVESTIGATOR_A), "p-ivan", null);

        String log = this.client.send("""
                { auditLog(entityId: "p-alfa", first: 1) { edges { node { user operation entityIds cases } } } }""");
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(log, "$.data.auditLog.edges[0].node.user")).isEqualTo(TestUsers.INVESTIGATOR_A);
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(log, "$.data.auditLog.edges[0].node.operation")).isEqualTo("For");
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(log, "$.data.auditLog.edges[0].node.entityIds"))
            .contains("p-ivan", "p-petroff", "p-alfa");
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(log, "$.data.auditLog.edges[0].node.cases")).containsExactly("CASE-A");

        String judged = this.client.as(TestUsers.INVESTIGATOR_A).tester().document(JUDGE).variable("a", "p-ivan").variable("b", "p-alfa")
            .variable("verdict", "POSITIVE").variable("cases", List.of("CASE-A")).execute().path("judgeCandidate.judgement.id")
            .entity(String.class).get();
        String written = this.client.send("""
                { auditLog(entityId: "p-alfa", first: 1) { edges { node { type operation entityIds cases } } } }""");
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(written, "$.data.auditLog.edges[0].node.operation")).isEqualTo("Judge");
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(written, "$.data.auditLog.edges[0].node.entityIds"))
            .contains("p-ivan", "p-alfa");
        assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(written, "$.data.auditLog.edges[0].node.cases")).containsExactly("CASE-A");
        assertThat(judged).isNotBlank();
    }

    @Test
    void anImportCollisionBecomesACandidateOfScoreOneAndTheReportSaysSo() {
        String report = output((out, err) -> ImportCommand.run(this.graph.db(),
                List.of("src/test/resources/import/product-written-twice.cypher"), out, err));

        assertThat(report).contains("1 entity left as written beside another of the same key in normal form; each pair is proposed"
                + " as a resolution candidate of score 1.0");
        GraphQlTester.Response products = this.client.tester().document("""
                { resolutionCandidates(kinds: [PRODUCT]) { edges { node { a { caption } b { caption } score matchKey features { name detail } } } } }
                """).execute();
        products.path("resolutionCandidates.edges").entityList(Object.class).hasSize(1);
        products.path("resolutionCandidates.edges[0].node.score").entity(Double.class).isEqualTo(1.0);
        assertThat(products.path("resolutionCandidates.edges[0].node.features[*].name").entityList(String.class).get())
            .contains("KEY_COLLISION");
        // What makes the pair certain is named as what speaks for it.
        assertThat(products.path("resolutionCandidates.edges[0].node.matchKey").entityList(String.class).get())
            .contains("KEY_COLLISION");
        assertThat(List.of(products.path("resolutionCandidates.edges[0].node.a.caption").entity(String.class).get(),
                products.path("resolutionCandidates.edges[0].node.b.caption").entity(String.class).get()))
            .containsExactlyInAnyOrder("Sildenafil 100 mg", "SILDENAFIL  100 MG");
    }

}
