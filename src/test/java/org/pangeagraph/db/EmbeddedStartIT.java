package org.pangeagraph.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.StartedApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The application opens its embedded store in the background while it builds the rest of itself:
 * with a configured Bolt port the database is started, migrated and answering before the first
 * request, and a second application on a store in use still stops at start-up with the message an
 * operator can act on, leaving the first one unharmed. The first one is the suite's application
 * ({@code @IntegrationTest}) on its store.
 */
@IntegrationTest
class EmbeddedStartIT {

    private static final String UPSERT = "mutation add($input: WebsiteInput!) { upsertWebsite(input: $input) { website { name } } }";

    private static final String WEBSITE = "query site($domain: String!) { website(domain: $domain) { name } }";

    @TempDir
    Path directory;

    @Autowired
    EmbeddedNeo4j embedded;

    @Autowired
    GraphQlClient client;

    @Test
    void withAConfiguredBoltPortTheDatabaseIsStartedAndMigratedBeforeTheFirstRequest() throws IOException {
        int port = freePort();
        try (StartedApplication app = StartedApplication.start(this.directory, null, "--pangea.embedded.bolt-port=" + port)) {
            assertThat(app.context().getBean(EmbeddedNeo4j.class).boltUri().getPort()).isEqualTo(port);
            GraphDb db = app.context().getBean(GraphDb.class);
            int scripts = new Migrations(db, app.context().getBean(DatabaseProperties.class).migrations()).available().size();
            assertThat(db.query("MATCH (m:SchemaMigration) RETURN count(m) AS n", Map.of(), r -> r.get("n").asInt()))
                .as("every schema script recorded").containsExactly(scripts);

            post(app.webClient(), UPSERT, Map.of("input", Map.of("domain", "Background-Start.example", "name", "Background Start Pharmacy")));
            String read = post(app.webClient(), WEBSITE, Map.of("domain", "background-start.example"));
            assertThat(JsonPath.<String>read(read, "$.data.website.name")).as(read).isEqualTo("Background Start Pharmacy");
        }
    }

    @Test
    void aSecondApplicationOnAStoreInUseStopsSayingSoAndTheFirstGoesOn() {
        WebTestClient first = this.client.webClient();
        Path store = this.embedded.storeDirectory();
        post(first, UPSERT, Map.of("input", Map.of("domain", "first.example", "name", "First")));

        assertThatThrownBy(() -> StartedApplication.start(this.directory, null, "--pangea.embedded.store-directory=" + store,
                "--pangea.audit.directory=" + this.directory.resolve("audit-second")))
            .satisfies(failure -> assertThat(causes(failure)).anySatisfy(cause -> {
                assertThat(cause).isInstanceOf(EmbeddedDatabaseException.class);
                assertThat(cause.getMessage()).contains(store.toString(), "is in use by another process");
            }));

        String read = post(first, WEBSITE, Map.of("domain", "first.example"));
        assertThat(JsonPath.<String>read(read, "$.data.website.name")).as(read).isEqualTo("First");
    }

    private static String post(WebTestClient app, String document, Map<String, Object> variables) {
        String body = app.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("query", document, "variables", variables)).exchange().expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContain("\"errors\"");
        return body;
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable t = failure; t != null && !causes.contains(t); t = t.getCause()) {
            causes.add(t);
        }
        return causes;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

}
