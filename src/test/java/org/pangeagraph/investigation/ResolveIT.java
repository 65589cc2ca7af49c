package org.pangeagraph.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

/**
 * {@code resolve: true} on the traversals, on fixtures/resolve.cypher, every answer worked out by hand
 * as investigator-a sees the graph (13 websites, none of a case; j-hidden of CASE-B unseen):
 *
 * <pre>
 *   p-ivan ── w-a alpha-pharma ── pa-1 ── w-b beta-pharma
 *             w-a2 alpha-pharrna ── pa-2 ── w-c gamma-pharma       w-a2 ── ip-1 ── w-d delta-pharma
 *             w-f zeta-pharma ── pa-3                              w-e epsilon-pharma, filler-1..6: alone
 *   SAME_AS w-a = w-a2 (j-web), pa-2 = pa-3 (j-acct); w-b = w-d of CASE-B (j-hidden);
 *   NOT_SAME_AS w-c / w-d; SAME_AS w-b = w-e retracted.
 * </pre>
 *
 * Resolved, N is 12 (w-a and w-a2 one website), pa-2 and pa-3 one account of w-a/w-a2, w-c and w-f.
 */
@IntegrationTest
class ResolveIT {

    private static final String SIBLINGS = """
            query Siblings($domain: String!, $resolve: Boolean) {
              sharedInfrastructure(domain: $domain, resolve: $resolve) {
                website { domain } score
                sameAs { judgementId }
                sharedItems { kind item { id } weight websiteCount routesFromWebsite { links { type } } routesFromOther { links { type } }
                              sameAs { kind judgementId from to judgedBy evidence } }
              }
            }""";

    private static final String NETWORK = """
            query Network($ids: [ID!]!, $resolve: Boolean) {
              network(ids: $ids, depth: 1, resolve: $resolve) {
                nodes { id } edges { id type source target sameAs { judgementId judgedBy evidence } } truncated
              }
            }""";

    private static final String PATHS = """
            query Paths($from: ID!, $to: ID!, $resolve: Boolean) {
              paths(from: $from, to: $to, resolve: $resolve) {
                length nodes { id } edges { id type source target sameAs { kind judgementId judgedBy judgedAt evidence } }
              }
            }""";

    private static final String NETWORKS = """
            query Networks($resolve: Boolean) {
              criminalNetworks(resolve: $resolve) {
                totalCount
                edges { node { id size websites { domain } bindingItems { item { id } weight websiteCount } sameAs { judgementId }
                               subgraph { nodes { id } edges { type sameAs { judgementId } } } } }
              }
            }""";

    private static final String KEY = """
            query Key($resolve: Boolean) {
              keyInfrastructure(kinds: [PAYMENT_ACCOUNT], resolve: $resolve) {
                rank item { id } networksServed networkWebsitesServed websitesServed sameAs { judgementId }
              }
            }""";

    private static final String TAKEDOWN = """
            query Takedown($ids: [ID!]!, $resolve: Boolean) {
              takedownImpact(ids: $ids, resolve: $resolve) {
                removed { id } websitesWithoutPayment { domain } websitesWithoutPaymentCount
                networksSplit { before { id size } after { domain } } sameAs { judgementId }
              }
            }""";

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @BeforeEach
    void loadFixture() {
        this.graph.startWith("resolve");
    }

    private GraphQlTester.Response ask(String document, Map<String, Object> variables) {
        return this.client.as(TestUsers.INVESTIGATOR_A).execute(document, variables);
    }

    private static List<String> strings(GraphQlTester.Response response, String path) {
        return response.path(path).entityList(String.class).get();
    }

