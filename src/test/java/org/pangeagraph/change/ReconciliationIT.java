package org.pangeagraph.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.pangeagraph.db.EmbeddedNeo4j;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.StartedApplication;
import org.pangeagraph.support.TestUsers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Where no listener sees commits (a server or cluster; here the embedded database with
 * {@code pangea.embedded.capture-changes=false}, so that the same code path runs for real), the
 * reconciliation records the application's own writes at once and another writer's within its period,
 * found by {@code updatedAt}, {@code taggedAt} and {@code recordedAt}.
 */
class ReconciliationIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    @Test
    void withoutAListenerTheApplicationsWritesAndAnotherWritersAreReconciled() throws Exception {
        try (StartedApplication application = StartedApplication.start(this.directory, null, "--pangea.embedded.capture-changes=false",
                "--pangea.changes.reconcile-every=1s")) {
            ChangeFeed feed = application.context().getBean(ChangeFeed.class);
            EmbeddedNeo4j embedded = application.context().getBean(EmbeddedNeo4j.class);
            long start = feed.head();
            String answer = graphQl(application, """
                    mutation {
                      source: upsertSource(input: {key: "reconciled-source", title: "A source"}) { created }
                      site: upsertWebsite(input: {domain: "reconciled-site.example"}) { created }
                      ip: upsertIpAddress(input: {address: "203.0.113.99"}) { created }
                      link(input: {type: HOSTED_AT, from: {kind: WEBSITE, key: "reconciled-site.example"},
                        to: {kind: IP_ADDRESS, key: "203.0.113.99"}, source: "reconciled-source", grade: "B2"}) { created }
                    }
                    """);
            assertThat(answer).doesNotContain("\"errors\"");
            try (Driver driver = GraphDatabase.driver(embedded.boltUri(), embedded.authToken()); Session session = driver.session()) {
                // Another writer that writes as the import command does (the Entity label, an id, the times), which
                // is what the API's queries and the reconciliation rely on.
                session.run("""
                        MATCH (ip:IpAddress {address: '203.0.113.99'})
                        CREATE (w:Website:Entity {id: randomUUID(), domain: 'other-writer.example', createdAt: datetime(),
                          updatedAt: datetime()})
                        CREATE (w)-[:HOSTED_AT {id: randomUUID(), source: 'reconciled-source', grade: 'C3', recordedAt: datetime(),
                          recordedBy: 'shell-user'}]->(ip)
                        """).consume();
            }
            String changes = "";
            long end = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < end) {
                changes = graphQl(application, "{ changesSince(sequence: " + start + ", first: 100) { changes { origin kind user "
                        + "entity { key } link { type recordedBy from { key } to { key } } } } }");
                if (changes.contains("other-writer.example") && JsonPath.<List<Object>>read(changes,
                        "$.data.changesSince.changes[?(@.kind == 'LINK_CREATED')]").size() == 2) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(JsonPath.<List<String>>read(changes, "$.data.changesSince.changes[*].origin")).as(changes)
                .containsOnly("RECONCILIATION");
            assertThat(JsonPath.<List<String>>read(changes, "$.data.changesSince.changes[?(@.kind == 'ENTITY_CREATED')].entity.key"))
                .contains("reconciled-site.example", "other-writer.example");
            assertThat(JsonPath.<List<String>>read(changes, "$.data.changesSince.changes[?(@.kind == 'LINK_CREATED')].link.recordedBy"))
                .containsExactlyInAnyOrder("admin", "shell-user");
            assertThat(JsonPath.<List<String>>read(changes, "$.data.changesSince.changes[?(@.kind == 'LINK_CREATED')].link.from.key"))
                .containsExactlyInAnyOrder("reconciled-site.example", "other-writer.example");

            // Changes of cases alone, found by taggedAt: the application's (its version stays), and another
            // writer's that stamps taggedAt as the README asks. Which cases they added is not known here, so
            // only a reader who sees every case is told of them.
            long tagged = feed.head();
            String site = "{ website(domain: \"reconciled-site.example\") { version } }";
            int version = JsonPath.read(graphQl(application, site), "$.data.website.version");
            assertThat(graphQl(application, "mutation { upsertWebsite(input: {domain: \"reconciled-site.example\", "
                    + "cases: [\"CASE-A\", \"CASE-B\"]}) { website { version } } }")).contains("\"version\":" + version);
            try (Driver driver = GraphDatabase.driver(embedded.boltUri(), embedded.authToken()); Session session = driver.session()) {
                session.run("MATCH (w:Website {domain: 'other-writer.example'}) SET w.cases = ['CASE-A'], w.taggedAt = datetime()")
                    .consume();
            }
            String since = "{ changesSince(sequence: " + tagged + ", first: 100) { changes { kind properties entity { key cases } } } }";
            end = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < end
                    && JsonPath.<List<Object>>read(changes = graphQl(application, since), "$.data.changesSince.changes").size() < 2) {
                Thread.sleep(100);
            }
            assertThat(JsonPath.<List<String>>read(changes, "$.data.changesSince.changes[*].kind")).as(changes)
                .containsExactly("ENTITY_CHANGED", "ENTITY_CHANGED");
            assertThat(JsonPath.<List<Object>>read(changes, "$.data.changesSince.changes[*].properties"))
                .containsExactly(List.of("cases"), List.of("cases"));
            assertThat(JsonPath.<List<String>>read(changes, "$.data.changesSince.changes[*].entity.key"))
                .containsExactlyInAnyOrder("reconciled-site.example", "other-writer.example");
            String investigatorA = application.webClient().mutate()
                .defaultHeaders(headers -> headers.set(HttpHeaders.AUTHORIZATION, GraphQlClient.basic(TestUsers.INVESTIGATOR_A))).build()
                .post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", since)).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
            assertThat(JsonPath.<List<Object>>read(investigatorA, "$.data.changesSince.changes")).as(investigatorA).isEmpty();
            assertThat(graphQl(application, site)).contains("\"version\":" + version);
        }
    }

    private static String graphQl(StartedApplication application, String document) {
        return application.webClient().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("query", document)).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
            .getResponseBody();
    }

}
