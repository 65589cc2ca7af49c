package org.pangeagraph.support;

import java.net.http.HttpClient;

import org.springframework.core.env.Environment;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A real GraphQL client over real HTTP to the running application: Spring's {@link HttpGraphQlTester}
 * on the JDK HTTP client. Documents are read from {@code src/test/resources/graphql-test/}.
 */
public class GraphQlClient {

    private final Environment environment;

    private volatile HttpGraphQlTester tester;

    GraphQlClient(Environment environment) {
        this.environment = environment;
    }

    /** The tester for the application's {@code /graphql} endpoint. */
    public HttpGraphQlTester tester() {
        if (this.tester == null) {
            this.tester = HttpGraphQlTester.create(webClient().mutate().baseUrl(baseUrl() + "/graphql").build());
        }
        return this.tester;
    }

    /** A plain HTTP client for the application, for endpoints other than GraphQL and raw requests. */
    public WebTestClient webClient() {
        return WebTestClient.bindToServer(new JdkClientHttpConnector(HttpClient.newHttpClient()))
            .baseUrl(baseUrl())
            .responseTimeout(java.time.Duration.ofSeconds(60))
            .build();
    }

    public String baseUrl() {
        return "http://localhost:" + this.environment.getRequiredProperty("local.server.port");
    }

}
