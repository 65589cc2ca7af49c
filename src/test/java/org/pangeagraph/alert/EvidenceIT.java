package org.pangeagraph.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pangeagraph.db.changes.ChangedEntity;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.model.Visibility;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reads behind matching, on a small hosting network, as a watch's owner in case A sees it: two
 * storefronts on one IP address of a provider, a third storefront and a second IP address of case B on the
 * same provider. What the owner may not see is never a neighbour, never a website on an item, never a route.
 */
@IntegrationTest
class EvidenceIT {

    private static final Visibility CASE_A = Visibility.ofCases(List.of("CASE-A"));

    @Autowired
    TestGraph graph;

    @Autowired
    Evidence evidence;

    @BeforeEach
    void hostingNetwork() {
        this.graph.reset();
        this.graph.write("""
                CREATE (one:Website:Entity {id: 'w-one', domain: 'shop-one.example', cases: []}),
                       (two:Website:Entity {id: 'w-two', domain: 'shop-two.example', cases: ['CASE-A']}),
                       (secret:Website:Entity {id: 'w-secret', domain: 'secret-shop.example', cases: ['CASE-B']}),
                       (ip:IpAddress:Entity {id: 'ip-1', address: '192.0.2.1', cases: []}),
                       (hidden:IpAddress:Entity {id: 'ip-2', address: '192.0.2.2', cases: ['CASE-B']}),
                       (provider:HostingProvider:Entity {id: 'hp', name: 'Bulletproof', nameKey: 'bulletproof', cases: []}),
                       (one)-[:HOSTED_AT {id: 'l-one', source: 'whois', grade: 'B2', cases: []}]->(ip),
                       (two)-[:HOSTED_AT {id: 'l-two', source: 'whois', grade: 'B2', cases: ['CASE-A']}]->(ip),
                       (secret)-[:HOSTED_AT {id: 'l-secret', source: 'whois', grade: 'B2', cases: []}]->(ip),
                       (ip)-[:ALLOCATED_TO {id: 'l-ip', source: 'rir', grade: 'A1', cases: []}]->(provider),
                       (one)-[:HOSTED_AT {id: 'l-hidden', source: 'tip', grade: 'C3', cases: ['CASE-B']}]->(hidden),
                       (hidden)-[:ALLOCATED_TO {id: 'l-hidden-ip', source: 'rir', grade: 'A1', cases: []}]->(provider)
                """, Map.of());
    }

    @Test
    void theNeighboursOfAnEntityAreThoseTheOwnerSeesThroughLinksTheOwnerSeesOfTheTypesFollowed() {
        Map<String, Alert.Evidence> all = this.evidence.neighbours("ip-1", List.of(), CASE_A);
        assertThat(all).containsOnlyKeys("w-one", "w-two", "hp");
        assertThat(all.get("hp").type()).isEqualTo("ALLOCATED_TO");
        assertThat(all.get("hp").linkId()).isEqualTo("l-ip");
        assertThat(all.get("hp").provenance()).containsEntry("source", "rir").containsEntry("grade", "A1");
        // A neighbour's link is read from the entity asked about, whichever way it points.
        assertThat(all.get("w-two").from().key()).isEqualTo("192.0.2.1");
        assertThat(all.get("w-two").to().key()).isEqualTo("shop-two.example");
        assertThat(this.evidence.neighbours("ip-1", List.of(RelationshipType.ALLOCATED_TO), CASE_A)).containsOnlyKeys("hp");
        assertThat(this.evidence.neighbours("ip-1", List.of(), Visibility.everything())).containsOnlyKeys("w-one", "w-two", "w-secret",
                "hp");
        assertThat(this.evidence.neighbours("ip-2", List.of(), CASE_A)).isEmpty();
    }

    @Test
    void theWebsitesOnAnItemAreThoseTheOwnerSees() {
        assertThat(this.evidence.websitesOf("ip-1", RelationshipType.HOSTED_AT, CASE_A)).extracting(link -> link.to().key())
            .containsExactlyInAnyOrder("shop-one.example", "shop-two.example");
        assertThat(this.evidence.websitesOf("ip-1", RelationshipType.ACCEPTS_PAYMENT_TO, CASE_A)).isEmpty();
    }

    @Test
    void otherRoutesFromAWebsiteToAnItemCountOnlyRoutesTheOwnerSeesAndNoneOfTheLinksLeftOut() {
        String direct = this.graph.read("MATCH ()-[r {id: 'l-one'}]->() RETURN elementId(r) AS e", Map.of()).get(0).get("e").asString();
        String allocation = this.graph.read("MATCH ()-[r {id: 'l-ip'}]->() RETURN elementId(r) AS e", Map.of()).get(0).get("e").asString();

        assertThat(this.evidence.otherRoutes("w-one", "ip-1", RelationshipType.HOSTED_AT, null, List.of(), CASE_A)).isEqualTo(1);
        assertThat(this.evidence.otherRoutes("w-one", "ip-1", RelationshipType.HOSTED_AT, null, List.of(direct), CASE_A)).isZero();
        assertThat(this.evidence.otherRoutes("w-one", "ip-2", RelationshipType.HOSTED_AT, null, List.of(), CASE_A)).isZero();

        RelationshipType hosted = RelationshipType.HOSTED_AT;
        RelationshipType allocated = RelationshipType.ALLOCATED_TO;
        assertThat(this.evidence.otherRoutes("w-one", "hp", hosted, allocated, List.of(), CASE_A)).isEqualTo(1);
        assertThat(this.evidence.otherRoutes("w-one", "hp", hosted, allocated, List.of(), Visibility.everything())).isEqualTo(2);
        assertThat(this.evidence.otherRoutes("w-one", "hp", hosted, allocated, List.of(allocation), CASE_A)).isZero();
        assertThat(this.evidence.otherRoutes("w-one", "hp", hosted, allocated, List.of(allocation), Visibility.everything())).isEqualTo(1);
    }

    @Test
    void entitiesAreReadAsTheOwnerSeesThemInTheOrderAsked() {
        assertThat(this.evidence.entity("w-secret", CASE_A)).isNull();
        assertThat(this.evidence.entity("w-secret", Visibility.everything()).key()).isEqualTo("secret-shop.example");
        assertThat(this.evidence.entities(List.of("w-two", "w-secret", "hp", "w-one"), CASE_A)).extracting(ChangedEntity::id)
            .containsExactly("w-two", "hp", "w-one");
    }

}
