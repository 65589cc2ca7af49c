package org.pangeagraph.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pangeagraph.change.ChangeFeed;
import org.pangeagraph.db.BoltPassword;
import org.pangeagraph.db.EmbeddedNeo4j;
import org.pangeagraph.ingest.ImportCommand;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.RawGraphQl;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The audit trail of the running application, read back from its files: one record per request with
 * who, from where, what, why, which cases and entities, and how it ended; the chain intact; the log
 * read through GraphQL; an import recorded; a record changed afterwards found by {@code audit verify}.
 */
@IntegrationTest
class AuditIT {

    private static final String SITES = "query sites($first: Int) { websites(first: $first) { edges { node { domain } } } }";

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @Autowired
    AuditTrail trail;

    @Autowired
    EmbeddedNeo4j embedded;

    @Autowired
    ChangeFeed feed;

    @BeforeEach
    void twoStorefrontsOneInACase() {
        this.graph.startWith("audit");
    }

    @Test
    void everyRequestWritesExactlyOneRecordOfWhoWhatWhyAndHowItEnded() {
        int before = records().size();
        Instant start = Instant.now();

        RawGraphQl.query(this.client, SITES, Map.of("first", 10, "password", "hunter2"), "Review of CASE-A");
        RawGraphQl.query(this.client, "mutation rename { upsertWebsite(input: {domain: \"open.example\", name: \"Renamed\"}) { created } }");
        RawGraphQl.query(this.client, "query typo { website(domain: \"open.example\") { nme } }");
        this.client.webClient().get().uri("/export/network.graphml?ids=website-case-a&depth=1").exchange().expectStatus().isOk();
        this.client.webClient().post().uri("/graphql").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData("query", "{ websites { totalCount } }")).exchange()
            .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

