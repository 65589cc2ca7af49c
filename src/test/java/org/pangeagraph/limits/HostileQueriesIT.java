package org.pangeagraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.jayway.jsonpath.JsonPath;
import graphql.introspection.IntrospectionQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.RawGraphQl;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The classic attacks on a GraphQL endpoint, over real HTTP, each refused with its code before it
 * reaches the database, and what a legitimate client sends still answered.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileQueriesIT {

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @BeforeEach
    void oneOfEachKind() {
        this.graph.startWith("one-of-each");
    }

    @Test
    void aliasOverloadingIsRefused() {
        String document = "{ " + IntStream.range(0, 101).mapToObj(i -> "a" + i + ": website(domain: \"pharma-direct.example\") { name }")
            .collect(Collectors.joining(" ")) + " }";

        assertRefusedBeforeTheDatabase(document, "aliases");
    }

    @Test
    void tooManyFieldsAreRefused() {
        assertRefusedBeforeTheDatabase("{ website(domain: \"pharma-direct.example\") { " + "name ".repeat(2_500) + "} }", "fields",
                "duplicate-fields");
    }

    @Test
    void fieldDuplicationIsRefusedBeyondTheLimitAndAnsweredUpToIt() {
        assertRefusedBeforeTheDatabase("{ " + "__typename ".repeat(500) + "}", "duplicate-fields");
        assertRefusedBeforeTheDatabase("{ website(domain: \"pharma-direct.example\") { name " + "... on Website { name } ".repeat(20)
                + "} }", "duplicate-fields");

        String body = RawGraphQl.query(this.client, "{ " + "__typename ".repeat(21) + "}");
        assertThat(errors(body)).singleElement().satisfies(error -> assertThat(error).extractingByKey("message").asString()
            .isEqualTo("The number of times one selection asks for '__typename' is 21; the most allowed is 20"
                    + " (pangea.limits.duplicate-fields)"));

        String answered = RawGraphQl.query(this.client, "{ website(domain: \"pharma-direct.example\") { "
                + "name ".repeat(20) + "} }");
        assertThat(RawGraphQl.errorCodes(answered)).isEmpty();
        assertThat((String) JsonPath.read(answered, "$.data.website.name")).isEqualTo("Pharma Direct");
    }

    @Test
    void directiveOverloadingIsRefusedWhetherTheDirectivesExistOrNot() {
        assertRefusedBeforeTheDatabase("{ website(domain: \"pharma-direct.example\") { name " + "@include(if: true) ".repeat(100) + "} }",
                "directives");
        assertRefusedBeforeTheDatabase("{ __typename " + "@aa ".repeat(100) + "}", "directives");
    }

    @Test
    void deepNestingThroughRelationshipFieldsIsRefused() {
        String deep = "{ website(domain: \"pharma-direct.example\") { ipAddresses { node { websites { node { ipAddresses { node { "
                + "websites { node { ipAddresses { node { address } } } } } } } } } } } }";

        assertRefusedBeforeTheDatabase(deep, "depth");
    }

    @Test
    void circularIntrospectionIsRefused() {
        String ofTypes = "{ __type(name: \"Website\") { fields { type { " + "ofType { ".repeat(20) + "name" + " }".repeat(20)
                + " } } } }";
        assertRefusedBeforeTheDatabase(ofTypes, "introspection-depth");

        String fieldsOfFields = "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }";
        List<Map<String, Object>> errors = errors(RawGraphQl.query(this.client, fieldsOfFields));
        assertThat(errors).isNotEmpty().allSatisfy(error -> assertThat(error).extractingByKey("extensions")
            .isEqualTo(Map.of("code", "LIMIT_EXCEEDED", "limit", "introspection", "classification", "BAD_REQUEST")));
        assertThat(dataOf(RawGraphQl.query(this.client, fieldsOfFields))).isNull();
    }

    @Test
    void theIntrospectionQueryOfSchemaToolsIsAnswered() {
        String body = RawGraphQl.query(this.client, IntrospectionQuery.INTROSPECTION_QUERY);

        assertThat(RawGraphQl.errorCodes(body)).isEmpty();
        assertThat(JsonPath.<List<String>>read(body, "$.data.__schema.types[*].name")).contains("Website", "CriminalNetwork");
    }

    @Test
    void aQueryCostingMoreThanTheLimitIsRefusedWithItsVariablesCounted() {
        String document = "query networks($first: Int) { criminalNetworks(first: $first) { edges { node { subgraph { nodes { id } } } } } }";

        List<Map<String, Object>> refused = errors(RawGraphQl.query(this.client, document, Map.of("first", 100)));
        assertThat(refused).singleElement().satisfies(error -> {
            assertThat(error).extractingByKey("extensions").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("code", "LIMIT_EXCEEDED").containsEntry("limit", "complexity");
            assertThat(error).extractingByKey("message").asString().startsWith("The cost of the query is 2350; the most allowed is 1000");
        });

        assertThat(RawGraphQl.errorCodes(RawGraphQl.query(this.client, document, Map.of("first", 10)))).isEmpty();
        // Sent as null, first is its default (20), as when left out; not the largest page.
        assertThat(RawGraphQl.errorCodes(RawGraphQl.query(this.client,
                "{ criminalNetworks(first: null) { edges { node { subgraph { nodes { id } } } } } }"))).isEmpty();
    }

    @Test
    void aDocumentOfTooManyTokensIsNotParsed() {
        assertRefusedBeforeTheDatabase("{ website(domain: \"pharma-direct.example\") { " + "name ".repeat(15_001) + "} }", "tokens");
    }

    @Test
    void aBatchOfOperationsIsRefused() {
        String batch = "[{\"query\": \"{ website(domain: \\\"pharma-direct.example\\\") { name } }\"},"
                + " {\"query\": \"mutation { deleteEntity(id: \\\"person-a\\\") { id } }\"}]";
        String before = this.graph.snapshot();

        String body = this.client.webClient().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(batch)
            .exchange().expectStatus().isEqualTo(HttpStatus.BAD_REQUEST).expectBody(String.class).returnResult().getResponseBody();

        assertNoInternals(body);
        assertThat(this.graph.snapshot()).isEqualTo(before);
    }

    @Test
    void noOperationRunsOverGet() {
        String before = this.graph.snapshot();

        this.client.webClient().get().uri(uri -> uri.path("/graphql").queryParam("query", "{query}")
            .build("mutation { deleteEntity(id: \"person-a\") { id } }"))
            .exchange().expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED).expectHeader().valueEquals("Allow", "POST");
        this.client.webClient().get().uri(uri -> uri.path("/graphql").queryParam("query", "{query}")
            .build("{ website(domain: \"pharma-direct.example\") { name } }"))
            .exchange().expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);

        assertThat(this.graph.snapshot()).isEqualTo(before);
    }

    @Test
    void aCrossSiteFormPostIsRefused() {
        String before = this.graph.snapshot();

        this.client.webClient().post().uri("/graphql").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData("query", "mutation { deleteEntity(id: \"person-a\") { id } }"))
            .exchange().expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        this.client.webClient().post().uri("/graphql").contentType(MediaType.TEXT_PLAIN)
            .bodyValue("{\"query\": \"mutation { deleteEntity(id: \\\"person-a\\\") { id } }\"}")
            .exchange().expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        this.client.webClient().post().uri("/graphql").contentType(MediaType.MULTIPART_FORM_DATA)
            .body(BodyInserters.fromMultipartData("query", "mutation { deleteEntity(id: \"person-a\") { id } }"))
            .exchange().expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

        assertThat(this.graph.snapshot()).isEqualTo(before);
    }

    @Test
    @Order(TestGraph.WRITES)
    void anInternalErrorSaysNothingButItsReference() {
        this.graph.write("MATCH (w:Website {domain: 'pharma-direct.example'}) SET w.firstSeen = 'last spring', w.lastSeen = 'yesterday'",
                Map.of());

        String body = RawGraphQl.query(this.client, "{ website(domain: \"pharma-direct.example\") { name firstSeen lastSeen } }");

        List<Map<String, Object>> errors = errors(body);
        assertThat(errors).hasSize(2).allSatisfy(error -> {
            assertThat(error).extractingByKey("extensions").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("code", "INTERNAL");
            assertThat(error).extractingByKey("message").asString()
                .matches("Internal error; quote reference [0-9a-f-]{36} to the administrator");
        });
        assertThat((String) JsonPath.read(body, "$.data.website.name")).isEqualTo("Pharma Direct");
        assertNoInternals(body);
    }

    /** Refused with LIMIT_EXCEEDED for each of these limits and no other, before anything ran. */
    private void assertRefusedBeforeTheDatabase(String document, String... limits) {
        long statements = this.graph.statementsRun();

        String body = RawGraphQl.query(this.client, document);

        assertThat(errors(body)).as(body).isNotEmpty().allSatisfy(error -> assertThat(error).extractingByKey("extensions")
            .isIn(List.of(limits).stream().map(limit -> Map.of("code", "LIMIT_EXCEEDED", "limit", limit, "classification", "BAD_REQUEST"))
                .toList()));
        assertThat(JsonPath.<List<String>>read(body, "$.errors[*].extensions.limit")).containsExactlyInAnyOrder(limits);
        assertThat(dataOf(body)).isNull();
        assertThat(this.graph.statementsRun()).isEqualTo(statements);
        assertNoInternals(body);
    }

    /** The answer's data; absent when nothing ran. */
    static Object dataOf(String body) {
        return JsonPath.<Map<String, Object>>read(body, "$").get("data");
    }

    private static List<Map<String, Object>> errors(String body) {
        return JsonPath.read(body, "$.errors");
    }

    /** No stack trace, Java class, Cypher or exception name in what the client gets. */
    static void assertNoInternals(String body) {
        assertThat(body).doesNotContainIgnoringCase("exception").doesNotContain("java.").doesNotContain("org.")
            .doesNotContain("\tat ").doesNotContain("MATCH").doesNotContain("OffsetDateTime").doesNotContain("LocalDate");
    }

}
