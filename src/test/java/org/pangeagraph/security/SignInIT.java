package org.pangeagraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.pangeagraph.support.TestTokens;
import org.pangeagraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Who gets in, and with which role: over real HTTP, with passwords and with tokens. */
@IntegrationTest
class SignInIT {

    private static final Map<String, Object> QUERY = Map.of("query", "{ websites { totalCount } }");

    @Autowired
    GraphQlClient client;

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlSource graphQl;

    @BeforeEach
    void loadFixture() {
        this.graph.startWith("need-to-know");
    }

    @Test
    void withoutCredentialsTheApiAnswers401WithAGraphQlErrorAndBothWaysToSignIn() {
        post(this.client.anonymous(), QUERY).expectStatus().isUnauthorized()
            .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Pangea Graph\".*")
            .expectHeader().values(HttpHeaders.WWW_AUTHENTICATE, values -> assertThat(values).anyMatch(v -> v.startsWith("Bearer")))
            .expectBody()
            .jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED")
            .jsonPath("$.data").doesNotExist();
    }

    @Test
    void aPageScriptRefusedGetsNoBasicChallengeThatWouldOpenTheBrowsersDialog() {
        this.client.anonymous().webClient().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
            .header("X-Requested-With", "XMLHttpRequest").header(HttpHeaders.AUTHORIZATION, "Basic d3Jvbmc6d3Jvbmc=")
            .bodyValue(QUERY).exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().values(HttpHeaders.WWW_AUTHENTICATE, values -> assertThat(values).noneMatch(v -> v.startsWith("Basic"))
                .anyMatch(v -> v.startsWith("Bearer")))
            .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void withoutCredentialsAnExportAnswers401WithTheRestErrorBody() {
        this.client.anonymous().webClient().get().uri("/export/network.cyjs?ids=pub-w1").exchange()
            .expectStatus().isUnauthorized()
            .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void theHealthCheckNeedsNoCredentials() {
        this.client.anonymous().webClient().get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void theHealthCheckTellsStrangersAndReadersTheStatusOnlyAndAdministratorsTheDetails() {
        for (GraphQlClient who : List.of(this.client.anonymous(), this.client.as(TestUsers.VIEWER),
                this.client.as(TestUsers.INVESTIGATOR_A))) {
            String body = who.webClient().get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody();
            assertThat(JsonPath.<Map<String, Object>>read(body, "$")).as(body).containsEntry("status", "UP")
                .doesNotContainKeys("components", "details");
            assertThat(body).doesNotContain("neo4j").doesNotContain("5.26").doesNotContain("127.0.0.1").doesNotContain("path")
                .doesNotContain("free");
        }
        String details = this.client.webClient().get().uri("/actuator/health").exchange().expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat((String) JsonPath.read(details, "$.components.neo4j.details.server")).startsWith("5.26");
        assertThat(JsonPath.<Map<String, Object>>read(details, "$.components.diskSpace.details")).containsKeys("free", "path");
    }

    @Test
    void aWrongPasswordIsRefused() {
        WebTestClient wrong = this.client.anonymous().webClient().mutate()
            .defaultHeaders(h -> h.setBasicAuth(TestUsers.ADMIN, "not-the-password")).build();
        wrong.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(QUERY).exchange()
            .expectStatus().isUnauthorized()
            .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String forged = TestTokens.forgedToken("mallory", Map.of("roles", List.of("ADMIN")));

        post(this.client.withToken(forged), QUERY).expectStatus().isUnauthorized()
            .expectHeader().values(HttpHeaders.WWW_AUTHENTICATE,
                    values -> assertThat(values).anyMatch(v -> v.contains("error=\"invalid_token\"")));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = TestTokens.token("admin", Map.of("roles", List.of("ADMIN")), Instant.now().minusSeconds(600));

        post(this.client.withToken(expired), QUERY).expectStatus().isUnauthorized();
    }

    @Test
    void aTokenWithoutARoleOfTheApplicationIsForbidden() {
        String noRole = TestTokens.token("someone", Map.of("roles", List.of("offline_access", "uma_authorization")));

        post(this.client.withToken(noRole), QUERY).expectStatus().isForbidden()
            .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("FORBIDDEN");
        this.client.withToken(noRole).webClient().get().uri("/export/network.cyjs?ids=pub-w1").exchange()
            .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    @Test
    void aTokenNamesTheUserAndCarriesRolesAndCasesInAnyCase() {
        String token = TestTokens.token("subject-7", Map.of("preferred_username", "inspector.morse", "roles", "viewer investigator",
                "cases", List.of(" case-b ")));

        post(this.client.withToken(token), Map.of("query", "{ websites(first: 100) { edges { node { id } } } }"))
            .expectStatus().isOk()
            .expectBody().jsonPath("$.data.websites.edges[*].node.id").value(ids -> assertThat(String.valueOf(ids)).contains("bravo-w")
                .doesNotContain("alfa-w"));
        // Written by an investigator of case B: the link records the token's user name.
        post(this.client.withToken(token), Map.of("query", """
                mutation { link(input: {type: HOSTED_AT, from: {id: "pub-w4"}, to: {id: "pub-ip"}, cases: ["CASE-B"]}) {
                  link { recordedBy cases } } }""")).expectStatus().isOk()
            .expectBody().jsonPath("$.data.link.link.recordedBy").isEqualTo("inspector.morse")
            .jsonPath("$.data.link.link.cases[0]").isEqualTo("CASE-B");
    }

    @Test
    void aViewerIsRefusedEveryMutationOfTheSchemaAndNothingIsWritten() {
        String before = this.graph.snapshot();
        List<GraphQLFieldDefinition> mutations = this.graphQl.schema().getMutationType().getFieldDefinitions();
        assertThat(mutations).hasSizeGreaterThan(20);

        for (GraphQLFieldDefinition mutation : mutations) {
            String arguments = mutation.getArguments().stream().filter(a -> GraphQLTypeUtil.isNonNull(a.getType()))
                .map(a -> a.getName() + ": " + literal(a.getType())).collect(Collectors.joining(", "));
            String selection = GraphQLTypeUtil.unwrapAll(mutation.getType()) instanceof graphql.schema.GraphQLScalarType ? "" : " { __typename }";
            String document = "mutation { " + mutation.getName() + "(" + arguments + ")" + selection + " }";
            post(this.client.as(TestUsers.VIEWER), Map.of("query", document)).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.errors[0].extensions.code").value(code -> assertThat(code).as(document).isEqualTo("FORBIDDEN"))
                .jsonPath("$.errors.length()").isEqualTo(1);
        }

        assertThat(this.graph.snapshot()).isEqualTo(before);
    }

    /** A value of the type that graphql-java accepts, with only the required input fields. */
    private static String literal(GraphQLInputType type) {
        if (type instanceof GraphQLNonNull nonNull) {
            return literal((GraphQLInputType) nonNull.getWrappedType());
        }
        if (type instanceof GraphQLList list) {
            return "[" + literal((GraphQLInputType) list.getWrappedType()) + "]";
        }
        if (type instanceof GraphQLInputObjectType object) {
            return object.getFieldDefinitions().stream().filter(f -> GraphQLTypeUtil.isNonNull(f.getType()))
                .map(f -> f.getName() + ": " + literal(f.getType())).collect(Collectors.joining(", ", "{", "}"));
        }
        if (type instanceof GraphQLEnumType enumType) {
            return enumType.getValues().get(0).getName();
        }
        return switch (((GraphQLScalarType) type).getName()) {
            case "Int", "NonNegativeInt", "Long" -> "1";
            case "Float" -> "1.0";
            case "Boolean" -> "true";
            case "Date" -> "\"2009-11-16\"";
            case "CountryCode" -> "\"GB\"";
            default -> "\"viewer-was-here\"";
        };
    }

    private static WebTestClient.ResponseSpec post(GraphQlClient client, Map<String, Object> body) {
        return client.webClient().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

}
