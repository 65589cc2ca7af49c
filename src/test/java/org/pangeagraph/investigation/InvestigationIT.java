package org.pangeagraph.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pangeagraph.support.ApiErrors.expectError;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * network, paths, timeline, search and an operation's figures on fixtures/investigation.cypher:
 *
 * <pre>
 *   p-viktor --OPERATES--> w-main <--REDIRECTS_TO-- w-door <--TOOK_DOWN 2009-11-20-- op-1
 *   p-viktor --OPERATES--> w-door           w-main --HOSTED_AT--> ip-hub <--HOSTED_AT-- w-h1..w-h6
 *   p-viktor --ASSOCIATE_OF--> p-marta <--SENT_BY-- s-1 --ORDERED_FROM--> w-bp
 *   op-1 --INSPECTED, SEIZED--> s-1 (inspected 2009-11-17, 500 pills)   w-main --> pa-1, ph-1
 *   w-bp --HOSTED_AT 2009-03-01..2009-08-31--> ip-old --ALLOCATED_TO--> hp-bph
 *   w-bp --HOSTED_AT 2009-09-01..--> ip-new --ALLOCATED_TO--> hp-bph
 *   w-c1 -> w-c2 -> w-c3 -> w-c1 (redirect cycle)        w-iso (alone)
 * </pre>
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvestigationIT {

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @BeforeEach
    void loadFixture() {
        this.graph.startWith("investigation");
    }

    @Test
    void networkOfDepthOneIsTheNeighboursAndTheLinksAmongThem() {
        GraphQlTester.Response response = network(Map.of("ids", List.of("p-viktor"), "depth", 1));

        assertThat(ids(response)).containsExactlyInAnyOrder("p-viktor", "w-main", "w-door", "p-marta");
        assertThat(response.path("network.edges[*].type").entityList(String.class).get())
            .containsExactlyInAnyOrder("OPERATES", "OPERATES", "ASSOCIATE_OF", "REDIRECTS_TO");
        response.path("network.truncated").entity(Boolean.class).isEqualTo(false);
        response.path("network.nodes[?(@.id == 'p-marta')].caption").entityList(String.class).containsExactly("Marta Example");
    }

    @Test
    void networkOfDepthTwoGoesOneLevelFurther() {
        GraphQlTester.Response response = network(Map.of("ids", List.of("p-viktor"), "depth", 2));

        assertThat(ids(response)).containsExactlyInAnyOrder("p-viktor", "w-main", "w-door", "p-marta", "ip-hub", "pa-1",
                "ph-1", "op-1", "s-1");
        assertThat(response.path("network.edges[*].type").entityList(String.class).get()).containsExactlyInAnyOrder(
                "OPERATES", "OPERATES", "ASSOCIATE_OF", "REDIRECTS_TO", "HOSTED_AT", "ACCEPTS_PAYMENT_TO", "LISTS_CONTACT",
                "TOOK_DOWN", "SENT_BY", "INSPECTED", "SEIZED");
    }

    @Test
    void maxNodesKeepsTheClosestEntitiesAndSaysItCut() {
        GraphQlTester.Response response = network(Map.of("ids", List.of("p-viktor"), "depth", 2, "maxNodes", 6));

        // Room for two at depth 2: first what p-marta (2 links) leads to, s-1; then w-door (3 links),
        // op-1; w-main (5 links) comes last, and its IP, account and phone are cut.
        assertThat(ids(response)).containsExactlyInAnyOrder("p-viktor", "w-main", "w-door", "p-marta", "s-1", "op-1");
        response.path("network.truncated").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    @Order(TestGraph.WRITES)
    void anEntityWithMoreLinksThanASubgraphHoldsIsNotExpandedWhereTheBudgetRunsOut() {
        // An associate of p-viktor sent more parcels than any subgraph holds. At depth 2, with room for
        // seven more entities, what w-main, w-door and p-marta lead to is kept (five), and none of the
        // sender's parcels: any two of them would be an arbitrary two.
        this.graph.write("""
                MATCH (v:Person {id: 'p-viktor'})
                CREATE (s:Entity:Person {id: 'p-sender', name: 'Busy Sender'})
                CREATE (v)-[:ASSOCIATE_OF {id: 'l-v-sender'}]->(s)
                WITH s
                UNWIND range(1, $n) AS i
                CREATE (:Entity:Shipment {id: 's-big-' + i, trackingNumber: 'BIG' + i})-[:SENT_BY {id: 'l-big-' + i}]->(s)
                """, Map.of("n", NeighbourhoodQuery.SPREAD_CAP + 1));

        GraphQlTester.Response cut = network(Map.of("ids", List.of("p-viktor"), "depth", 2, "maxNodes", 12));

        assertThat(ids(cut)).containsExactly("p-viktor", "p-marta", "p-sender", "w-door", "w-main", "ip-hub", "op-1", "pa-1",
                "ph-1", "s-1");
        cut.path("network.truncated").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    @Order(TestGraph.WRITES)
    void aLinkBetweenTwoHubsIsFound() {
        // A hosting provider and a country with more links each than a hub has: the link between them is
        // found by its type, not by walking either's hundreds of links.
        this.graph.write("""
                CREATE (hp:Entity:HostingProvider {id: 'hp-big', nameKey: 'big hosting', name: 'Big Hosting'})
                CREATE (c:Entity:Country {id: 'c-xx', code: 'XX', name: 'Example Country'})
                CREATE (hp)-[:LOCATED_IN {id: 'l-hp-xx'}]->(c)
                WITH hp, c
                UNWIND range(1, $n) AS i
                CREATE (:Entity:IpAddress {id: 'ip-big-' + i, address: '10.9.' + (i / 256) + '.' + (i % 256)})
                  -[:ALLOCATED_TO {id: 'l-ip-' + i}]->(hp)
                CREATE (:Entity:Address {id: 'a-big-' + i, key: 'address ' + i, text: 'Address ' + i})
                  -[:LOCATED_IN {id: 'l-a-' + i}]->(c)
                """, Map.of("n", NeighbourhoodQuery.HUB_DEGREE + 1));

        GraphQlTester.Response response = network(Map.of("ids", List.of("hp-big", "c-xx"), "depth", 1, "kinds",
                List.of("HOSTING_PROVIDER", "COUNTRY")));

        assertThat(ids(response)).containsExactlyInAnyOrder("hp-big", "c-xx");
        response.path("network.edges[*].id").entityList(String.class).containsExactly("l-hp-xx");
        response.path("network.edges[0].source").entity(String.class).isEqualTo("hp-big");
        response.path("network.edges[0].target").entity(String.class).isEqualTo("c-xx");
    }

    @Test
    void networkFollowsOnlyTheAskedTypesAndKinds() {
        assertThat(ids(network(Map.of("ids", List.of("p-viktor"), "depth", 3, "relationshipTypes", List.of("OPERATES")))))
            .containsExactlyInAnyOrder("p-viktor", "w-main", "w-door");
        assertThat(ids(network(Map.of("ids", List.of("p-viktor"), "depth", 2, "kinds", List.of("WEBSITE")))))
            .containsExactlyInAnyOrder("p-viktor", "w-main", "w-door");
    }

    @Test
    void networkAsOfLeavesOutLinksThatNoLongerHeld() {
        GraphQlTester.Response response = network(Map.of("ids", List.of("w-bp"), "depth", 1, "asOf", "2009-10-01"));

        assertThat(ids(response)).containsExactlyInAnyOrder("w-bp", "ip-new", "s-1");
    }

    @Test
    void networkRefusesWiderRequestsAndUnknownIds() {
        expectError(network(Map.of("ids", List.of("p-viktor"), "depth", 5)), "LIMIT_EXCEEDED", "depth");
        expectError(network(Map.of("ids", List.of("p-viktor"), "maxNodes", 2001)), "LIMIT_EXCEEDED", "maxNodes");
        expectError(network(Map.of("ids", List.of("no-such-id"))), "NOT_FOUND", "ids");
    }

    @Test
    void theShortestPathFromAnOperatorToAWebsiteRunsThroughHisAssociatesParcel() {
        GraphQlTester.Response response = paths(Map.of("from", "p-viktor", "to", "w-bp"));

        response.path("paths[*].length").entityList(Integer.class).containsExactly(3);
        response.path("paths[0].nodes[*].id").entityList(String.class).containsExactly("p-viktor", "p-marta", "s-1", "w-bp");
        response.path("paths[0].edges[*].type").entityList(String.class)
            .containsExactly("ASSOCIATE_OF", "SENT_BY", "ORDERED_FROM");
        response.path("paths[0].edges[1].source").entity(String.class).isEqualTo("s-1");
        response.path("paths[0].edges[1].target").entity(String.class).isEqualTo("p-marta");
    }

    @Test
    void allShortestAndKShortestPaths() {
        paths(Map.of("from", "p-viktor", "to", "w-bp", "mode", "ALL_SHORTEST")).path("paths[*].length")
            .entityList(Integer.class).containsExactly(3);
        paths(Map.of("from", "p-viktor", "to", "w-bp", "mode", "K_SHORTEST", "k", 3)).path("paths[*].length")
            .entityList(Integer.class).containsExactly(3, 4, 4);
        GraphQlTester.Response cycle = paths(Map.of("from", "w-c1", "to", "w-c3", "mode", "K_SHORTEST", "k", 2));
        cycle.path("paths[*].length").entityList(Integer.class).containsExactly(1, 2);
        cycle.path("paths[1].nodes[*].id").entityList(String.class).containsExactly("w-c1", "w-c2", "w-c3");
    }

    @Test
    void disconnectedEntitiesHaveNoPathAndHopsAreBounded() {
        paths(Map.of("from", "w-iso", "to", "w-main")).path("paths").entityList(Object.class).hasSize(0);
        paths(Map.of("from", "p-viktor", "to", "w-bp", "maxHops", 2)).path("paths").entityList(Object.class).hasSize(0);
        expectError(paths(Map.of("from", "p-viktor", "to", "w-bp", "maxHops", 9)), "LIMIT_EXCEEDED", "maxHops");
        expectError(paths(Map.of("from", "p-viktor", "to", "nobody")), "NOT_FOUND", "to");
        expectError(paths(Map.of("from", "p-viktor", "to", "w-bp", "mode", "K_SHORTEST", "k", 11)), "LIMIT_EXCEEDED", "k");
    }

    @Test
    void pathsAsOfUseOnlyLinksValidThatDay() {
        paths(Map.of("from", "w-bp", "to", "ip-old", "relationshipTypes", List.of("HOSTED_AT"))).path("paths[*].length")
            .entityList(Integer.class).containsExactly(1);
        paths(Map.of("from", "w-bp", "to", "ip-old", "relationshipTypes", List.of("HOSTED_AT"), "asOf", "2009-10-01"))
            .path("paths").entityList(Object.class).hasSize(0);
        paths(Map.of("from", "w-bp", "to", "ip-old", "asOf", "2009-10-01")).path("paths[0].nodes[*].id")
            .entityList(String.class).containsExactly("w-bp", "ip-new", "hp-bph", "ip-old");
    }

    @Test
    void aWebsitesTimelineShowsItsHostingMoveAndItsSeizedParcel() {
        GraphQlTester.Response response = timeline(Map.of("ids", List.of("w-bp")));

        response.path("timeline[*].kind").entityList(String.class).containsExactly("FIRST_SEEN", "LINK_STARTED", "LINK_ENDED",
                "LINK_STARTED", "SHIPMENT_INSPECTED", "SHIPMENT_SEIZED", "LAST_SEEN");
        response.path("timeline[*].date").entityList(String.class).containsExactly("2009-03-01", "2009-03-01", "2009-08-31",
                "2009-09-01", "2009-11-17", "2009-11-17", "2009-11-25");
        response.path("timeline[2].related.caption").entity(String.class).isEqualTo("203.0.113.9");
        response.path("timeline[3].related.caption").entity(String.class).isEqualTo("203.0.113.10");
        response.path("timeline[3].link.source").entity(String.class).isEqualTo("fixture-source");
        response.path("timeline[2].description").entity(String.class).isEqualTo("bp.example -> 203.0.113.9 ended (HOSTED_AT, source fixture-source)");

        timeline(Map.of("ids", List.of("w-bp"), "from", "2009-08-01", "to", "2009-09-30")).path("timeline[*].kind")
            .entityList(String.class).containsExactly("LINK_ENDED", "LINK_STARTED");
    }

    @Test
    void anOperationsTimelineAndItsParcelsTimeline() {
        timeline(Map.of("ids", List.of("op-1"))).path("timeline[*].kind").entityList(String.class)
            .containsExactly("OPERATION_STARTED", "OPERATION_ENDED", "TAKEN_DOWN");
        timeline(Map.of("ids", List.of("s-1"))).path("timeline[*].kind").entityList(String.class)
            .containsExactly("SHIPMENT_INSPECTED", "SHIPMENT_SEIZED");
    }

    /** An id that names nothing is NOT_FOUND, as in network and paths; an entity with no dated event has an empty timeline. */
    @Test
    void aTimelineOfAnUnknownIdIsNotFoundAndOfAnEntityWithoutDatesIsEmpty() {
        expectError(timeline(Map.of("ids", List.of("w-bp", "no-such-id"))), "NOT_FOUND", "ids");
        timeline(Map.of("ids", List.of("hp-bph"))).path("timeline").entityList(Object.class).hasSize(0);
    }

    @Test
    void searchReadsTheTextAsAKeyFirstThenToleratesTypos() {
        search("HTTPS://WWW.Main.Example/x").path("search[0].node.id").entity(String.class).isEqualTo("w-main");
        search("HTTPS://WWW.Main.Example/x").path("search[0].exactKeyMatch").entity(Boolean.class).isEqualTo(true);
        search("gb82 west 1234 5698 7654 32").path("search[0].node.id").entity(String.class).isEqualTo("pa-1");
        search("+44 20 7946 0321").path("search[0].node.id").entity(String.class).isEqualTo("ph-1");
        search("203.0.113.010").path("search[0].node.id").entity(String.class).isEqualTo("ip-new");
        search("rr 123 456 789 gb").path("search[0].node.id").entity(String.class).isEqualTo("s-1");
        search("Marta Exmple").path("search[0].node.id").entity(String.class).isEqualTo("p-marta");
        search("viktr").path("search[*].node.id").entityList(String.class).contains("p-viktor");
    }

    @Test
    void searchFiltersByKindAndRefusesBlankText() {
        GraphQlTester.Response people = this.client.tester().documentName("search").variable("text", "example")
            .variable("kinds", List.of("PERSON")).execute();
        people.path("search[*].kind").entityList(String.class).containsExactly("PERSON", "PERSON");
        expectError(search("   "), "INVALID_INPUT", "text");
    }

    @Test
    void anOperationsFiguresFromTheGraphStandBesideWhatItReported() {
        GraphQlTester.Response response = this.client.tester().documentName("operationFigures").variable("code", "pangea-test")
            .execute();
        response.path("operation.figuresFromGraph.websitesTakenDown").entity(Integer.class).isEqualTo(1);
        response.path("operation.figuresFromGraph.websitesLinked").entity(Integer.class).isEqualTo(2);
        response.path("operation.figuresFromGraph.shipmentsInspected").entity(Integer.class).isEqualTo(1);
        response.path("operation.figuresFromGraph.shipmentsSeized").entity(Integer.class).isEqualTo(1);
        response.path("operation.figuresFromGraph.pillsSeized").entity(Integer.class).isEqualTo(500);
        response.path("operation.figuresFromGraph.peopleUnderInvestigation").entity(Integer.class).isEqualTo(0);
    }

    private GraphQlTester.Response network(Map<String, Object> variables) {
        return this.client.executeNamed("network", variables);
    }

    private GraphQlTester.Response paths(Map<String, Object> variables) {
        return this.client.executeNamed("paths", variables);
    }

    private GraphQlTester.Response timeline(Map<String, Object> variables) {
        return this.client.executeNamed("timeline", variables);
    }

    private GraphQlTester.Response search(String text) {
        return this.client.executeNamed("search", Map.of("text", text));
    }

    private static List<String> ids(GraphQlTester.Response response) {
        return response.path("network.nodes[*].id").entityList(String.class).get();
    }

}
