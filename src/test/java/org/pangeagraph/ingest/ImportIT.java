package org.pangeagraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;
import org.pangeagraph.db.BoltPassword;
import org.pangeagraph.db.EmbeddedNeo4j;
import org.pangeagraph.db.GraphVersion;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ImportIT {

    private static final String SCRIPTS = "src/test/resources/import/";

    @Autowired
    TestGraph graph;

    @Autowired
    GraphVersion version;

    @Autowired
    EmbeddedNeo4j embedded;

    @BeforeEach
    void emptyGraph() {
        this.graph.reset();
    }

    @Test
    void importsAScriptInBatchesAndReportsWhatItCommitted() {
        String versionBefore = this.version.current();

        Run run = importing("--batch-size", "3", SCRIPTS + "two-websites-on-one-ip.cypher");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains(SCRIPTS + "two-websites-on-one-ip.cypher: committed 4 statements in 2 transactions: "
                + "3 nodes and 2 relationships created, 7 properties set, 0 nodes and 0 relationships deleted");
        assertThat(run.err()).isEmpty();
        assertThat(domains("MATCH (w:Website)-[:HOSTED_AT]->(:IpAddress {address: '192.0.2.1'}) RETURN w.domain"))
            .containsExactly("alpha.example", "beta.example");
        assertThat(this.graph.count("MATCH (n:Entity) RETURN count(n)")).isEqualTo(3);
        assertThat(this.graph.count("MATCH ()-[h:HOSTED_AT {source: 'pdns-sample'}]->() WHERE h.id IS NOT NULL RETURN count(h)"))
            .isEqualTo(2);
        assertThat(counter(this.version.current())).isEqualTo(counter(versionBefore) + 1);
    }

    @Test
    void runningTheSameScriptTwiceChangesNothing() {
        importing(SCRIPTS + "two-websites-on-one-ip.cypher");
        String once = this.graph.snapshot();

        Run again = importing(SCRIPTS + "two-websites-on-one-ip.cypher");

        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("0 nodes and 0 relationships created");
        assertThat(this.graph.snapshot()).isEqualTo(once);
    }

    @Test
    void theCsvTemplatesLoadTheSampleFiles() {
        Run run = importing("cypher/import");

        assertThat(run.exit()).as(run.err()).isZero();
        // Every key of the sample files is in normal form and every IBAN valid: the post-import pass has nothing to say.
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("keys put in normal form: 0; problems: 0");
        assertThat(run.out().lines().filter(l -> l.startsWith("cypher/import/")).map(l -> l.replaceAll(", \\d+ properties set.*", "")))
            .containsExactly(
                    "cypher/import/infrastructure.cypher: committed 1 statement in 1 transaction: 12 nodes and 11 relationships created",
                    "cypher/import/payments.cypher: committed 1 statement in 1 transaction: 6 nodes and 10 relationships created",
                    "cypher/import/shipments.cypher: committed 1 statement in 1 transaction: 11 nodes and 17 relationships created",
                    "cypher/import/sources.cypher: committed 1 statement in 1 transaction: 3 nodes and 0 relationships created",
                    "cypher/import/websites.cypher: committed 1 statement in 1 transaction: 0 nodes and 0 relationships created");

        Map<String, Long> entities = counts("MATCH (n:Entity) RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS name, count(*) AS n");
        assertThat(entities).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("Website", 6L), Map.entry("IpAddress", 4L),
                Map.entry("HostingProvider", 2L), Map.entry("PaymentAccount", 4L), Map.entry("Company", 1L), Map.entry("Person", 1L),
                Map.entry("Shipment", 4L), Map.entry("Product", 3L), Map.entry("Courier", 2L), Map.entry("Address", 2L),
                Map.entry("Source", 3L)));
        assertThat(counts("MATCH ()-[r]->() RETURN type(r) AS name, count(*) AS n")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "HOSTED_AT", 7L, "ALLOCATED_TO", 4L, "ACCEPTS_PAYMENT_TO", 6L, "HELD_BY", 4L, "ORDERED_FROM", 4L, "CARRIED_BY", 4L,
                "SENT_FROM", 4L, "CONTAINED", 5L));

        // What an investigator would pivot on in the sample: one provider, one bank account, one company behind several storefronts.
        assertThat(domains("""
                MATCH (w:Website)-[:HOSTED_AT]->(:IpAddress)-[:ALLOCATED_TO]->(:HostingProvider {nameKey: 'example bulletproof hosting'})
                RETURN DISTINCT w.domain"""))
            .containsExactly("cheap-meds.example", "pharma-direct.example", "rx-express.example");
        assertThat(domains("MATCH (w:Website)-[:ACCEPTS_PAYMENT_TO]->(:PaymentAccount {identifier: 'NL92XMPL0123456789'}) RETURN w.domain"))
            .containsExactly("cheap-meds.example", "pharma-direct.example", "rx-express.example");
        assertThat(domains("""
                MATCH (w:Website)-[:ACCEPTS_PAYMENT_TO]->(:PaymentAccount)-[:HELD_BY]->(:Company {nameKey: 'example trading ltd', country: 'GB'})
                RETURN w.domain"""))
            .containsExactly("cheap-meds.example", "health-shop.example", "pharma-direct.example", "rx-express.example");
        assertThat(domains("MATCH (w:Website)<-[:ORDERED_FROM]-(:Shipment)-[:SENT_FROM]->(:Address {key: '12 example road, mumbai'}) RETURN w.domain"))
            .containsExactly("cheap-meds.example", "pharma-direct.example");

        Record hosting = this.graph.read("""
                MATCH (:Website {domain: 'pharma-direct.example'})-[h:HOSTED_AT]->(ip:IpAddress)
                RETURN ip.address AS ip, h.validFrom AS validFrom, h.validTo AS validTo, h.source AS source, h.linkKey AS linkKey
                ORDER BY h.validFrom""", Map.of()).get(1);
        assertThat(hosting.get("ip").asString()).isEqualTo("198.51.100.7");
        assertThat(hosting.get("validFrom").asLocalDate()).isEqualTo(LocalDate.of(2009, 9, 1));
        assertThat(hosting.get("validTo").isNull()).isTrue();
        assertThat(hosting.get("source").asString()).isEqualTo("pdns-export-2009-11");
        assertThat(hosting.get("linkKey").asString()).isEqualTo("pdns-export-2009-11|2009-09-01");

        Record parcel = this.graph.read("""
                MATCH (s:Shipment {trackingNumber: 'EX123456789IN'})-[c:CONTAINED]->(p:Product)
                RETURN s.seized AS seized, s.pillCount AS pills, sum(c.quantity) AS contained, collect(p.name) AS products""",
                Map.of()).get(0);
        assertThat(parcel.get("seized").asBoolean()).isTrue();
        assertThat(parcel.get("pills").asLong()).isEqualTo(120);
        assertThat(parcel.get("contained").asLong()).isEqualTo(120);
        assertThat(parcel.get("products").asList(v -> v.asString())).containsExactlyInAnyOrder("Sildenafil 100mg", "Tadalafil 20mg");
        assertThat(this.graph.read("MATCH (w:Website {domain: 'med-store.example'}) RETURN w.language AS language, w.categories AS categories",
                Map.of()).get(0).asMap()).containsEntry("language", null).containsEntry("categories", List.of("STEROIDS"));
    }

    @Test
    void theCsvTemplatesAreIdempotent() {
        importing("cypher/import");
        String once = this.graph.snapshot();

        Run again = importing("cypher/import");

        assertThat(again.exit()).isZero();
        assertThat(again.out().lines().filter(l -> l.contains(": committed 1 statement in 1 transaction: 0 nodes and 0 relationships created")))
            .hasSize(5);
        assertThat(this.graph.snapshot()).isEqualTo(once);
    }

    @Test
    void parametersSetWithParamAreUsedByTheStatementsAfter() {
        Run run = importing(SCRIPTS + "parameters.cypher");

        assertThat(run.exit()).as(run.err()).isZero();
        Map<String, Object> website = this.graph.read("MATCH (w:Website) RETURN w {.domain, .name, .firstSeen} AS w", Map.of())
            .get(0).get("w").asMap();
        assertThat(website).containsExactlyInAnyOrderEntriesOf(
                Map.of("domain", "param.example", "name", "Param Pharmacy", "firstSeen", LocalDate.of(2009, 11, 16)));
    }

    @Test
    void aShellCommandOtherThanParamIsRefusedBeforeAnythingRuns() {
        // After the reset the graph holds no entity, but may hold the change feed of the reset itself.
        String before = this.graph.snapshot();
        Run run = importing(SCRIPTS + "two-websites-on-one-ip.cypher", SCRIPTS + "shell-transaction-commands.cypher");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(SCRIPTS + "shell-transaction-commands.cypher:2: the cypher-shell command :begin is not supported");
        assertThat(run.out()).isEmpty();
        assertThat(this.graph.count("MATCH (n:Entity) RETURN count(n)")).isZero();
        assertThat(this.graph.snapshot()).isEqualTo(before);
    }

    @Test
    void aFailingStatementRollsBackItsBatchKeepsWhatWasCommittedAndStops() {
        String versionBefore = this.version.current();

        Run run = importing("--batch-size", "2", SCRIPTS + "fails-at-line-5.cypher", SCRIPTS + "parameters.cypher");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains(SCRIPTS + "fails-at-line-5.cypher:5: ")
            .contains("already exists with label `Website` and property `domain` = 'first.example'");
        assertThat(run.out()).contains(SCRIPTS + "fails-at-line-5.cypher: committed before the failure: 2 statements in 1 transaction: "
                + "2 nodes and 0 relationships created")
            .contains(SCRIPTS + "parameters.cypher: not run");
        assertThat(domains("MATCH (w:Website) RETURN w.domain")).containsExactly("first.example", "second.example");
        // The post-import pass ran for what was committed.
        assertThat(this.graph.count("MATCH (w:Website:Entity) WHERE w.id IS NOT NULL AND w.createdAt IS NOT NULL RETURN count(w)"))
            .isEqualTo(2);
        assertThat(counter(this.version.current())).isEqualTo(counter(versionBefore) + 1);
    }

    @Test
    void aSyntaxErrorIsReportedAtItsOwnLineOfTheFile() {
        Run run = importing(SCRIPTS + "typo-on-line-4.cypher");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith(SCRIPTS + "typo-on-line-4.cypher:4: Invalid input 'RETRUN'");
        assertThat(this.graph.count("MATCH (w:Website) RETURN count(w)")).isZero();
    }

    @Test
    void thePostImportPassCompletesEntitiesAndPutsKeysInNormalForm() {
        Run run = importing(SCRIPTS + "key-not-in-normal-form.cypher");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("keys put in normal form: 1; problems: 0");
        List<Record> websites = this.graph.read("""
                MATCH (w:Website) RETURN w.domain AS domain, w:Entity AS entity, w.id AS id, w.createdAt AS createdAt,
                       w.updatedAt AS updatedAt""", Map.of());
        assertThat(websites).hasSize(1);
        assertThat(websites.get(0).get("domain").asString()).isEqualTo("shop.example");
        assertThat(websites.get(0).get("entity").asBoolean()).isTrue();
        assertThat(websites.get(0).get("id").asString()).hasSize(36);
        assertThat(websites.get(0).get("createdAt").isNull()).isFalse();
        // Written when it was created, or later when the pass put its key in normal form (the change feed's
        // listener stamps each change): what reads changes since a time (entity resolution's passes) finds it.
        assertThat(websites.get(0).get("updatedAt").isNull()).isFalse();
        assertThat(websites.get(0).get("updatedAt").asZonedDateTime()).isAfterOrEqualTo(websites.get(0).get("createdAt").asZonedDateTime());
    }

    @Test
    void importingAScriptWithoutStatementsCompletesWhatCypherShellWrote() {
        this.graph.write("MERGE (:Website {domain: 'shell.example'})", Map.of());

        Run run = importing(SCRIPTS + "nothing.cypher");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("nothing.cypher: committed 0 statements in 0 transactions");
        assertThat(domains("MATCH (w:Website:Entity) WHERE w.id IS NOT NULL RETURN w.domain")).containsExactly("shell.example");
    }

    @Test
    void theCommandLineEntryImportsIntoTheDatabaseItIsPointedAt() throws IOException {
        String password = BoltPassword.read(this.embedded.storeDirectory()).orElseThrow();

        Run run = run(ADMIN, "--spring.neo4j.uri=" + this.embedded.boltUri(), "--spring.neo4j.authentication.username=neo4j",
                "--spring.neo4j.authentication.password=" + password, SCRIPTS + "two-websites-on-one-ip.cypher");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Signed in as admin; importing into " + this.embedded.boltUri() + "\n");
        assertThat(domains("MATCH (w:Website:Entity) RETURN w.domain")).containsExactly("alpha.example", "beta.example");
    }

    @Test
    void theCommandLineEntryImportsIntoTheRunningApplicationFoundOnItsBoltPort() {
        URI bolt = this.embedded.boltUri();

        // The running application's database takes the password kept beside its store, which the command reads.
        Run run = run(ADMIN, "--pangea.embedded.bolt-address=" + bolt.getHost(), "--pangea.embedded.bolt-port=" + bolt.getPort(),
                "--pangea.embedded.store-directory=" + this.embedded.storeDirectory(), SCRIPTS + "parameters.cypher");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Signed in as admin; importing into " + bolt + " (the running application's database)\n");
        assertThat(domains("MATCH (w:Website:Entity) RETURN w.domain")).containsExactly("param.example");
    }

    @Test
    void theCommandLineEntryExitsWith3WhenTheDatabaseCannotBeReached() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Run run = run(ADMIN, "--spring.neo4j.uri=bolt://127.0.0.1:" + closedPort, SCRIPTS + "parameters.cypher");

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).startsWith("Cannot reach the database: ").contains("127.0.0.1:" + closedPort);
    }

    @Test
    void onlyAnAdministratorMayImportAndARefusalRunsNothing() {
        URI bolt = this.embedded.boltUri();
        String[] args = { "--pangea.embedded.bolt-port=" + bolt.getPort(), "--pangea.embedded.store-directory=" + this.embedded.storeDirectory(),
            SCRIPTS + "parameters.cypher" };
        // After the reset the graph holds no entity, but may hold the change feed of the reset itself.
        String before = this.graph.snapshot();

        Run viewer = run(Map.of("PANGEA_USER", "viewer", "PANGEA_PASSWORD", "viewer-demo"), args);
        Run wrongPassword = run(Map.of("PANGEA_USER", "admin", "PANGEA_PASSWORD", "viewer-demo"), args);
        Run nobody = run(Map.of(), args);

        assertThat(viewer.exit()).isEqualTo(4);
        assertThat(viewer.err()).startsWith("Not allowed: viewer is not an administrator");
        assertThat(wrongPassword.exit()).isEqualTo(4);
        assertThat(wrongPassword.err()).startsWith("Not allowed: Wrong user name or password for admin");
        assertThat(nobody.exit()).isEqualTo(4);
        assertThat(nobody.err()).startsWith("Sign in as an administrator: --user NAME (or PANGEA_USER)");
        assertThat(viewer.out() + wrongPassword.out() + nobody.out()).isEmpty();
        assertThat(this.graph.count("MATCH (n:Entity) RETURN count(n)")).isZero();
        assertThat(this.graph.snapshot()).isEqualTo(before);
    }

    @Test
    void theUserMayBeNamedOnTheCommandLineButThePasswordNever() {
        Run run = run(Map.of("PANGEA_USER", "viewer", "PANGEA_PASSWORD", "admin-demo"), "--user", "admin",
                "--pangea.embedded.bolt-port=" + this.embedded.boltUri().getPort(),
                "--pangea.embedded.store-directory=" + this.embedded.storeDirectory(), SCRIPTS + "parameters.cypher");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(domains("MATCH (w:Website:Entity) RETURN w.domain")).containsExactly("param.example");
    }

    /** The demo administrator of the local profile, the profile the command runs in here. */
    private static final Map<String, String> ADMIN = Map.of("PANGEA_USER", "admin", "PANGEA_PASSWORD", "admin-demo");

    private record Run(int exit, String out, String err) {
    }

    private Run importing(String... args) {
        return run((arguments, streams) -> ImportCommand.run(this.graph.db(), arguments, streams.get(0), streams.get(1)), args);
    }

    /**
     * The command as the jar runs it, with these environment variables and no terminal; its audit record
     * goes to the build's directory, not the developer's data/audit.
     */
    private static Run run(Map<String, String> variables, String... args) {
        List<String> arguments = new ArrayList<>(List.of("--pangea.audit.directory=target/test-audit/import-command"));
        arguments.addAll(List.of(args));
        return run((all, streams) -> ImportCommand.run(all, variables, null, streams.get(0), streams.get(1)),
                arguments.toArray(String[]::new));
    }

    private static Run run(BiFunction<List<String>, List<PrintStream>, Integer> command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = command.apply(List.of(args), List.of(o, e));
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private List<String> domains(String cypher) {
        List<String> domains = new ArrayList<>(this.graph.read(cypher, Map.of()).stream().map(r -> r.get(0).asString()).toList());
        domains.sort(null);
        return domains;
    }

    private Map<String, Long> counts(String cypher) {
        return this.graph.read(cypher, Map.of()).stream()
            .collect(java.util.stream.Collectors.toMap(r -> r.get("name").asString(), r -> r.get("n").asLong()));
    }

    /** The counter part of a graph version, {@code epoch:counter}. */
    private static long counter(String version) {
        return Long.parseLong(version.substring(version.lastIndexOf(':') + 1));
    }

}
