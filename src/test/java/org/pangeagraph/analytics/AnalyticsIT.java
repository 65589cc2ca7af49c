package org.pangeagraph.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pangeagraph.support.ApiErrors.expectError;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * criminalNetworks, criminalNetwork, keyInfrastructure and takedownImpact on fixtures/networks.cypher,
 * N = 11 websites, weights specificity × ln(11 / k):
 * <ul>
 * <li>network X: merchant account pa-mx behind x1, x2, x3 (k 3: 1.30) and its holder co-x (1.30);
 * x3 also pays into pa-mx2 (k 1).</li>
 * <li>network Y: registrant em-y of y1 (link ended 2009-05-31) and y2 (k 2: 1.70); phone ph-y of y2
 * and y3 (k 2: 1.70).</li>
 * <li>generic: ip-hub of x1, y1, u1..u4 (k 6: 0.30) run by hp-shared (k 6: 0.21); a registrar every
 * site uses (k 11: 0); the national post for u1..u4 and x1 (k 5: 0.197); a forwarder x3 and y3 happen
 * to share (k 2: 0.43). y1 also has its own IP. z1 is alone.</li>
 * </ul>
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyticsIT {

    private static final double LN_11_3 = Math.log(11.0 / 3);

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @BeforeEach
    void loadFixture() {
        this.graph.startWith("networks");
    }

    @Test
    void networksAreBoundBySpecificItemsAndGenericOnesDoNotGlueThem() {
        GraphQlTester.Response response = this.client.executeNamed("criminalNetworks", Map.of());

        response.path("criminalNetworks.totalCount").entity(Integer.class).isEqualTo(2);
        response.path("criminalNetworks.edges[*].node.id").entityList(String.class)
            .containsExactly("network:x1.example", "network:y1.example");
        response.path("criminalNetworks.edges[0].node.websites[*].domain").entityList(String.class)
            .containsExactly("x1.example", "x2.example", "x3.example");
        response.path("criminalNetworks.edges[1].node.websites[*].domain").entityList(String.class)
            .containsExactly("y1.example", "y2.example", "y3.example");
        response.path("criminalNetworks.edges[0].node.bindingItems[*].item.id").entityList(String.class)
            .containsExactly("co-x", "pa-mx");
        assertThat(response.path("criminalNetworks.edges[0].node.bindingItems[0].weight").entity(Double.class).get())
            .isCloseTo(LN_11_3, within(1e-9));
    }

    @Test
    void aNetworkSaysWhoIsBehindItWhereItIsAndWhatWasSeized() {
        GraphQlTester.Response response = this.client.executeNamed("criminalNetworks", Map.of());

        String x = "criminalNetworks.edges[0].node.";
        response.path(x + "people[*].id").entityList(String.class).containsExactly("co-x");
        response.path(x + "countries").entityList(String.class).containsExactly("CY", "IN", "NL");
        response.path(x + "shipmentsInspected").entity(Integer.class).isEqualTo(2);
        response.path(x + "shipmentsSeized").entity(Integer.class).isEqualTo(2);
        response.path(x + "pillsSeized").entity(Integer.class).isEqualTo(420);
        response.path(x + "firstSeen").entity(String.class).isEqualTo("2008-06-01");
        response.path(x + "lastSeen").entity(String.class).isEqualTo("2009-12-31");
        String y = "criminalNetworks.edges[1].node.";
        response.path(y + "people").entityList(Object.class).hasSize(0);
        response.path(y + "shipmentsSeized").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void aLowerThresholdLetsTheSharedHostingIpGlueEverythingItServes() {
        // Generic kinds bind only when named: every kind is asked for.
        GraphQlTester.Response response = this.client.executeNamed("criminalNetworks", Map.of("minLinkScore", 0.25, "kinds",
                java.util.Arrays.stream(InfrastructureKind.values()).map(Enum::name).toList()));

        response.path("criminalNetworks.totalCount").entity(Integer.class).isEqualTo(1);
        response.path("criminalNetworks.edges[0].node.size").entity(Integer.class).isEqualTo(10);
    }

    @Test
    void kindsAsOfMinWebsitesAndPagesNarrowTheNetworks() {
        this.client.executeNamed("criminalNetworks", Map.of("kinds", List.of("PAYMENT_ACCOUNT"))).path("criminalNetworks.edges[*].node.id")
            .entityList(String.class).containsExactly("network:x1.example");
        // On 2009-06-01 y1 no longer shares the registrant: Y is y2 and y3 only.
        this.client.executeNamed("criminalNetworks", Map.of("asOf", "2009-06-01")).path("criminalNetworks.edges[1].node.websites[*].domain")
            .entityList(String.class).containsExactly("y2.example", "y3.example");
        this.client.executeNamed("criminalNetworks", Map.of("minWebsites", 4)).path("criminalNetworks.totalCount").entity(Integer.class)
            .isEqualTo(0);

        GraphQlTester.Response first = this.client.executeNamed("criminalNetworks", Map.of("first", 1));
        first.path("criminalNetworks.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String cursor = first.path("criminalNetworks.pageInfo.endCursor").entity(String.class).get();
        GraphQlTester.Response second = this.client.executeNamed("criminalNetworks", Map.of("first", 1, "after", cursor));
        second.path("criminalNetworks.edges[*].node.id").entityList(String.class).containsExactly("network:y1.example");
        second.path("criminalNetworks.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);

        expectError(this.client.executeNamed("criminalNetworks", Map.of("minWebsites", 1)), "INVALID_INPUT", "minWebsites");
        expectError(this.client.executeNamed("criminalNetworks", Map.of("first", 101)), "LIMIT_EXCEEDED", "first");
        expectError(this.client.executeNamed("criminalNetworks", Map.of("after", "forged")), "INVALID_INPUT", "after");
    }

    @Test
    void theNetworkContainingAWebsite() {
        this.client.executeNamed("criminalNetwork", Map.of("containing", "HTTPS://X2.EXAMPLE/")).path("criminalNetwork.id").entity(String.class)
            .isEqualTo("network:x1.example");
        this.client.executeNamed("criminalNetwork", Map.of("containing", "w-y3")).path("criminalNetwork.size").entity(Integer.class).isEqualTo(3);
        this.client.executeNamed("criminalNetwork", Map.of("containing", "u1.example")).path("criminalNetwork").valueIsNull();
        expectError(this.client.executeNamed("criminalNetwork", Map.of("containing", "nowhere.example")), "NOT_FOUND", "containing");
    }

    @Test
    void keyInfrastructureRanksWhatServesMostNetworksFirst() {
        GraphQlTester.Response response = this.client.executeNamed("keyInfrastructure", Map.of());

        response.path("keyInfrastructure[*].item.id").entityList(String.class).satisfies(ids ->
            assertThat(ids.subList(0, 4)).containsExactly("rg-popular", "ip-hub", "hp-shared", "cu-fast"));
        response.path("keyInfrastructure[0].networksServed").entity(Integer.class).isEqualTo(2);
        response.path("keyInfrastructure[0].networkWebsitesServed").entity(Integer.class).isEqualTo(6);
        response.path("keyInfrastructure[0].websitesServed").entity(Integer.class).isEqualTo(11);
        response.path("keyInfrastructure[*].rank").entityList(Integer.class).satisfies(ranks ->
            assertThat(ranks).startsWith(1, 2, 3, 4));
        response.path("keyInfrastructure[*].betweenness").entityList(Double.class).satisfies(values ->
            assertThat(values).allSatisfy(b -> assertThat(b).isBetween(0.0, 1.0)));
        double hub = response.path("keyInfrastructure[1].betweenness").entity(Double.class).get();
        double forwarder = response.path("keyInfrastructure[3].betweenness").entity(Double.class).get();
        assertThat(hub).isGreaterThan(forwarder);

        this.client.executeNamed("keyInfrastructure", Map.of("kinds", List.of("PAYMENT_ACCOUNT"))).path("keyInfrastructure[*].item.id")
            .entityList(String.class).containsExactly("pa-mx", "pa-mx2");
    }

    @Test
    void takingTheMerchantAccountDownLeavesTwoSitesUnpaidAndBreaksNetworkX() {
        GraphQlTester.Response response = this.client.executeNamed("takedownImpact", Map.of("ids", List.of("pa-mx")));

        response.path("takedownImpact.websitesWithoutPayment[*].domain").entityList(String.class)
            .containsExactly("x1.example", "x2.example");
        response.path("takedownImpact.websitesWithoutPaymentCount").entity(Integer.class).isEqualTo(2);
        response.path("takedownImpact.websitesWithoutHosting").entityList(Object.class).hasSize(0);
        response.path("takedownImpact.networksSplit[*].before.id").entityList(String.class).containsExactly("network:x1.example");
        response.path("takedownImpact.networksSplit[0].after[*][*].domain").entityList(String.class)
            .containsExactly("x1.example", "x2.example", "x3.example");
        response.path("takedownImpact.networksSplit[0].after").entityList(Object.class).hasSize(3);
    }

    @Test
    void takingHostingDownLeavesTheSitesWithNoOtherIpOffline() {
        for (String removed : List.of("ip-hub", "hp-shared")) {
            this.client.executeNamed("takedownImpact", Map.of("ids", List.of(removed))).path("takedownImpact.websitesWithoutHosting[*].domain")
                .entityList(String.class).containsExactly("u1.example", "u2.example", "u3.example", "u4.example", "x1.example");
        }
    }

    @Test
    void takingACourierDownCutsItsParcelsAndTakingASiteDownBreaksNothing() {
        GraphQlTester.Response courier = this.client.executeNamed("takedownImpact", Map.of("ids", List.of("cu-post")));
        courier.path("takedownImpact.shipmentsCut[*].trackingNumber").entityList(String.class)
            .containsExactly("S-U1", "S-U2", "S-U3", "S-U4", "S-X1");
        courier.path("takedownImpact.shipmentsCutCount").entity(Integer.class).isEqualTo(5);

        GraphQlTester.Response site = this.client.executeNamed("takedownImpact", Map.of("ids", List.of("w-x2")));
        site.path("takedownImpact.networksSplit").entityList(Object.class).hasSize(0);
        site.path("takedownImpact.removed[*].id").entityList(String.class).containsExactly("w-x2");

        expectError(this.client.executeNamed("takedownImpact", Map.of("ids", List.of("no-such-id"))), "NOT_FOUND", "ids");
    }

    @Test
    @Order(TestGraph.WRITES)
    void cachedAnswersFollowTheGraphWhenItChanges() {
        this.client.executeNamed("criminalNetworks", Map.of()).path("criminalNetworks.totalCount").entity(Integer.class).isEqualTo(2);
        this.client.tester().document("""
                mutation { link(input: {type: ACCEPTS_PAYMENT_TO, from: {id: "w-u1"}, to: {id: "pa-mx"}}) { created } }
                """).execute().path("link.created").entity(Boolean.class).isEqualTo(true);

        this.client.executeNamed("criminalNetworks", Map.of()).path("criminalNetworks.edges[0].node.size").entity(Integer.class).isEqualTo(4);
    }

}