        List<AuditLine.Parsed> records = records();
        assertThat(records).hasSize(before + 5);
        List<Map<String, Object>> written = records.subList(before, before + 5).stream().map(AuditLine.Parsed::fields).toList();
        written.forEach(record -> {
            assertThat(Instant.parse((String) record.get("time"))).isBetween(start, Instant.now());
            assertThat(record.get("user")).isNotNull();
            assertThat(record.get("roles")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("ADMIN");
            assertThat(record.get("client")).isEqualTo("127.0.0.1");
            assertThat((Integer) record.get("durationMs")).isNotNegative();
        });
        assertThat(written.get(0)).containsEntry("type", "QUERY").containsEntry("operation", "sites")
            .containsEntry("documentHash", AuditLine.sha256(SITES))
            .containsEntry("variables", Map.of("first", 10, "password", "[REDACTED]"))
            .containsEntry("justification", "Review of CASE-A").containsEntry("cases", List.of("CASE-A"))
            .containsEntry("outcome", "OK").containsEntry("errors", List.of());
        assertThat(written.get(0).get("entityIds")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
            .containsExactlyInAnyOrder("website-case-a", "website-open");
        assertThat(written.get(1)).containsEntry("type", "MUTATION").containsEntry("operation", "rename")
            .containsEntry("entityIds", List.of("website-open")).containsEntry("cases", List.of()).containsEntry("outcome", "OK");
        assertThat(written.get(2)).containsEntry("type", "QUERY").containsEntry("operation", "typo")
            .containsEntry("entityIds", List.of()).containsEntry("outcome", "ERROR")
            .containsEntry("errors", List.of("GRAPHQL_VALIDATION_FAILED"));
        assertThat(written.get(3)).containsEntry("type", "EXPORT").containsEntry("operation", "/export/network.graphml")
            .containsEntry("variables", Map.of("ids", "website-case-a", "depth", "1")).containsEntry("cases", List.of("CASE-A"))
            .containsEntry("outcome", "OK");
        assertThat(written.get(3).get("entityIds")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
            .containsExactlyInAnyOrder("website-case-a", "ip-1");
        assertThat(written.get(4)).containsEntry("type", "HTTP").containsEntry("outcome", "DENIED")
            .containsEntry("errors", List.of("HTTP_415"));
        assertThat(ChainVerification.verify(this.trail.log().files()).intact()).isTrue();
    }

    /**
     * A page of the change feed and a watch are recorded with the entities and the cases they show, like an
     * entity's answer: here without the client asking for a single id or case.
     */
    @Test
    void theChangeFeedAndWatchesAreRecordedWithTheEntitiesAndCasesTheyShow() {
        long head = this.feed.head();
        RawGraphQl.query(this.client, "mutation tag { upsertIpAddress(input: {address: \"192.0.2.77\", cases: [\"CASE-A\"]}) { created } }",
                Map.of(), "Report 9");
        String id = JsonPath.read(RawGraphQl.query(this.client, "{ ipAddress(address: \"192.0.2.77\") { id } }", Map.of(),
                "Report 9"), "$.data.ipAddress.id");

        RawGraphQl.query(this.client, "query feed($s: Long!) { changesSince(sequence: $s) { changes { sequence } } }", Map.of("s", head),
                "Report 9");
        assertThat(records().get(records().size() - 1).fields()).containsEntry("operation", "feed").containsEntry("outcome", "OK")
            .containsEntry("cases", List.of("CASE-A")).containsEntry("entityIds", List.of(id));

        RawGraphQl.query(this.client, "mutation watch($t: ID!) { createWatch(input: {name: \"Case A address\", template: NEW_WEBSITE_ON_ITEM,"
                + " targets: [$t]}) { name } }", Map.of("t", id), "Report 9");
        assertThat(records().get(records().size() - 1).fields()).containsEntry("operation", "watch").containsEntry("outcome", "OK")
            .containsEntry("cases", List.of("CASE-A")).containsEntry("entityIds", List.of(id));
    }

    @Test
    void administratorsReadTheLogNewestFirstWithFiltersAndThatReadingIsRecorded() {
        // At least one record before the two read back, whichever tests ran before in this JVM.
        RawGraphQl.query(this.client, SITES, Map.of(), "Earlier");
        RawGraphQl.query(this.client, SITES, Map.of(), "Review of CASE-A");
        RawGraphQl.query(this.client, "mutation rename { upsertWebsite(input: {domain: \"open.example\", name: \"Renamed\"}) { created } }");
        String read = """
                query read($case: String, $entityId: ID, $first: Int, $after: String) {
                  auditLog(case: $case, entityId: $entityId, first: $first, after: $after) {
                    edges { cursor node { type operation justification cases entityIds outcome line hash previousHash } }
                    pageInfo { hasNextPage endCursor }
                  }
                }""";

        String newest = RawGraphQl.query(this.client, read, Map.of("first", 2));
        assertThat(JsonPath.<List<String>>read(newest, "$.data.auditLog.edges[*].node.operation")).containsExactly("rename", "sites");
        assertThat(JsonPath.<String>read(newest, "$.data.auditLog.edges[1].node.hash"))
            .isEqualTo(JsonPath.<String>read(newest, "$.data.auditLog.edges[0].node.previousHash"));
        assertThat(JsonPath.<Boolean>read(newest, "$.data.auditLog.pageInfo.hasNextPage")).isTrue();

        String next = RawGraphQl.query(this.client, read, Map.of("first", 1, "after",
                JsonPath.read(newest, "$.data.auditLog.edges[0].cursor")));
        assertThat(JsonPath.<List<String>>read(next, "$.data.auditLog.edges[*].node.operation")).containsExactly("sites");

        String ofTheCase = RawGraphQl.query(this.client, read, Map.of("case", "CASE-A", "first", 1));
        assertThat(JsonPath.<List<String>>read(ofTheCase, "$.data.auditLog.edges[*].node.justification"))
            .containsExactly("Review of CASE-A");
        // A case number as typed, in its normal form, as every other filter reads it.
        assertThat(JsonPath.<List<String>>read(RawGraphQl.query(this.client, read, Map.of("case", "case-a", "first", 1)),
                "$.data.auditLog.edges[*].node.justification")).containsExactly("Review of CASE-A");
        String backwards = RawGraphQl.query(this.client, "{ auditLog(from: \"2026-12-07T21:30:00Z\", to: \"2026-12-07T21:00:00Z\") "
                + "{ edges { cursor } } }");
        assertThat(JsonPath.<List<String>>read(backwards, "$.errors[*].extensions.code")).containsExactly("INVALID_INPUT");
        assertThat(JsonPath.<List<String>>read(backwards, "$.errors[*].extensions.field")).containsExactly("to");
        String ofTheEntity = RawGraphQl.query(this.client, read, Map.of("entityId", "website-open", "first", 1));
        assertThat(JsonPath.<List<String>>read(ofTheEntity, "$.data.auditLog.edges[*].node.operation")).containsExactly("rename");

        List<AuditLine.Parsed> records = records();
        assertThat(records.get(records.size() - 1).fields()).containsEntry("type", "QUERY").containsEntry("operation", "read")
            .containsEntry("variables", Map.of("entityId", "website-open", "first", 1));
    }

    @Test
    void anImportRunWritesOneRecord(@TempDir Path auditDirectory) throws IOException {
        String password = BoltPassword.read(this.embedded.storeDirectory()).orElseThrow();
        Run run = run(List.of("--spring.neo4j.uri=" + this.embedded.boltUri(), "--spring.neo4j.authentication.username=neo4j",
                "--spring.neo4j.authentication.password=" + password, "--pangea.audit.directory=" + auditDirectory,
                "src/test/resources/import/two-websites-on-one-ip.cypher"));

        assertThat(run.exit()).as(run.err()).isZero();
        AuditLog log = new AuditLog(auditDirectory, Long.MAX_VALUE, java.time.Duration.ofDays(1), java.time.Clock.systemUTC());
        List<String> lines = log.files().stream().flatMap(file -> AuditLog.lines(file).stream()).toList();
        assertThat(lines).singleElement().satisfies(line -> assertThat(AuditLine.read(line).fields())
            .containsEntry("user", "admin").containsEntry("roles", List.of("ADMIN")).containsEntry("type", "IMPORT")
            .containsEntry("operation", "src/test/resources/import/two-websites-on-one-ip.cypher")
            .containsEntry("outcome", "OK").containsEntry("errors", List.of())
            .extractingByKey("details").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .containsEntry("exit", "OK").containsEntry("batchSize", 1000)
            .extractingByKey("committed").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .extractingByKey("src/test/resources/import/two-websites-on-one-ip.cypher").asString()
            .startsWith("4 statements in 1 transaction: "));
    }

    @Test
    void anImportRefusedAtSignInWritesOneDeniedRecord(@TempDir Path auditDirectory) {
        Map<String, String> viewer = Map.of("PANGEA_USER", "viewer", "PANGEA_PASSWORD", "viewer-demo");
        Run run = capture((out, err) -> ImportCommand.run(List.of("--spring.neo4j.uri=" + this.embedded.boltUri(),
                "--pangea.audit.directory=" + auditDirectory, "src/test/resources/import/two-websites-on-one-ip.cypher"),
                viewer, null, out, err));

        assertThat(run.exit()).as(run.err()).isEqualTo(4);
        AuditLog log = new AuditLog(auditDirectory, Long.MAX_VALUE, java.time.Duration.ofDays(1), java.time.Clock.systemUTC());
        List<String> lines = log.files().stream().flatMap(file -> AuditLog.lines(file).stream()).toList();
        assertThat(lines).singleElement().satisfies(line -> assertThat(AuditLine.read(line).fields())
            .containsEntry("user", "viewer").containsEntry("type", "IMPORT").containsEntry("outcome", "DENIED")
            .containsEntry("errors", List.of("FORBIDDEN")));
    }

    @Test
    void aRecordChangedAfterwardsIsNamedByAuditVerify(@TempDir Path copy) throws IOException {
        RawGraphQl.query(this.client, SITES, Map.of(), "first");
        RawGraphQl.query(this.client, SITES, Map.of(), "second");
        RawGraphQl.query(this.client, SITES, Map.of(), "third");
        for (Path file : this.trail.log().files()) {
            Files.copy(file, copy.resolve(file.getFileName()));
        }
        Path last = new AuditLog(copy, Long.MAX_VALUE, java.time.Duration.ofDays(1), java.time.Clock.systemUTC()).files()
            .get(this.trail.log().files().size() - 1);
        List<String> lines = new ArrayList<>(AuditLog.lines(last));
        int second = lines.size() - 1;
        assertThat(lines.get(second - 1)).contains("\"justification\":\"second\"");
        lines.set(second - 1, lines.get(second - 1).replace("\"justification\":\"second\"", "\"justification\":\"changed\""));
        Files.writeString(last, String.join("\n", lines) + "\n");

        Run intact = runAudit(List.of("verify", this.trail.log().directory().toString()));
        Run broken = runAudit(List.of("verify", copy.toString()));

        assertThat(intact.exit()).as(intact.err()).isZero();
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.err()).startsWith("BROKEN: " + last + ":" + second + " (record time ")
            .contains("its content does not match its hash");
    }

    private List<AuditLine.Parsed> records() {
        return this.trail.log().files().stream().flatMap(file -> AuditLog.lines(file).stream()).map(AuditLine::read).toList();
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(List<String> args) {
        // The demo administrator of the local profile, the profile the command runs in here.
        Map<String, String> admin = Map.of("PANGEA_USER", "admin", "PANGEA_PASSWORD", "admin-demo");
        return capture((out, err) -> ImportCommand.run(args, admin, null, out, err));
    }

    private static Run runAudit(List<String> args) {
        return capture((out, err) -> AuditCommand.run(args, out, err));
    }

    private static Run capture(java.util.function.BiFunction<PrintStream, PrintStream, Integer> command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = command.apply(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

}