    @Test
    void sharedInfrastructureCountsTheLookAlikeAsTheWebsiteItself() {
        // As ever: w-a shares pa-1 with w-b, 1.0 x ln(13 / 2).
        GraphQlTester.Response plain = ask(SIBLINGS, Map.of("domain", "alpha-pharma.example", "resolve", false));
        plain.path("sharedInfrastructure[*].website.domain").entityList(String.class).containsExactly("beta-pharma.example");
        assertThat(plain.path("sharedInfrastructure[0].score").entity(Double.class).get()).isCloseTo(Math.log(13 / 2.0), within(1e-9));

        GraphQlTester.Response resolved = ask(SIBLINGS, Map.of("domain", "alpha-pharma.example", "resolve", true));
        // w-a with w-a2 reaches pa-1, pa-2 (= pa-3) and ip-1; w-a2 is not its own sibling. N = 12.
        resolved.path("sharedInfrastructure[*].website.domain").entityList(String.class)
            .containsExactly("beta-pharma.example", "gamma-pharma.example", "zeta-pharma.example", "delta-pharma.example");
        List<Double> scores = resolved.path("sharedInfrastructure[*].score").entityList(Double.class).get();
        assertThat(scores.get(0)).isCloseTo(Math.log(12 / 2.0), within(1e-9));
        assertThat(scores.get(1)).isCloseTo(Math.log(12 / 3.0), within(1e-9));
        assertThat(scores.get(2)).isCloseTo(Math.log(12 / 3.0), within(1e-9));
        assertThat(scores.get(3)).isCloseTo(0.5 * Math.log(12 / 2.0), within(1e-9));
        // w-b shares pa-1 with w-a itself: no judgement behind it.
        resolved.path("sharedInfrastructure[0].sharedItems[0].sameAs").entityList(Object.class).hasSize(0);
        // w-f pays into pa-3, judged the same as pa-2, which w-a2 (judged the same as w-a) pays into.
        resolved.path("sharedInfrastructure[2].sharedItems[0].item.id").entity(String.class).isEqualTo("pa-2");
        resolved.path("sharedInfrastructure[2].sharedItems[0].websiteCount").entity(Integer.class).isEqualTo(3);
        resolved.path("sharedInfrastructure[2].sharedItems[0].sameAs[*].judgementId").entityList(String.class)
            .containsExactly("j-acct", "j-web");
        resolved.path("sharedInfrastructure[2].sharedItems[0].sameAs[1].evidence").entity(String.class)
            .isEqualTo("via SAME_AS, judged by investigator-a on 2026-11-02");
        resolved.path("sharedInfrastructure[2].sharedItems[0].routesFromWebsite[0].links[*].type").entityList(String.class)
            .containsExactly("ACCEPTS_PAYMENT_TO");
        resolved.path("sharedInfrastructure[2].sharedItems[0].routesFromOther[0].links[*].type").entityList(String.class)
            .containsExactly("ACCEPTS_PAYMENT_TO");
        // w-d shares ip-1 through w-a2 only.
        resolved.path("sharedInfrastructure[3].sharedItems[0].kind").entity(String.class).isEqualTo("IP_ADDRESS");
        resolved.path("sharedInfrastructure[3].sharedItems[0].sameAs[*].judgementId").entityList(String.class).containsExactly("j-web");
        // Asked of the look-alike, the same siblings.
        ask(SIBLINGS, Map.of("domain", "alpha-pharrna.example", "resolve", true)).path("sharedInfrastructure[*].website.domain")
            .entityList(String.class)
            .containsExactly("beta-pharma.example", "gamma-pharma.example", "zeta-pharma.example", "delta-pharma.example");
    }

