package org.pangeagraph.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pangeagraph.db.EmbeddedNeo4jProperties;
import org.pangeagraph.tools.generator.GeneratorSettings;
import org.pangeagraph.tools.generator.PharmacyCrimeGenerator;
import org.pangeagraph.ingest.ImportCommand;
import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.model.Visibility;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the projection counts: each website once per item and kind, however many links or routes lead
 * it there, since rarity (how many websites share an item) weighs every shared item. And the walk through
 * the embedded database's own API reads what the statements read.
 */
@IntegrationTest
class ProjectionReaderIT {

    @Autowired
    TestGraph graph;

    @Autowired
    ProjectionReader reader;

    @Autowired
    EmbeddedNeo4jProperties embedded;

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

    @Test
    void theWalkInProcessAndTheStatementsReadTheSameProjection() throws Exception {
        assumeTrue(this.graph.db().inProcess(), "the walk needs the database in this process");
        PharmacyCrimeGenerator.generate(GeneratorSettings.Size.TINY.settings(3), this.embedded.importDirectory().toAbsolutePath());
        assertThat(ImportCommand.run(this.graph.db(), List.of(this.embedded.importDirectory().resolve("load.cypher").toString()),
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(OutputStream.nullOutputStream()))).isZero();
        // The generator writes no name servers yet: six storefronts on two shared name servers take that route.
        this.graph.write("""
                MATCH (w:Website) WITH w ORDER BY w.id LIMIT 6
                WITH collect(w) AS ws
                UNWIND range(0, size(ws) - 1) AS i
                WITH ws[i] AS w, i % 2 AS k
                MERGE (ns:Entity:NameServer {hostName: 'ns' + k + '.dns-host.example'}) ON CREATE SET ns.id = 'ns-' + k
                CREATE (w)-[:USES_NAME_SERVER {id: 'l-ns-' + w.id}]->(ns)
                """, Map.of());
        // Need-to-know tags on about one entity and one link in eight, a few of them empty, and a link
        // dated to hold only in 2020, so that visibility and dates take out parts of the routes.
        for (String tag : List.of("MATCH (n:Entity) WHERE n.id ENDS WITH '3' SET n.cases = ['PG-1']",
                "MATCH (n:Entity) WHERE n.id ENDS WITH '5' SET n.cases = ['PG-2', 'PG-1']",
                "MATCH (n:Entity) WHERE n.id ENDS WITH '9' SET n.cases = []",
                "MATCH ()-[r]->() WHERE r.id ENDS WITH '7' SET r.cases = ['PG-2']",
                "MATCH ()-[r]->() WHERE r.id ENDS WITH 'a' SET r.validFrom = date('2020-01-01'), r.validTo = date('2020-12-31')")) {
            this.graph.write(tag, Map.of());
        }
        Set<String> excluded = Set.copyOf(this.graph.db().query("""
                MATCH (n:Entity) WHERE n:PaymentAccount OR n:Shipment OR n:Website OR n:Courier OR n:IpAddress
                WITH labels(n) AS kind, collect(n.id) AS ids RETURN ids[0] AS id
                """, Map.of(), r -> r.get("id").asString()));
        assertThat(excluded).hasSize(5);

        Map<String, List<String>> differences = new LinkedHashMap<>();
        for (Visibility visibility : List.of(Visibility.everything(), Visibility.ofCases(List.of("PG-1")), Visibility.ofCases(List.of()))) {
            for (LocalDate asOf : new LocalDate[] { null, LocalDate.of(2020, 6, 1), LocalDate.of(2019, 6, 1) }) {
                for (Set<String> without : List.of(Set.<String>of(), excluded)) {
                    List<String> walked = described(this.graph.db()
                        .readInProcess(List.of(), Map.of(), tx -> new ProjectionTraversal(visibility, asOf, without).read(tx)).orElseThrow());
                    List<String> read = described(this.reader.readWithCypher(visibility, asOf, without));
                    assertThat(walked).as("%s on %s without %s", visibility, asOf, without).isEqualTo(read);
                    differences.put(visibility + " " + asOf + " " + without, walked);
                }
            }
        }
        // Every kind of route is taken, and the cases, dates and exclusions each change what is read.
        Projection all = this.reader.read(Visibility.everything(), null);
        assertThat(all.items().stream().map(Projection.Item::kind).distinct()).containsExactlyInAnyOrder(InfrastructureKind.values());
        assertThat(differences.values().stream().distinct().count()).isEqualTo(differences.size());
    }

    /** Websites in order, then each item with its kind, entity kind and websites. */
    private static List<String> described(Projection projection) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < projection.websiteCount(); i++) {
            lines.add(projection.websiteIds().get(i) + " " + projection.domains().get(i));
        }
        for (Projection.Item item : projection.items()) {
            lines.add(item.kind() + " " + item.id() + " " + item.nodeKind() + " " + Arrays.toString(item.websites()));
        }
        return lines;
    }

    private static String[] websites(Projection projection, InfrastructureKind kind, String id) {
        return Arrays.stream(projection.item(kind, id).websites()).mapToObj(projection.websiteIds()::get).toArray(String[]::new);
    }

}
