package org.pangeagraph.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

/**
 * Relationship fields inside a list cost the same number of statements for 5 storefronts as for 50: a
 * page of storefronts with their hosting, payment and delivery, two levels deep, is one statement, the
 * page's query tree read with it ({@link QueryTree}). Where a tree is not compiled, the fields load in
 * batches, a statement per field and level (QueryTreeIT compares both).
 */
@IntegrationTest
class RelationBatchingIT {

    /**
     * The page with ipAddresses, paymentAccounts and shipments for all storefronts, and hostingProviders,
     * holders and couriers for all of those: one statement (it was 1 + 3 + 3 read in batches).
     */
    private static final long STATEMENTS = 1;

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @BeforeEach
    void fiftyStorefronts() {
        this.graph.startWith("fifty-storefronts");
    }

    @ParameterizedTest(name = "a page of {0}")
    @ValueSource(ints = { 5, 50 })
    void aPageOfStorefrontsWithTwoLevelsOfRelationsCostsOneStatement(int pageSize) {
        long before = this.graph.statementsRun();

        List<Map<String, Object>> storefronts = this.client.tester().documentName("storefrontInfrastructure")
            .variable("first", pageSize).execute().path("websites.edges[*].node")
            .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).get();

        assertThat(this.graph.statementsRun() - before).isEqualTo(STATEMENTS);
        assertThat(storefronts).hasSize(pageSize);
        assertThat(storefronts.get(0)).isEqualTo(Map.of("domain", "shop-01.example",
                "ipAddresses", List.of(Map.of("node", Map.of("address", "192.0.2.1",
                        "hostingProviders", List.of(Map.of("node", Map.of("name", "Host 1")))))),
                "paymentAccounts", List.of(Map.of("node", Map.of("identifier", "merchant-1",
                        "holders", List.of(Map.of("node", Map.of("caption", "Holder 1")))))),
                "shipments", List.of(Map.of("node", Map.of("trackingNumber", "RR100000001GB",
                        "couriers", List.of(Map.of("node", Map.of("name", "Courier 1"))))))));
        Map<String, Object> last = storefronts.get(pageSize - 1);
        assertThat(last).extractingByKey("domain").isEqualTo("shop-%02d.example".formatted(pageSize));
        assertThat(last).extractingByKey("paymentAccounts").asInstanceOf(LIST)
            .singleElement().isEqualTo(Map.of("node", Map.of("identifier", "merchant-" + pageSize % 7,
                    "holders", List.of(Map.of("node", Map.of("caption", "Holder " + pageSize % 7))))));
    }

}
