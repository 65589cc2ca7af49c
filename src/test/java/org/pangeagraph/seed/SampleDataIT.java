package org.pangeagraph.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.validator.routines.IBANValidator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.pangeagraph.db.CypherScript;
import org.pangeagraph.db.GraphNormaliser;
import org.pangeagraph.db.ScriptRunner;
import org.pangeagraph.db.SeedLoader;
import org.pangeagraph.model.KeyForm;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.Visibility;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * The seed as a new store gets it (Operation Pangea II and the sample networks of
 * docs/sample-data.md), checked the way an investigator would check it by hand: who is in each
 * network and through what, what the operation reported, and that nothing binds the groups together
 * except generic infrastructure. Traversal tests rely on these figures.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class SampleDataIT {

    public static final List<String> NETWORK_A = List.of("maple-leaf-pharmacy.example", "north-discount-rx.example",
            "best-price-meds.example", "trusted-tablets.example", "bluepill-express.example", "mens-health-direct.example",
            "generic-rx-store.example", "pharma-savings.example", "quick-refill.example", "discreet-meds.example",
            "daily-dose-shop.example", "pillbox-online.example", "wellness-rx-outlet.example", "easy-prescriptions.example");

    public static final List<String> NETWORK_B = List.of("anabolic-warehouse.example", "no-script-needed.example",
            "pain-relief-now.example", "steroid-depot.example", "tramadol-overnight.example", "slimline-pills.example",
            "muscle-gear-shop.example", "sleepwell-meds.example", "rx-without-rx.example", "bodybuild-pharma.example",
            "calm-tabs.example", "diet-pill-outlet.example");

    static final List<String> NETWORK_C_MAIN = List.of("euro-pharmacy-24.example", "vita-meds-club.example",
            "global-generics.example");

    public static final List<String> NETWORK_C = List.of("euro-pharmacy-24.example", "vita-meds-club.example",
            "global-generics.example", "cheap-blue-pills.example", "blue-pill-coupons.example",
            "weekend-pill-deals.example", "antibiotics-no-prescription.example", "amoxicillin-online-cheap.example",
            "weightloss-secrets.example", "diet-pill-reviews.example");

    static final List<String> UNRELATED = List.of("corner-chemist.example", "hair-regrowth-rx.example",
            "lean-body-clinic.example", "first-aid-pharmacy.example", "romance-tablets.example",
            "travel-health-meds.example", "gym-supplement-store.example", "mens-vitality-store.example");

    static final String POPULAR_IP = "192.0.2.80";

    static final String SAMPLE_SCRIPT = "cypher/seed/sample-network.cypher";

    /** The routes of the model (model.InfrastructureKind) whose items bind storefronts to one operation; each yields (w, item). */
    static final String SPECIFIC_ROUTES = """
            MATCH (w)-[:ACCEPTS_PAYMENT_TO]->(item) RETURN item
            UNION MATCH (w)-[:ACCEPTS_PAYMENT_TO]->()-[:HELD_BY]->(item) RETURN item
            UNION MATCH (w)-[:REGISTERED_BY]->(item) RETURN item
            UNION MATCH (w)-[:LISTS_CONTACT]->(item) RETURN item
            UNION MATCH (w)<-[:OPERATES]-(item) RETURN item
            UNION MATCH (w)<-[:ORDERED_FROM]-()-[:SENT_BY]->(item) RETURN item
            UNION MATCH (w)<-[:ORDERED_FROM]-()-[:SENT_FROM]->(item) RETURN item
            UNION MATCH (w)-[:REDIRECTS_TO]-(item) RETURN item
            """;

    /** The routes whose items many unrelated storefronts may share: hosting, registrar, courier. */
    static final String GENERIC_ROUTES = """
            MATCH (w)-[:HOSTED_AT]->(item) RETURN item
            UNION MATCH (w)-[:HOSTED_AT]->()-[:ALLOCATED_TO]->(item) RETURN item
            UNION MATCH (w)-[:REGISTERED_WITH]->(item) RETURN item
            UNION MATCH (w)<-[:ORDERED_FROM]-()-[:CARRIED_BY]->(item) RETURN item
            """;

    static final String ITEM_NAME = "coalesce(item.domain, item.address, item.nameKey, item.identifier, item.number, item.key, item.id)";

    @Autowired
    TestGraph graph;

    @Test
    @Order(TestGraph.WRITES)
    void aNewStoreIsSeededOnceWithOperationPangeaIIAndTheSampleNetworks() {
        this.graph.reset();
        SeedLoader loader = new SeedLoader(this.graph.db(), "classpath:cypher/seed");

        assertThat(loader.seedIfNew()).isTrue();
        assertThat(loader.seedIfNew()).isFalse();

        assertThat(this.graph.count("MATCH (w:Website) RETURN count(w)")).isGreaterThanOrEqualTo(40);
        assertThat(this.graph.count("MATCH (s:Shipment) RETURN count(s)")).isEqualTo(40);
        assertThat(strings("MATCH (w:Website) RETURN w.domain", Map.of()))
            .containsExactlyInAnyOrderElementsOf(concat(NETWORK_A, NETWORK_B, NETWORK_C, UNRELATED));
    }

    @Test
    void theReportedFiguresOfPangeaIIAreThere() {
        seed();
        Record op = this.graph.read("""
                MATCH (o:Operation {code: 'PANGEA-II'})
                RETURN o.startDate AS start, o.endDate AS end, o.websitesIdentified AS identified,
                       o.websitesTakenDown AS takenDown, o.packagesInspected AS inspected, o.packagesSeized AS seized,
                       o.pillsSeized AS pills, o.suspectsUnderInvestigation AS suspects,
                       COUNT { (:Country)-[:PARTICIPATED_IN]->(o) } AS countries,
                       COUNT { (o)-[:COORDINATED_BY]->(:Agency) } AS coordinating,
                       COUNT { (o)-[:SUPPORTED_BY]->(:Agency) } AS supporting
                """, Map.of()).get(0);

        assertThat(op.get("start").asLocalDate()).isEqualTo(LocalDate.of(2009, 11, 16));
        assertThat(op.get("end").asLocalDate()).isEqualTo(LocalDate.of(2009, 11, 20));
        assertThat(List.of(op.get("identified").asLong(), op.get("takenDown").asLong(), op.get("inspected").asLong(),
                op.get("seized").asLong(), op.get("pills").asLong(), op.get("suspects").asLong()))
            .containsExactly(751L, 72L, 16000L, 995L, 167000L, 22L);
        assertThat(List.of(op.get("countries").asLong(), op.get("coordinating").asLong(), op.get("supporting").asLong()))
            .containsExactly(24L, 2L, 7L);
    }

    @Test
    void networkAIsFourteenStorefrontsPayingIntoOneMerchantAccountOfRxPartners() {
        seed();

        assertThat(strings("""
                MATCH (w:Website)-[:ACCEPTS_PAYMENT_TO]->(:PaymentAccount {identifier: 'MID-EXAMPLE-RXP-0001', kind: 'CARD_MERCHANT'})
                RETURN w.domain""", Map.of())).containsExactlyInAnyOrderElementsOf(NETWORK_A);
        assertThat(strings("""
                MATCH (w:Website)-[:ACCEPTS_PAYMENT_TO]->(:PaymentAccount)-[:HELD_BY]->(:Company {nameKey: 'rx partners ltd', country: 'CY'})
                RETURN DISTINCT w.domain""", Map.of())).containsExactlyInAnyOrderElementsOf(NETWORK_A);
        assertThat(strings("MATCH (w:Website)-[:REGISTERED_BY]->(:EmailAddress {address: 'domains@rx-partners.example'}) RETURN w.domain",
                Map.of())).containsExactlyInAnyOrderElementsOf(NETWORK_A);
        assertThat(strings("""
                MATCH (w:Website)-[:ACCEPTS_PAYMENT_TO]->(a:PaymentAccount {kind: 'BANK_ACCOUNT'})-[:HELD_BY]->(:Company {nameKey: 'rx partners ltd'})
                RETURN w.domain""", Map.of())).containsExactlyInAnyOrder("maple-leaf-pharmacy.example",
                "trusted-tablets.example", "quick-refill.example", "pillbox-online.example");
        assertThat(strings("""
                MATCH (:Person {name: 'Alice Example'})-[o:OFFICER_OF {role: 'director'}]->(:Company {nameKey: 'rx partners ltd'})
                RETURN o.role""", Map.of())).containsExactly("director");

        Map<String, Long> sitesPerIp = sitesPerIp(NETWORK_A);
        assertThat(sitesPerIp).containsEntry(POPULAR_IP, 1L).hasSize(5);
        sitesPerIp.forEach((ip, sites) -> {
            if (!ip.equals(POPULAR_IP)) {
                assertThat(ip).startsWith("198.51.100.");
                assertThat(sites).isBetween(2L, 4L);
            }
        });
    }

    @Test
    void networkBIsTwelveStorefrontsOnOneBulletproofHostWithOneSender() {
        seed();

        assertThat(strings("""
                MATCH (w:Website)-[:HOSTED_AT]->(:IpAddress)-[:ALLOCATED_TO]->(:HostingProvider {nameKey: 'ironclad hosting example'})
                RETURN DISTINCT w.domain""", Map.of())).containsExactlyInAnyOrderElementsOf(NETWORK_B);
        assertThat(strings("MATCH (w:Website)-[:REGISTERED_WITH]->(:Registrar {nameKey: 'offshore names example'}) RETURN w.domain",
                Map.of())).containsExactlyInAnyOrderElementsOf(NETWORK_B);
        assertThat(sitesPerIp(NETWORK_B))
            .isEqualTo(Map.of("203.0.113.10", 4L, "203.0.113.11", 4L, "203.0.113.12", 4L, "203.0.113.20", 3L));
        assertThat(this.graph.count("MATCH (w:Website)-[h:HOSTED_AT]->(:IpAddress {address: '203.0.113.20'}) "
                + "WHERE h.validTo = date('2009-08-31') RETURN count(w)")).isEqualTo(3);

        assertThat(hostedAsOf("steroid-depot.example", LocalDate.of(2009, 8, 15))).containsExactly("203.0.113.20");
        assertThat(hostedAsOf("steroid-depot.example", LocalDate.of(2009, 9, 1))).containsExactly("203.0.113.10");
        assertThat(hostedAsOf("sleepwell-meds.example", LocalDate.of(2009, 8, 31))).containsExactly("203.0.113.20");
        assertThat(hostedAsOf("diet-pill-outlet.example", LocalDate.of(2009, 12, 1))).containsExactly("203.0.113.12");
        assertThat(hostedAsOf("anabolic-warehouse.example", LocalDate.of(2009, 8, 15))).containsExactly("203.0.113.10");

        Record parcels = this.graph.read("""
                MATCH (s:Shipment)-[:ORDERED_FROM]->(w:Website) WHERE w.domain IN $network
                RETURN count(s) AS all,
                       count(CASE WHEN EXISTS { (s)-[:CARRIED_BY]->(:Courier {nameKey: 'swift freight forwarding example'}) }
                                   AND EXISTS { (s)-[:SENT_BY]->(:Person {name: 'Bruno Sample'}) }
                                   AND EXISTS { (s)-[:SENT_FROM]->(:Address {country: 'GB'}) } THEN s END) AS fromTheSender
                """, Map.of("network", NETWORK_B)).get(0);
        assertThat(parcels.get("all").asLong()).isEqualTo(20);
        assertThat(parcels.get("fromTheSender").asLong()).isEqualTo(20);
        assertThat(this.graph.count("MATCH (s:Shipment)-[:CARRIED_BY]->(:Courier {nameKey: 'swift freight forwarding example'}) RETURN count(s)"))
            .isEqualTo(20);
        assertThat(this.graph.count("MATCH (s:Shipment)-[:SENT_FROM]->(a:Address) RETURN count(DISTINCT a)")).isEqualTo(1);
        assertThat(strings("MATCH (w:Website)-[:LISTS_CONTACT]->() WHERE w.domain IN $network RETURN w.domain",
                Map.of("network", NETWORK_B))).isEmpty();
    }

    @Test
    void networkCIsTenStorefrontsOfOneOperatorJoinedByRedirects() {
        seed();

        assertThat(strings("MATCH (:Person {name: 'Carla Fictitious'})-[:OPERATES]->(w:Website) RETURN w.domain", Map.of()))
            .containsExactlyInAnyOrderElementsOf(NETWORK_C);
        assertThat(strings("""
                MATCH (:Person {name: 'Carla Fictitious'})-[:OFFICER_OF {role: 'director'}]->(c:Company)-[:OPERATES]->(w:Website)
                RETURN w.domain""", Map.of())).containsExactlyInAnyOrderElementsOf(NETWORK_C_MAIN);
        assertThat(strings("""
                MATCH (:Person {name: 'Carla Fictitious'})-[:USES]->(p:PhoneNumber)<-[:LISTS_CONTACT]-(w:Website)
                RETURN w.domain""", Map.of())).containsExactlyInAnyOrderElementsOf(NETWORK_C_MAIN);
        assertThat(strings("MATCH (w:Website) WHERE EXISTS { (w)-[:REDIRECTS_TO]-(:Website) } RETURN w.domain", Map.of()))
            .containsExactlyInAnyOrderElementsOf(NETWORK_C);
        assertThat(strings("""
                MATCH (doorway:Website)-[:REDIRECTS_TO*1..3]->(main:Website) WHERE NOT EXISTS { (main)-[:REDIRECTS_TO]->() }
                RETURN DISTINCT main.domain""", Map.of())).containsExactlyInAnyOrderElementsOf(NETWORK_C_MAIN);

        assertThat(strings("""
                MATCH (:Person {name: 'Carla Fictitious'})-[:ASSOCIATE_OF]-(:Person {name: 'Bruno Sample'})
                      <-[:SENT_BY]-(:Shipment)-[:ORDERED_FROM]->(w:Website)
                RETURN DISTINCT w.domain""", Map.of())).containsExactlyInAnyOrderElementsOf(NETWORK_B);
        assertThat(strings("MATCH (:Case {number: 'SAMPLE-2009-001'})-[:INVESTIGATES]->(p:Person) RETURN p.name", Map.of()))
            .containsExactlyInAnyOrder("Carla Fictitious", "Bruno Sample");
    }

    @Test
    void theUnrelatedStorefrontsShareOnlyThePopularIpItsHostThePopularRegistrarAndTheNationalPost() {
        seed();

        assertThat(strings("MATCH (w:Website)-[:HOSTED_AT]->(:IpAddress {address: $ip}) RETURN w.domain", Map.of("ip", POPULAR_IP)))
            .containsExactlyInAnyOrderElementsOf(concat(UNRELATED, List.of("generic-rx-store.example")));
        assertThat(this.graph.count("MATCH (w:Website)-[:REGISTERED_WITH]->(:Registrar {nameKey: 'worldnames registrar example'}) "
                + "RETURN count(w)")).isGreaterThanOrEqualTo(24);
        List<String> postCustomers = strings("""
                MATCH (w:Website)<-[:ORDERED_FROM]-(:Shipment)-[:CARRIED_BY]->(:Courier {nameKey: 'national post example'})
                RETURN DISTINCT w.domain""", Map.of());
        assertThat(postCustomers).containsAll(UNRELATED);
        assertThat(postCustomers.stream().filter(d -> !UNRELATED.contains(d))).hasSizeGreaterThanOrEqualTo(2);

        // Every item two unrelated storefronts reach in common, by any route: it must be one of the
        // four generic items, and those four are reached by all eight.
        List<Record> shared = this.graph.read("""
                MATCH (w:Website) WHERE w.domain IN $unrelated
                CALL (w) {
                """ + SPECIFIC_ROUTES + "UNION " + GENERIC_ROUTES + """
                }
                WITH item, count(DISTINCT w) AS sites WHERE sites > 1
                RETURN %s AS item, sites""".formatted(ITEM_NAME), Map.of("unrelated", UNRELATED));
        Map<String, Long> sitesPerSharedItem = new HashMap<>();
        shared.forEach(r -> sitesPerSharedItem.put(r.get("item").asString(), r.get("sites").asLong()));
        assertThat(sitesPerSharedItem).isEqualTo(Map.of(POPULAR_IP, 8L, "megahost example", 8L,
                "worldnames registrar example", 8L, "national post example", 8L));
    }

    @Test
    void noSpecificItemIsSharedBetweenTwoNetworksOrWithAnUnrelatedStorefront() {
        seed();
        Map<String, String> groupOf = new HashMap<>();
        NETWORK_A.forEach(d -> groupOf.put(d, "A"));
        NETWORK_B.forEach(d -> groupOf.put(d, "B"));
        NETWORK_C.forEach(d -> groupOf.put(d, "C"));
        UNRELATED.forEach(d -> groupOf.put(d, d));

        List<Record> crossing = this.graph.read("""
                MATCH (w:Website)
                CALL (w) {
                """ + SPECIFIC_ROUTES + """
                }
                WITH item, collect(DISTINCT $groupOf[w.domain]) AS groups, count(DISTINCT w) AS sites
                RETURN %s AS item, groups, sites""".formatted(ITEM_NAME), Map.of("groupOf", groupOf));

        assertThat(crossing).isNotEmpty();
        assertThat(crossing).allSatisfy(r -> assertThat(r.get("groups").asList(Value::asString))
            .as("groups reaching %s", r.get("item").asString()).hasSize(1).doesNotContainNull());
        assertThat(crossing.stream().filter(r -> r.get("sites").asLong() == 14).map(r -> r.get("item").asString()))
            .containsExactlyInAnyOrder("MID-EXAMPLE-RXP-0001", "rx partners ltd", "domains@rx-partners.example");
    }

    @Test
    void everyEntityAndLinkIsCompleteAndPlainlyFictional() {
        seed();

        assertThat(this.graph.count("MATCH (n) WHERE NOT (" + TestGraph.BOOKKEEPING + ") "
                + "AND (NOT n:Entity OR n.id IS NULL OR n.createdAt IS NULL) RETURN count(n)")).isZero();
        assertThat(this.graph.count("MATCH ()-[r]->() WHERE r.id IS NULL OR r.source IS NULL RETURN count(r)")).isZero();
        assertThat(this.graph.count("MATCH ()-[r]->() WHERE NOT EXISTS { MATCH (s:Source {key: r.source}) } "
                + "OR r.grade IS NULL OR NOT r.grade =~ '[A-E][1-5]' RETURN count(r)")).isZero();
        assertThat(this.graph.count("MATCH ()-[r]->() RETURN count(r)")).isGreaterThan(300);

        assertThat(strings("MATCH (w:Website) RETURN w.domain", Map.of())).allMatch(d -> d.endsWith(".example"));
        assertThat(strings("MATCH (e:EmailAddress) RETURN e.address", Map.of())).allMatch(a -> a.endsWith(".example"));
        assertThat(strings("MATCH (i:IpAddress) RETURN i.address", Map.of()))
            .allMatch(a -> a.startsWith("192.0.2.") || a.startsWith("198.51.100.") || a.startsWith("203.0.113."));
        assertThat(strings("MATCH (p:Person) RETURN p.id", Map.of())).allMatch(id -> id.startsWith("sample-person-"));
        assertThat(this.graph.count("MATCH (:Operation {code: 'PANGEA-II'})--(p:Person) RETURN count(p)")).isZero();

        List<String> ibans = strings("MATCH (a:PaymentAccount {kind: 'BANK_ACCOUNT'}) RETURN a.identifier", Map.of());
        assertThat(ibans).hasSize(4).allMatch(IBANValidator.getInstance()::isValid);
    }

    @Test
    void pangeaIIInspectedThirtySampleParcelsSeizedTwelveAndTookDownFiveStorefronts() {
        seed();

        Record parcels = this.graph.read("""
                MATCH (o:Operation {code: 'PANGEA-II'})
                RETURN COUNT { (o)-[:INSPECTED]->(:Shipment) } AS inspected,
                       COUNT { (o)-[:INSPECTED]->(s:Shipment) WHERE o.startDate <= s.inspectedOn <= o.endDate } AS inTheWeek,
                       COUNT { (o)-[:SEIZED]->(s:Shipment) WHERE s.seized AND s.pillCount > 0 } AS seized,
                       COUNT { (s:Shipment) WHERE s.seized } AS seizedAtAll,
                       COUNT { (s:Shipment) WHERE s.inspectedOn.year = 2009
                               AND s.pillCount = reduce(n = 0, q IN [(s)-[c:CONTAINED]->(:Product) | c.quantity] | n + q) } AS counted
                """, Map.of()).get(0);
        assertThat(parcels.get("inspected").asLong()).isEqualTo(30);
        assertThat(parcels.get("inTheWeek").asLong()).isEqualTo(30);
        assertThat(parcels.get("seized").asLong()).isEqualTo(12);
        assertThat(parcels.get("seizedAtAll").asLong()).isEqualTo(12);
        assertThat(parcels.get("counted").asLong()).isEqualTo(40);
        assertThat(this.graph.count("MATCH (p:Product) RETURN count(p)")).isBetween(6L, 8L);

        List<String> takenDown = strings("""
                MATCH (:Operation {code: 'PANGEA-II'})-[t:TOOK_DOWN {date: date('2009-11-20')}]->(w:Website {status: 'TAKEN_DOWN'})
                RETURN w.domain""", Map.of());
        assertThat(takenDown).containsExactlyInAnyOrder("bluepill-express.example", "steroid-depot.example",
                "tramadol-overnight.example", "weekend-pill-deals.example", "romance-tablets.example");
        assertThat(strings("MATCH (w:Website {status: 'TAKEN_DOWN'}) RETURN w.domain", Map.of()))
            .containsExactlyInAnyOrderElementsOf(takenDown);
    }

    @Test
    @Order(TestGraph.WRITES)
    void everyKeyIsWrittenInItsNormalForm() {
        this.graph.reset();
        runScript("cypher/seed/pangea-ii.cypher");
        runScript(SAMPLE_SCRIPT);

        GraphNormaliser.Result result = new GraphNormaliser(this.graph.db()).run();

        assertThat(result.problems()).isEmpty();
        assertThat(result.keysNormalised()).isZero();
        for (NodeKind kind : NodeKind.values()) {
            if (!kind.hasKey()) {
                continue;
            }
            KeyForm form = kind.keyForm();
            List<Record> keys = this.graph.read("MATCH (n:" + kind.label() + ") RETURN n." + kind.keyProperty() + " AS key, n."
                    + kind.keyInput() + " AS input", Map.of());
            assertThat(keys).allSatisfy(r -> assertThat(form.normalise(r.get("input").asString()))
                .isEqualTo(r.get("key").asString()));
        }
    }

    @Test
    @Order(TestGraph.WRITES)
    void runningTheSampleScriptAgainChangesNothing() {
        seed();
        String before = this.graph.snapshot();

        ScriptRunner.Tally again = runScript(SAMPLE_SCRIPT);
        new GraphNormaliser(this.graph.db()).run();

        assertThat(again.statements()).isGreaterThan(10);
        assertThat(again.nodesCreated()).isZero();
        assertThat(again.relationshipsCreated()).isZero();
        assertThat(this.graph.snapshot()).isEqualTo(before);
    }

    /** The graph as a new store is seeded (seeded once for the tests that only read it). */
    private void seed() {
        this.graph.startWithTheSeed();
    }

    private ScriptRunner.Tally runScript(String path) {
        try {
            String text = new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
            return new ScriptRunner(this.graph.db().driver(), 500, Duration.ofMinutes(5))
                .run(CypherScript.parse(path, text), Map.of(), new ScriptRunner.Tally(), (s, l, t) -> { });
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private List<String> strings(String cypher, Map<String, Object> parameters) {
        return this.graph.read(cypher, parameters).stream().map(r -> r.get(0).asString()).toList();
    }

    /** How many of {@code network}'s storefronts each IP address served, at any time. */
    private Map<String, Long> sitesPerIp(List<String> network) {
        Map<String, Long> sites = new HashMap<>();
        this.graph.read("""
                MATCH (w:Website)-[:HOSTED_AT]->(ip:IpAddress) WHERE w.domain IN $network
                RETURN ip.address AS ip, count(DISTINCT w) AS sites""", Map.of("network", network))
            .forEach(r -> sites.put(r.get("ip").asString(), r.get("sites").asLong()));
        return sites;
    }

    private List<String> hostedAsOf(String domain, LocalDate asOf) {
        return strings("MATCH (:Website {domain: $domain})-[h:HOSTED_AT]->(ip:IpAddress) WHERE " + Visibility.validOn("h")
                + " RETURN ip.address", Map.of("domain", domain, "asOf", asOf));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> list : lists) {
            all.addAll(list);
        }
        return all;
    }

}
