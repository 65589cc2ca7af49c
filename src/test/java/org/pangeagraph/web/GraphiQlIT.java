package org.pangeagraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pangeagraph.PangeaGraphApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * GraphiQL, the investigator's query page, in the profile the application starts in when none is
 * chosen, with the demo users of docs/security.md: the browser asks for a user name and password
 * (HTTP Basic), then sends them with the page's GraphQL requests. Not an {@code @IntegrationTest}:
 * those run in the test profile, which is the point here.
 */
class GraphiQlIT {

    @Test
    void graphiQlAnswersInTheDefaultProfileToTheDemoUsers(@TempDir Path store) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PangeaGraphApplication.class).run(
                "--server.port=0", "--pangea.embedded.bolt-port=0", "--pangea.embedded.store-directory=" + store,
                "--pangea.embedded.page-cache=32m", "--pangea.database.seed=false", "--pangea.database.query-timeout=30s")) {
            assertThat(app.getEnvironment().getActiveProfiles()).isEmpty();
            assertThat(app.getEnvironment().getDefaultProfiles()).containsExactly("local");
            WebTestClient http = WebTestClient.bindToServer(new JdkClientHttpConnector(HttpClient.newHttpClient()))
                .baseUrl("http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(60)).build();

            http.get().uri("/graphiql?path=/graphql").exchange().expectStatus().isUnauthorized().expectHeader()
                .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Pangea Graph\".*");
            WebTestClient admin = http.mutate().defaultHeaders(h -> h.setBasicAuth("admin", "admin-demo")).build();
            admin.get().uri("/graphiql").exchange().expectStatus().is3xxRedirection().expectHeader()
                .valueMatches("Location", ".*/graphiql\\?path=/graphql&wsPath=/graphql-ws");
            admin.get().uri("/graphiql?path=/graphql").exchange().expectStatus().isOk().expectBody(String.class)
                .value(page -> assertThat(page).containsIgnoringCase("graphiql").contains("webjars/graphiql/graphiql.min.js")
                    .as("nothing loaded from another host").doesNotContainPattern("(src|href)=\"(https?:)?//"));

            // What the page sends: a JSON POST to /graphql, with the credentials the browser remembered.
            for (Map.Entry<String, String> demo : Map.of("viewer", "viewer-demo", "investigator", "investigator-demo").entrySet()) {
                http.post().uri("/graphql").headers(h -> h.setBasicAuth(demo.getKey(), demo.getValue()))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", "{ websites { totalCount } }")).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.data.websites.totalCount").isEqualTo(0);
            }
            assertThat(store.resolve("bolt-password")).as("the local profile's Bolt port takes no password").doesNotExist();
        }
    }

}
