package org.pangeagraph.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pangeagraph.db.GraphVersion;
import org.pangeagraph.model.Visibility;
import org.pangeagraph.projection.Projections;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * sharedInfrastructure on fixtures/shared-infrastructure.cypher, N = 10 websites. Weights by hand,
 * weight = specificity × ln(10 / k):
 * merchant account MID-RX-0001 (k 3): 1.0 × ln(10/3) = 1.2040; its holder Rx Holdings (k 3): 1.2040;
 * IP 198.51.100.1 (k 2): 0.5 × ln 5 = 0.8047; Midsize Hosting (k 3): 0.35 × ln(10/3) = 0.4214;
 * the MegaHost IP (k 7): 0.5 × ln(10/7) = 0.1783; MegaHost (k 7): 0.35 × ln(10/7) = 0.1248;
 * the registrar every site uses (k 10): 0.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedInfrastructureIT {

    private static final double LN_10_3 = Math.log(10.0 / 3);

    private static final double LN_10_7 = Math.log(10.0 / 7);

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @Autowired
    Projections projections;

    @BeforeEach
    void loadFixture() {
        this.graph.startWith("shared-infrastructure");
    }

    @Test
    void siblingsComeInOrderOfTheirRarityWeightedScore() {
        GraphQlTester.Response response = query(Map.of("domain", "https://www.RX-ONE.example/"));

        assertThat(domains(response)).containsExactly("rx-two.example", "rx-three.example", "shop-u1.example",
                "shop-u2.example", "shop-u3.example", "shop-u4.example", "shop-u5.example", "shop-u6.example", "lone.example");
        assertThat(score(response, 0)).isCloseTo(2 * LN_10_3 + 0.5 * Math.log(5) + 0.35 * LN_10_3, within(1e-9));
        assertThat(score(response, 1)).isCloseTo(2 * LN_10_3 + 0.35 * LN_10_3, within(1e-9));
        assertThat(score(response, 2)).isCloseTo(0.5 * LN_10_7 + 0.35 * LN_10_7, within(1e-9));
        assertThat(score(response, 8)).isEqualTo(0.0);
    }

    @Test
    void eachSharedItemShowsItsWeightHowManySitesUseItAndTheLinksOnBothSides() {
        GraphQlTester.Response response = query(Map.of("domain", "rx-one.example"));

        response.path("sharedInfrastructure[0].sharedItems[*].kind").entityList(String.class)
            .containsExactly("ACCOUNT_HOLDER", "PAYMENT_ACCOUNT", "IP_ADDRESS", "HOSTING_PROVIDER", "REGISTRAR");
        response.path("sharedInfrastructure[0].sharedItems[1].item.caption").entity(String.class).isEqualTo("MID-RX-0001");
        response.path("sharedInfrastructure[0].sharedItems[1].websiteCount").entity(Integer.class).isEqualTo(3);
        response.path("sharedInfrastructure[0].sharedItems[1].routesFromWebsite[0].links[0].grade").entity(String.class)
            .isEqualTo("B2");
        response.path("sharedInfrastructure[0].sharedItems[0].routesFromOther[0].via[0].caption").entity(String.class)
            .isEqualTo("MID-RX-0001");
        response.path("sharedInfrastructure[0].sharedItems[3].routesFromWebsite[0].via[0].caption").entity(String.class)
            .isEqualTo("198.51.100.1");
        response.path("sharedInfrastructure[0].sharedItems[4].weight").entity(Double.class).isEqualTo(0.0);
    }

    @Test
    void withoutTheRoutesTheSameSiblingsScoresAndItemsAreAnswered() {
        String siblings = """
                query siblings($domain: String!) {
                  sharedInfrastructure(domain: $domain) {
                    website { domain name } score sharedItems { kind weight websiteCount item { caption } %s }
                  }
                }""";
        GraphQlTester.Response full = this.client.tester().document(siblings.formatted("routesFromWebsite { via { caption } } routesFromOther { via { caption } }"))
            .variable("domain", "rx-one.example").execute();
        GraphQlTester.Response lean = this.client.tester().document(siblings.formatted("")).variable("domain", "rx-one.example").execute();

        assertThat(domains(lean)).containsExactlyElementsOf(domains(full));
        for (String field : List.of("website.name", "score", "sharedItems[*].kind", "sharedItems[*].weight",
                "sharedItems[*].websiteCount", "sharedItems[*].item.caption")) {
            assertThat(lean.path("sharedInfrastructure[*]." + field).entityList(Object.class).get()).as(field)
                .isEqualTo(full.path("sharedInfrastructure[*]." + field).entityList(Object.class).get());
        }
        full.path("sharedInfrastructure[0].sharedItems[0].routesFromOther[0].via[0].caption").entity(String.class)
            .isEqualTo("MID-RX-0001");
        full.path("sharedInfrastructure[0].sharedItems[0].routesFromWebsite[0].via[0].caption").entity(String.class)
            .isEqualTo("MID-RX-0001");
    }

    @Test
    void asOfUsesOnlyLinksThatHeldThatDayWithBothBoundsIncluded() {
        // rx-two left 198.51.100.1 on 2009-06-30: that day it still shares it, the day after it does not,
        // and the IP's and the provider's counts fall with it.
        GraphQlTester.Response lastDay = query(Map.of("domain", "rx-one.example", "asOf", "2009-06-30"));
        assertThat(domains(lastDay).get(0)).isEqualTo("rx-two.example");

        GraphQlTester.Response dayAfter = query(Map.of("domain", "rx-one.example", "asOf", "2009-07-01"));
        assertThat(domains(dayAfter).subList(0, 2)).containsExactly("rx-three.example", "rx-two.example");
        assertThat(score(dayAfter, 0)).isCloseTo(2 * LN_10_3 + 0.35 * Math.log(5), within(1e-9));
        assertThat(score(dayAfter, 1)).isCloseTo(2 * LN_10_3, within(1e-9));

        // Before either was hosted at 198.51.100.1, only the undated links count: the account and its
        // holder, equally for both, so the tie is broken by domain.
        GraphQlTester.Response before = query(Map.of("domain", "rx-one.example", "asOf", "2008-12-31"));
        assertThat(domains(before).subList(0, 2)).containsExactly("rx-three.example", "rx-two.example");
        assertThat(score(before, 0)).isCloseTo(2 * LN_10_3, within(1e-9));
        assertThat(score(before, 1)).isCloseTo(2 * LN_10_3, within(1e-9));
    }

    @Test
    void kindsAndMinScoreNarrowTheAnswer() {
        GraphQlTester.Response accounts = query(Map.of("domain", "rx-one.example", "kinds", List.of("PAYMENT_ACCOUNT")));
        assertThat(domains(accounts)).containsExactly("rx-three.example", "rx-two.example");

        GraphQlTester.Response strong = query(Map.of("domain", "rx-one.example", "minScore", 1.0));
        assertThat(domains(strong)).containsExactly("rx-two.example", "rx-three.example");

        GraphQlTester.Response firstTwo = query(Map.of("domain", "rx-one.example", "first", 2));
        assertThat(domains(firstTwo)).containsExactly("rx-two.example", "rx-three.example");

        query(Map.of("domain", "rx-one.example", "minScore", -1.0)).errors()
            .expect(e -> "INVALID_INPUT".equals(e.getExtensions().get("code")) && "minScore".equals(e.getExtensions().get("field")))
            .verify();
    }

    @Test
    @Order(TestGraph.WRITES)
    void theCachedProjectionAndTheDatabaseGiveTheSameAnswer() {
        // A graph version nothing has asked about yet (the tests before may have built a projection of the
        // fixture's): no projection of it.
        new GraphVersion(this.graph.db()).bump();
        // The first call counts in the database (no projection yet for this graph version); once the
        // projection is built, the counts and the other websites come from it.
        String counted = query(Map.of("domain", "rx-one.example")).returnResponse().getData().toString();
        this.projections.projection(this.projections.key(Visibility.everything(), null));
        String projected = query(Map.of("domain", "rx-one.example")).returnResponse().getData().toString();
        assertThat(projected).isEqualTo(counted);
    }

    @Test
    @Order(TestGraph.WRITES)
    void anItemAndAWebsiteWrittenAfterTheProjectionWasBuiltAreCountedInTheDatabase() {
        this.projections.projection(this.projections.key(Visibility.everything(), null));
        // Written behind the application's back: the graph version stays, so the projection stays current
        // for it, and neither the new account nor the new website is in it.
        this.graph.write("""
                MATCH (w:Website {domain: 'rx-one.example'})
                CREATE (n:Entity:Website {id: 'w-newcomer', domain: 'newcomer.example'})
                CREATE (a:Entity:PaymentAccount {id: 'pa-newcomer', identifier: 'MID-NEW-0001', kind: 'CARD_MERCHANT'})
                CREATE (w)-[:ACCEPTS_PAYMENT_TO {id: 'l-new-1'}]->(a)
                CREATE (n)-[:ACCEPTS_PAYMENT_TO {id: 'l-new-2'}]->(a)
                """, Map.of());

        GraphQlTester.Response response = query(Map.of("domain", "rx-one.example", "kinds", List.of("PAYMENT_ACCOUNT")));

        // N is the projection's 10 websites; the new account is reached by 2: 1.0 × ln(10 / 2).
        assertThat(domains(response)).containsExactly("newcomer.example", "rx-three.example", "rx-two.example");
        assertThat(score(response, 0)).isCloseTo(Math.log(5), within(1e-9));
        assertThat(score(response, 1)).isCloseTo(LN_10_3, within(1e-9));
    }

    @Test
    void twoWebsitesDelegatedToOneNameServerShareItAsMuchAsAnIpAddress() {
        // Written through the API as an analyst would: lone.example and shop-u1.example on one name server,
        // which no other website uses. k = 2 of N = 10: 0.5 × ln(10 / 2); the registrar they share weighs 0.
        this.client.tester().document("""
                mutation { upsertNameServer(input: {hostName: "NS1.Bullet-Proof.example."}) { created nameServer { hostName } } }""")
            .execute().path("upsertNameServer.nameServer.hostName").entity(String.class).isEqualTo("ns1.bullet-proof.example");
        for (String domain : List.of("lone.example", "shop-u1.example")) {
            this.client.tester().document("""
                    mutation delegate($domain: String!) {
                      link(input: {type: USES_NAME_SERVER, from: {kind: WEBSITE, key: $domain},
                                   to: {kind: NAME_SERVER, key: "ns1.bullet-proof.example"}, source: "fixture-whois"}) { created }
                    }""").variable("domain", domain).execute().path("link.created").entity(Boolean.class).isEqualTo(true);
        }

        GraphQlTester.Response response = query(Map.of("domain", "lone.example"));

        assertThat(domains(response).get(0)).isEqualTo("shop-u1.example");
        assertThat(score(response, 0)).isCloseTo(0.5 * Math.log(5), within(1e-9));
        assertThat(score(response, 1)).isEqualTo(0.0);
        response.path("sharedInfrastructure[0].sharedItems[*].kind").entityList(String.class).containsExactly("NAME_SERVER", "REGISTRAR");
        response.path("sharedInfrastructure[0].sharedItems[0].item.caption").entity(String.class).isEqualTo("ns1.bullet-proof.example");
        response.path("sharedInfrastructure[0].sharedItems[0].websiteCount").entity(Integer.class).isEqualTo(2);
        response.path("sharedInfrastructure[0].sharedItems[0].routesFromOther[0].links[0].type").entity(String.class)
            .isEqualTo("USES_NAME_SERVER");
    }

    @Test
    void anUnknownWebsiteIsNotFoundAndAMalformedDomainIsInvalid() {
        this.client.tester().documentName("sharedInfrastructure").variable("domain", "nowhere.example").execute()
            .errors().satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "NOT_FOUND"));
        this.client.tester().documentName("sharedInfrastructure").variable("domain", "not a domain").execute()
            .errors().satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID_INPUT")
                .containsEntry("field", "domain"));
        this.client.tester().documentName("sharedInfrastructure").variable("domain", "rx-one.example").variable("first", 101)
            .execute().errors().satisfy(errors -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "LIMIT_EXCEEDED"));
    }

    private GraphQlTester.Response query(Map<String, Object> variables) {
        return this.client.executeNamed("sharedInfrastructure", variables);
    }

    private static List<String> domains(GraphQlTester.Response response) {
        return response.path("sharedInfrastructure[*].website.domain").entityList(String.class).get();
    }

    private static double score(GraphQlTester.Response response, int index) {
        return response.path("sharedInfrastructure[" + index + "].score").entity(Double.class).get();
    }

}
