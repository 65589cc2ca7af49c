package org.pangeagraph.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.pangeagraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A statement is planned once, whatever the sizes of its list parameters: a network from one entity and
 * from three or twelve, the links of one parent and of several loaded in one batch. Counted as the entries
 * {@code db.clearQueryCaches()} clears ({@link TestGraph#plansOf}).
 */
@IntegrationTest
class PlanCacheIT {

    private static final String NETWORK = "query($ids: [ID!]!) { network(ids: $ids, depth: 2) { nodes { id } edges { id } } }";

    private static final List<String> WEBSITES = List.of("w-main", "w-door", "w-bp", "w-c1", "w-c2", "w-c3");

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @BeforeEach
    void investigation() {
        this.graph.startWith("investigation");
    }

    @Test
    void aNetworkFromOneEntityOrFromThreeIsOnePlan() {
        assertThat(this.graph.plansOf(() -> ask(NETWORK, Map.of("ids", List.of("p-viktor")))))
            .isEqualTo(this.graph.plansOf(() -> {
                ask(NETWORK, Map.of("ids", List.of("p-viktor")));
                ask(NETWORK, Map.of("ids", List.of("p-viktor", "p-marta", "w-main")));
                ask(NETWORK, Map.of("ids", List.of("p-viktor", "p-marta", "w-main", "w-door", "w-bp", "w-c1", "w-c2", "w-c3",
                        "ip-old", "ip-new", "hp-bph", "s-1")));
            }));
    }

    /** Entities asked by {@code node(id:)} load their links in one batch: of one parent, of three, of six. */
    @Test
    void aBatchOfOneParentOrOfSeveralIsOnePlan() {
        assertThat(this.graph.plansOf(() -> ask(nodes(1), Map.of())))
            .isEqualTo(this.graph.plansOf(() -> {
                ask(nodes(1), Map.of());
                ask(nodes(3), Map.of());
                ask(nodes(6), Map.of());
            }));
    }

    /** A document asking {@code count} websites by {@code node(id:)}, each with its redirects and IP addresses. */
    private static String nodes(int count) {
        StringBuilder document = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            document.append(" w").append(i).append(": node(id: \"").append(WEBSITES.get(i))
                .append("\") { ... on Website { domain redirectsTo { node { domain } } ipAddresses { node { address } } } }");
        }
        return document.append(" }").toString();
    }

    private void ask(String document, Map<String, Object> variables) {
        this.client.as(TestUsers.VIEWER).execute(document, variables).errors().verify();
    }

}
