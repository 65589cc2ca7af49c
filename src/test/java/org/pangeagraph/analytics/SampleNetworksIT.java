package org.pangeagraph.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * On the seed's sample networks (docs/sample-data.md): criminalNetworks finds exactly the three planted
 * networks and nothing else, and sharedInfrastructure for a site of each network lists its siblings
 * before any other website.
 */
@IntegrationTest
class SampleNetworksIT {

    static final List<String> NETWORK_A = domains("best-price-meds", "bluepill-express", "daily-dose-shop", "discreet-meds",
            "easy-prescriptions", "generic-rx-store", "maple-leaf-pharmacy", "mens-health-direct", "north-discount-rx",
            "pharma-savings", "pillbox-online", "quick-refill", "trusted-tablets", "wellness-rx-outlet");

    static final List<String> NETWORK_B = domains("anabolic-warehouse", "bodybuild-pharma", "calm-tabs", "diet-pill-outlet",
            "muscle-gear-shop", "no-script-needed", "pain-relief-now", "rx-without-rx", "sleepwell-meds", "slimline-pills",
            "steroid-depot", "tramadol-overnight");

    static final List<String> NETWORK_C = domains("amoxicillin-online-cheap", "antibiotics-no-prescription",
            "blue-pill-coupons", "cheap-blue-pills", "diet-pill-reviews", "euro-pharmacy-24", "global-generics",
            "vita-meds-club", "weekend-pill-deals", "weightloss-secrets");

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @BeforeEach
    void seed() {
        this.graph.startWithTheSeed();
    }

    @Test
    void criminalNetworksFindsExactlyThePlantedNetworks() {
        GraphQlTester.Response response = this.client.tester().documentName("criminalNetworks").execute();

        response.path("criminalNetworks.totalCount").entity(Integer.class).isEqualTo(3);
        response.path("criminalNetworks.edges[0].node.websites[*].domain").entityList(String.class)
            .containsExactly(NETWORK_A.toArray(String[]::new));
        response.path("criminalNetworks.edges[1].node.websites[*].domain").entityList(String.class)
            .containsExactly(NETWORK_B.toArray(String[]::new));
        response.path("criminalNetworks.edges[2].node.websites[*].domain").entityList(String.class)
            .containsExactly(NETWORK_C.toArray(String[]::new));
        response.path("criminalNetworks.edges[1].node.people[*].caption").entityList(String.class).contains("Bruno Sample");
        response.path("criminalNetworks.edges[2].node.people[*].caption").entityList(String.class).contains("Carla Fictitious");
    }

    @Test
    void sharedInfrastructureListsEachSitesSiblingsFirst() {
        for (List<String> network : List.of(NETWORK_A, NETWORK_B, NETWORK_C)) {
            String site = network.get(0);
            List<String> ranked = this.client.tester().documentName("sharedInfrastructure").variable("domain", site)
                .variable("first", 100).execute().path("sharedInfrastructure[*].website.domain").entityList(String.class).get();
            List<String> siblings = network.stream().filter(d -> !d.equals(site)).toList();
            assertThat(ranked.subList(0, siblings.size())).as("siblings of %s first", site)
                .containsExactlyInAnyOrderElementsOf(siblings);
        }
    }

    private static List<String> domains(String... names) {
        return java.util.Arrays.stream(names).map(n -> n + ".example").toList();
    }

}