    @Test
    void networkBringsEveryMemberOfAClusterJoinedBySameAsAndExpandsThemAll() {
        GraphQlTester.Response plain = ask(NETWORK, Map.of("ids", List.of("w-a"), "resolve", false));
        assertThat(strings(plain, "network.nodes[*].id")).containsExactlyInAnyOrder("w-a", "pa-1", "p-ivan");

        GraphQlTester.Response resolved = ask(NETWORK, Map.of("ids", List.of("w-a")));
        assertThat(strings(resolved, "network.nodes[*].id")).containsExactlyInAnyOrder("w-a", "pa-1", "p-ivan");

        resolved = ask(NETWORK, Map.of("ids", List.of("w-a"), "resolve", true));
        // w-a2 comes with w-a; expanded, it reaches pa-2 and ip-1; pa-3 comes with pa-2.
        assertThat(strings(resolved, "network.nodes[*].id")).containsExactlyInAnyOrder("w-a", "w-a2", "pa-1", "p-ivan", "pa-2", "ip-1", "pa-3");
        assertThat(strings(resolved, "network.edges[*].id")).containsExactlyInAnyOrder("l-op", "l-pay-a", "l-pay-a2", "l-host-a2", "j-web", "j-acct");
        resolved.path("network.edges[?(@.id == 'j-web')].type").entityList(Object.class).containsExactly((Object) null);
        resolved.path("network.edges[?(@.id == 'j-web')].source").entityList(String.class).containsExactly("w-a");
        resolved.path("network.edges[?(@.id == 'j-web')].sameAs.evidence").entityList(String.class)
            .containsExactly("via SAME_AS, judged by investigator-a on 2026-11-02");
        resolved.path("network.edges[?(@.id == 'l-op')].sameAs").entityList(Object.class).containsExactly((Object) null);
        resolved.path("network.truncated").entity(Boolean.class).isEqualTo(false);

        // A NEGATIVE judgement joins nothing: w-c and w-d stay apart.
        assertThat(strings(ask(NETWORK, Map.of("ids", List.of("w-c"), "resolve", true)), "network.nodes[*].id")).containsExactlyInAnyOrder("w-c", "pa-2", "pa-3");
        // A retracted one neither: w-b and w-e.
        assertThat(strings(ask(NETWORK, Map.of("ids", List.of("w-b"), "resolve", true)), "network.nodes[*].id")).containsExactlyInAnyOrder("w-b", "pa-1");
    }

    @Test
    void aPathStepsThroughSameAsAndShowsTheStep() {
        ask(PATHS, Map.of("from", "p-ivan", "to", "w-c", "resolve", false)).path("paths").entityList(Object.class).hasSize(0);

        GraphQlTester.Response resolved = ask(PATHS, Map.of("from", "p-ivan", "to", "w-c", "resolve", true));
        resolved.path("paths[*].length").entityList(Integer.class).containsExactly(4);
        resolved.path("paths[0].nodes[*].id").entityList(String.class).containsExactly("p-ivan", "w-a", "w-a2", "pa-2", "w-c");
        resolved.path("paths[0].edges[*].id").entityList(String.class).containsExactly("l-op", "j-web", "l-pay-a2", "l-pay-c");
        resolved.path("paths[0].edges[1].type").valueIsNull();
        resolved.path("paths[0].edges[1].sameAs.kind").entity(String.class).isEqualTo("SAME_AS");
        resolved.path("paths[0].edges[1].sameAs.judgedBy").entity(String.class).isEqualTo("investigator-a");
        resolved.path("paths[0].edges[1].sameAs.evidence").entity(String.class)
            .isEqualTo("via SAME_AS, judged by investigator-a on 2026-11-02");
        resolved.path("paths[0].edges[0].sameAs").valueIsNull();
        // Never through a retracted judgement.
        ask(PATHS, Map.of("from", "w-b", "to", "w-e", "resolve", true)).path("paths").entityList(Object.class).hasSize(0);
    }

