package org.pangeagraph.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A real GraphQL client over real HTTP to the running application: Spring's {@link HttpGraphQlTester}
 * on the JDK HTTP client. Documents are read from {@code src/test/resources/graphql-test/}. It signs
 * in as the test profile's administrator; {@link #as(String)}, {@link #withToken(String)} and
 * {@link #anonymous()} give a client that signs in otherwise.
 */
public class GraphQlClient {

    private final Environment environment;

    /** The Authorization header every request carries, or null for none. */
    private final String authorization;

    private volatile HttpGraphQlTester tester;

    GraphQlClient(Environment environment) {
        this(environment, basic(TestUsers.ADMIN));
    }

    private GraphQlClient(Environment environment, String authorization) {
        this.environment = environment;
        this.authorization = authorization;
    }

    /** The same client signed in as a built-in user of the test profile ({@link TestUsers}). */
    public GraphQlClient as(String user) {
        return new GraphQlClient(this.environment, basic(user));
    }

    /** The same client sending a bearer token. */
    public GraphQlClient withToken(String token) {
        return new GraphQlClient(this.environment, "Bearer " + token);
    }

    /** The same client without credentials. */
    public GraphQlClient anonymous() {
        return new GraphQlClient(this.environment, null);
    }

    /** The {@code Authorization} header of a test user signing in with HTTP Basic. */
    public static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder()
            .encodeToString((user + ":" + TestUsers.password(user)).getBytes(StandardCharsets.UTF_8));
    }

    /** The tester for the application's {@code /graphql} endpoint. */
    public HttpGraphQlTester tester() {
        if (this.tester == null) {
            this.tester = HttpGraphQlTester.create(webClient().mutate().baseUrl(baseUrl() + "/graphql").build());
        }
        return this.tester;
    }

    /** The document {@code document} (its text) sent with {@code variables}, and its answer. */
    public GraphQlTester.Response execute(String document, Map<String, ?> variables) {
        return withVariables(tester().document(document), variables).execute();
    }

    /** The document named {@code name} (in {@code src/test/resources/graphql-test/}) sent with {@code variables}, and its answer. */
    public GraphQlTester.Response executeNamed(String name, Map<String, ?> variables) {
        return withVariables(tester().documentName(name), variables).execute();
    }

    private static GraphQlTester.Request<?> withVariables(GraphQlTester.Request<?> request, Map<String, ?> variables) {
        variables.forEach(request::variable);
        return request;
    }

    /** A plain HTTP client for the application, for endpoints other than GraphQL and raw requests. */
    public WebTestClient webClient() {
        WebTestClient.Builder builder = WebTestClient.bindToServer(new JdkClientHttpConnector(HttpClient.newHttpClient()))
            .baseUrl(baseUrl())
            .responseTimeout(java.time.Duration.ofSeconds(60));
        if (this.authorization != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, this.authorization);
        }
        return builder.build();
    }

    /** Sends a document (the text itself) and returns the body of the 200 response as it came over the wire. */
    public String send(String document) {
        return webClient().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("query", document)).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
            .getResponseBody();
    }

    /**
     * Sends an operation of a document from {@code graphql-test/} and returns the response body as it
     * came over the wire, for tests that check the whole JSON (what an error does not say, too).
     */
    public String rawResponse(String documentName, String operationName, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document(documentName));
        body.put("operationName", operationName);
        body.put("variables", variables);
        return webClient().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
            .bodyValue(body).exchange().expectBody(String.class).returnResult().getResponseBody();
    }

    private static String document(String name) {
        try {
            return new ClassPathResource("graphql-test/" + name + ".graphql").getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + this.environment.getRequiredProperty("local.server.port");
    }

}
