package org.pangeagraph.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.model.Visibility;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the projection counts: each website once per item and kind, however many links or routes lead
 * it there, since rarity (how many websites share an item) weighs every shared item.
 */
@IntegrationTest
class ProjectionReaderIT {

    @Autowired
    TestGraph graph;

    @Autowired
    ProjectionReader reader;

    @BeforeEach
    void empty() {
        this.graph.reset();
    }

    @Test
    void aWebsiteReachingAnItemByTwoLinksOrTwoRoutesCountsOnce() {
        // Site a is hosted on the IP by two links (two sources), site b by one; the IP's provider is
        // reached from a through both links too, and from b through its one.
        this.graph.write("""
                CREATE (a:Entity:Website {id: 'w-a', domain: 'a.example'}),
                       (b:Entity:Website {id: 'w-b', domain: 'b.example'}),
                       (ip:Entity:IpAddress {id: 'ip-1', address: '203.0.113.7'}),
                       (isp:Entity:HostingProvider {id: 'isp-1', nameKey: 'bulletproof'}),
                       (a)-[:HOSTED_AT {id: 'l1', linkKey: 'k1', source: 'first'}]->(ip),
                       (a)-[:HOSTED_AT {id: 'l2', linkKey: 'k2', source: 'second'}]->(ip),
                       (b)-[:HOSTED_AT {id: 'l3', linkKey: 'k3', source: 'first'}]->(ip),
                       (ip)-[:ALLOCATED_TO {id: 'l4', linkKey: 'k4', source: 'first'}]->(isp)
                """, Map.of());

        Projection projection = this.reader.read(Visibility.everything(), null);

        assertThat(websites(projection, InfrastructureKind.IP_ADDRESS, "ip-1")).containsExactlyInAnyOrder("w-a", "w-b");
        assertThat(websites(projection, InfrastructureKind.HOSTING_PROVIDER, "isp-1")).containsExactlyInAnyOrder("w-a", "w-b");
        assertThat(projection.item(InfrastructureKind.IP_ADDRESS, "ip-1").websiteCount()).isEqualTo(2);
    }

    private static String[] websites(Projection projection, InfrastructureKind kind, String id) {
        return Arrays.stream(projection.item(kind, id).websites()).mapToObj(projection.websiteIds()::get).toArray(String[]::new);
    }

}