    @Test
    void criminalNetworksKeyInfrastructureAndTakedownImpactRunOnTheResolvedProjection() {
        // As ever: {w-a, w-b} on pa-1 and {w-a2, w-c} on pa-2, each weighing ln(13 / 2).
        ask(NETWORKS, Map.of("resolve", false)).path("criminalNetworks.edges[*].node.id").entityList(String.class)
            .containsExactly("network:alpha-pharma.example", "network:alpha-pharrna.example");

        GraphQlTester.Response resolved = ask(NETWORKS, Map.of("resolve", true));
        // One network: w-a (= w-a2), w-b on pa-1 (ln 6) and w-c, w-f on pa-2 = pa-3 (ln 4); four websites, five domains.
        resolved.path("criminalNetworks.totalCount").entity(Integer.class).isEqualTo(1);
        resolved.path("criminalNetworks.edges[0].node.id").entity(String.class).isEqualTo("network:alpha-pharma.example");
        resolved.path("criminalNetworks.edges[0].node.size").entity(Integer.class).isEqualTo(4);
        resolved.path("criminalNetworks.edges[0].node.websites[*].domain").entityList(String.class).containsExactly(
                "alpha-pharma.example", "alpha-pharrna.example", "beta-pharma.example", "gamma-pharma.example", "zeta-pharma.example");
        resolved.path("criminalNetworks.edges[0].node.bindingItems[*].item.id").entityList(String.class).containsExactly("pa-1", "pa-2");
        List<Double> weights = resolved.path("criminalNetworks.edges[0].node.bindingItems[*].weight").entityList(Double.class).get();
        assertThat(weights.get(0)).isCloseTo(Math.log(6), within(1e-9));
        assertThat(weights.get(1)).isCloseTo(Math.log(4), within(1e-9));
        resolved.path("criminalNetworks.edges[0].node.sameAs[*].judgementId").entityList(String.class).containsExactly("j-acct", "j-web");
        assertThat(strings(resolved, "criminalNetworks.edges[0].node.subgraph.edges[?(@.sameAs)].sameAs.judgementId")).containsExactlyInAnyOrder("j-acct", "j-web");

        // As ever: pa-1 and pa-2 each serve one network of two websites; pa-2 comes first on betweenness (w-c's
        // ways to w-a2 and, through ip-1, to w-d run through it); pa-3 serves none.
        GraphQlTester.Response plainKey = ask(KEY, Map.of("resolve", false));
        plainKey.path("keyInfrastructure[*].item.id").entityList(String.class).containsExactly("pa-2", "pa-1", "pa-3");
        plainKey.path("keyInfrastructure[0].networkWebsitesServed").entity(Integer.class).isEqualTo(2);
        plainKey.path("keyInfrastructure[0].sameAs").entityList(Object.class).hasSize(0);
        GraphQlTester.Response key = ask(KEY, Map.of("resolve", true));
        key.path("keyInfrastructure[*].item.id").entityList(String.class).containsExactly("pa-2", "pa-1");
        key.path("keyInfrastructure[0].networkWebsitesServed").entity(Integer.class).isEqualTo(3);
        key.path("keyInfrastructure[0].websitesServed").entity(Integer.class).isEqualTo(3);
        key.path("keyInfrastructure[0].sameAs[*].judgementId").entityList(String.class).containsExactly("j-acct");

        GraphQlTester.Response plain = ask(TAKEDOWN, Map.of("ids", List.of("pa-1"), "resolve", false));
        plain.path("takedownImpact.websitesWithoutPayment[*].domain").entityList(String.class)
            .containsExactly("alpha-pharma.example", "beta-pharma.example");
        plain.path("takedownImpact.networksSplit[0].after[*][*].domain").entityList(String.class)
            .containsExactly("alpha-pharma.example", "beta-pharma.example");
        GraphQlTester.Response impact = ask(TAKEDOWN, Map.of("ids", List.of("pa-1"), "resolve", true));
        // w-a keeps payment through w-a2's pa-2; the network loses w-b alone.
        impact.path("takedownImpact.websitesWithoutPayment[*].domain").entityList(String.class).containsExactly("beta-pharma.example");
        impact.path("takedownImpact.websitesWithoutPaymentCount").entity(Integer.class).isEqualTo(1);
        impact.path("takedownImpact.networksSplit[0].before.size").entity(Integer.class).isEqualTo(4);
        impact.path("takedownImpact.networksSplit[0].after[0][*].domain").entityList(String.class)
            .containsExactly("alpha-pharma.example", "alpha-pharrna.example", "gamma-pharma.example", "zeta-pharma.example");
        impact.path("takedownImpact.networksSplit[0].after[1][*].domain").entityList(String.class).containsExactly("beta-pharma.example");
        impact.path("takedownImpact.sameAs[*].judgementId").entityList(String.class).containsExactly("j-web");
        // Taking pa-3 down takes down pa-2, judged the same.
        assertThat(strings(ask(TAKEDOWN, Map.of("ids", List.of("pa-3"), "resolve", true)), "takedownImpact.removed[*].id")).containsExactlyInAnyOrder("pa-2", "pa-3");
    }

