package org.pangeagraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Requests that are not one GraphQL request, over real HTTP: each is answered with HTTP 400, a code,
 * and a message that names what is wrong (and the member at fault), never a 500 or a message about
 * something else; and graphql-java's validation messages say the values a client sent, not the Java
 * objects graphql-java holds them in.
 */
@IntegrationTest
class MalformedRequestsIT {

    @Autowired
    GraphQlClient client;

    @Test
    void aRequestWithoutAQueryIsRefusedNamingTheQuery() {
        assertRefused("{}", "query", "The request has no \"query\"");
        assertRefused("{\"query\": null}", "query", "The request has no \"query\"");
        assertRefused("{\"qeury\": \"{ __typename }\"}", "query", "The request has no \"query\"");
    }

    @Test
    void aQueryThatIsNoStringIsRefusedSayingWhatItIs() {
        assertRefused("{\"query\": 5}", "query", "\"query\" is a number; it must be a string");
        assertRefused("{\"query\": true}", "query", "\"query\" is a boolean; it must be a string");
        assertRefused("{\"query\": {\"obj\": \"ect\"}}", "query", "\"query\" is an object; it must be a string");
        assertRefused("{\"query\": [\"{ __typename }\"]}", "query", "\"query\" is a list; it must be a string");
    }

    @Test
    void anOperationNameThatIsNoStringIsRefused() {
        for (String name : List.of("5", "false", "{\"obj\": \"ect\"}", "[\"array\"]")) {
            assertRefused("{\"query\": \"{ __typename }\", \"operationName\": " + name + "}", "operationName",
                    "\"operationName\" is ");
        }
    }

    @Test
    void variablesAndExtensionsThatAreNoObjectsAreRefused() {
        for (String member : List.of("variables", "extensions")) {
            for (String value : List.of("\"abc\"", "0", "false", "[\"array\"]")) {
                assertRefused("{\"query\": \"{ __typename }\", \"" + member + "\": " + value + "}", member,
                        "\"" + member + "\" is ");
            }
        }
    }

    @Test
    void aBodyThatIsNotOneJsonObjectIsRefusedSayingWhy() {
        assertRefused("{ \"not a JSON", null, "The request body is not valid JSON at line 1");
        assertRefused("{\"query\": \"{ __typename }\"", null, "The request body is not valid JSON");
        assertRefused("{\"query\": \"{ __typename }\"} {\"query\": \"{ __typename }\"}", null, "The request body is not valid JSON");
        assertRefused("{\"query\": \"{ __typename }\", \"query\": \"{ __schema { types { name } } }\"}", null,
                "The request body names the same member twice");
        assertRefused("", null, "The request body is empty");
        assertRefused("\"{ __typename }\"", null, "The request body is a string in JSON, not an object");
        assertRefused("[{\"query\": \"{ __typename }\"}]", null, "The request body is a JSON array, a batch of GraphQL operations");
    }

    @Test
    void wellFormedRequestsOfEveryAllowedShapeAreAnswered() {
        for (String body : List.of("{\"query\": \"{ __typename }\"}",
                "{\"query\": \"{ __typename }\", \"operationName\": null, \"variables\": null, \"extensions\": null}",
                "{\"query\": \"query q($a: Boolean!) { __typename @include(if: $a) }\", \"operationName\": \"q\", \"variables\": {\"a\": true},"
                        + " \"extensions\": {\"some\": \"value\"}, \"other\": [1]}")) {
            String answer = post(body, MediaType.APPLICATION_JSON).expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody();
            assertThat((String) JsonPath.read(answer, "$.data.__typename")).as(body).isEqualTo("Query");
        }
        String answer = post("{ __typename }", MediaType.parseMediaType("application/graphql")).expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat((String) JsonPath.read(answer, "$.data.__typename")).isEqualTo("Query");
    }

    @Test
    void theErrorPageAskedForDirectlyIsABadRequest() {
        String body = this.client.webClient().get().uri("/error").exchange().expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
            .expectBody(String.class).returnResult().getResponseBody();

        assertThat((String) JsonPath.read(body, "$.code")).isEqualTo("INVALID_INPUT");
        assertThat((String) JsonPath.read(body, "$.message")).contains("/error shows the error of another request");
        String missing = this.client.webClient().get().uri("/no-such-page").exchange().expectStatus().isNotFound()
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat((String) JsonPath.read(missing, "$.code")).isEqualTo("NOT_FOUND");
        assertThat((String) JsonPath.read(missing, "$.message")).isEqualTo("There is nothing at /no-such-page");
    }

    @Test
    void validationMessagesSayTheValuesSentInPlainWords() {
        String wrongType = errorMessage("{ website(domain: 5) { name } }");
        assertThat(wrongType).contains("argument 'domain' with value '5' is not a valid 'String'")
            .contains("Expected a string, not an integer");

        String badEnum = errorMessage("{ websites(filter: {status: NOPE}) { totalCount } }");
        assertThat(badEnum).contains("with value 'NOPE' is not a valid 'WebsiteStatus'");

        String badObject = errorMessage("{ network(ids: [{a: 1}]) { truncated } }");
        assertThat(badObject).contains("with value '{a: 1}' is not a valid 'ID'");

        for (String message : List.of(wrongType, badEnum, badObject)) {
            assertThat(message).doesNotContainPattern("(Int|Enum|Object|String)Value").doesNotContain("{value=")
                .doesNotContain("{name=");
        }
    }

    private String errorMessage(String document) {
        String body = post("{\"query\": " + json(document) + "}", MediaType.APPLICATION_JSON).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(JsonPath.<List<String>>read(body, "$.errors[*].extensions.code")).containsExactly("INVALID_INPUT");
        return JsonPath.read(body, "$.errors[0].message");
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Refused with 400, code INVALID_INPUT, the member named (when one is at fault), a message starting so. */
    private void assertRefused(String body, String field, String messageStart) {
        String answer = post(body, MediaType.APPLICATION_JSON).expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
            .expectBody(String.class).returnResult().getResponseBody();

        Map<String, Object> extensions = JsonPath.read(answer, "$.errors[0].extensions");
        assertThat(extensions).as(body).containsEntry("code", "INVALID_INPUT");
        if (field == null) {
            assertThat(extensions).as(body).doesNotContainKey("field");
        }
        else {
            assertThat(extensions).as(body).containsEntry("field", field);
        }
        assertThat((String) JsonPath.read(answer, "$.errors[0].message")).as(body).startsWith(messageStart);
        assertThat(JsonPath.<Map<String, Object>>read(answer, "$")).as(body).doesNotContainKey("data");
        assertThat(answer).doesNotContainIgnoringCase("exception").doesNotContain("java.").doesNotContain("jackson");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String body, MediaType type) {
        return this.client.webClient().post().uri("/graphql").contentType(type).accept(MediaType.APPLICATION_JSON)
            .bodyValue(body).exchange();
    }

}
