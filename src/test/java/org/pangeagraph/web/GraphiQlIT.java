package org.pangeagraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pangeagraph.PangeaGraphApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * GraphiQL, the investigator's query page, in the profile the application starts in when none is
 * chosen. Not an {@code @IntegrationTest}: those run in the test profile, which is the point here.
 */
class GraphiQlIT {

    @Test
    void graphiQlAnswersInTheDefaultProfile(@TempDir Path store) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PangeaGraphApplication.class).run(
                "--server.port=0", "--pangea.embedded.bolt-port=0", "--pangea.embedded.store-directory=" + store,
                "--pangea.embedded.page-cache=32m", "--pangea.database.seed=false", "--pangea.database.query-timeout=30s")) {
            assertThat(app.getEnvironment().getActiveProfiles()).isEmpty();
            assertThat(app.getEnvironment().getDefaultProfiles()).containsExactly("local");
            WebTestClient http = WebTestClient.bindToServer(new JdkClientHttpConnector(HttpClient.newHttpClient()))
                .baseUrl("http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port")).build();

            http.get().uri("/graphiql").exchange().expectStatus().is3xxRedirection().expectHeader()
                .valueMatches("Location", ".*/graphiql\\?path=/graphql");
            http.get().uri("/graphiql?path=/graphql").exchange().expectStatus().isOk().expectBody(String.class)
                .value(page -> assertThat(page).containsIgnoringCase("graphiql"));
        }
    }

}