    /** pa-3 is in the answer only as the other end of the step joining it to pa-2: the audit record names it. */
    @Test
    void theAuditRecordNamesBothEndsOfEverySameAsStep() {
        String answer = this.client.as(TestUsers.INVESTIGATOR_A).send("""
                query KeyResolvedForTheAudit { keyInfrastructure(kinds: [PAYMENT_ACCOUNT], resolve: true) { item { id } sameAs { judgementId } } }
                """);
        assertThat(answer).doesNotContain("pa-3").doesNotContain("\"errors\"");
        String log = this.client.send("{ auditLog(first: 20) { edges { node { operation entityIds } } } }");
        List<List<String>> ids = com.jayway.jsonpath.JsonPath.read(log,
                "$.data.auditLog.edges[?(@.node.operation == 'KeyResolvedForTheAudit')].node.entityIds");
        assertThat(ids).hasSize(1);
        assertThat(ids.get(0)).contains("pa-1", "pa-2", "pa-3");
    }

    @Test
    void aJudgementOfACaseTheReaderIsNotInJoinsNothingForThem() {
        // j-hidden (CASE-B) makes w-b and w-d one for a member of case B only.
        GraphQlClient bravo = this.client.as(TestUsers.INVESTIGATOR_B);
        assertThat(strings(bravo.execute(NETWORK, Map.of("ids", List.of("w-b"), "resolve", true)), "network.nodes[*].id")).containsExactlyInAnyOrder("w-b", "w-d", "pa-1", "ip-1");
        bravo.execute(PATHS, Map.of("from", "w-b", "to", "w-d", "resolve", true)).path("paths[0].length").entity(Integer.class).isEqualTo(1);

        assertThat(strings(ask(NETWORK, Map.of("ids", List.of("w-b"), "resolve", true)), "network.nodes[*].id")).containsExactlyInAnyOrder("w-b", "pa-1");
        // For investigator-a the way from w-b to w-d runs through pa-1, w-a = w-a2 and ip-1.
        ask(PATHS, Map.of("from", "w-b", "to", "w-d", "resolve", true)).path("paths[0].edges[*].id").entityList(String.class)
            .containsExactly("l-pay-b", "l-pay-a", "j-web", "l-host-a2", "l-host-d");
        ask(SIBLINGS, Map.of("domain", "beta-pharma.example", "resolve", true)).path("sharedInfrastructure[*].website.domain")
            .entityList(String.class).containsExactly("alpha-pharma.example");
    }

    @Test
    void afterRetractingAJudgementTheAnswerIsBack() {
        Map<String, Object> question = Map.of("ids", List.of("w-b"), "resolve", true);
        String before = ask(NETWORK, question).returnResponse().toString();
        String id = this.client.tester().document("""
                mutation { judgeCandidate(input: {a: "w-b", b: "w-filler-1", verdict: POSITIVE, note: "same shop"}) { judgement { id } } }""")
            .execute().path("judgeCandidate.judgement.id").entity(String.class).get();
        assertThat(strings(ask(NETWORK, question), "network.nodes[*].id")).containsExactlyInAnyOrder("w-b", "w-filler-1", "pa-1");

        this.client.tester().document("mutation Retract($id: ID!) { retractJudgement(id: $id, note: \"not the same\") { judgement { id } } }")
            .variable("id", id).execute().path("retractJudgement.judgement.id").entity(String.class).isEqualTo(id);

        assertThat(ask(NETWORK, question).returnResponse().toString()).isEqualTo(before);
    }

}
