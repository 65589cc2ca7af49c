package org.pangeagraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The optional (MAY) rules of the GraphQL-over-HTTP specification the API keeps, as the public audit
 * suite of graphql-http words and sends them (its audit ids in the names): a request with no body, no
 * string {@code query}, or an {@code operationName}, {@code variables} or {@code extensions} of the
 * wrong kind is answered with HTTP 400; a body that is not JSON with a 4xx; a mutation over GET is
 * refused. The suite's rules for GET requests (accepting queries over GET, variables in the URL) are
 * the ones the API keeps apart on purpose: operations run over POST only.
 */
@IntegrationTest
class GraphQlOverHttpIT {

    private static final String JSON = "application/json";

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    @Autowired
    GraphQlClient client;

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                Arguments.of("A5BF no body", null, null),
                Arguments.of("423L no query", "{\"notquery\":\"{ __typename }\"}", GRAPHQL_RESPONSE),
                Arguments.of("LKJ0 object query", "{\"query\":{\"obj\":\"ect\"}}", null),
                Arguments.of("LKJ1 number query", "{\"query\":0}", null),
                Arguments.of("LKJ2 boolean query", "{\"query\":false}", null),
                Arguments.of("LKJ3 array query", "{\"query\":[\"array\"]}", null),
                Arguments.of("6C00 object operationName", "{\"operationName\":{\"obj\":\"ect\"},\"query\":\"{ __typename }\"}", null),
                Arguments.of("6C01 number operationName", "{\"operationName\":0,\"query\":\"{ __typename }\"}", null),
                Arguments.of("6C02 boolean operationName", "{\"operationName\":false,\"query\":\"{ __typename }\"}", null),
                Arguments.of("6C03 array operationName", "{\"operationName\":[\"array\"],\"query\":\"{ __typename }\"}", null),
                Arguments.of("4760 string variables", "{\"query\":\"{ __typename }\",\"variables\":\"string\"}", null),
                Arguments.of("4761 number variables", "{\"query\":\"{ __typename }\",\"variables\":0}", null),
                Arguments.of("4762 boolean variables", "{\"query\":\"{ __typename }\",\"variables\":false}", null),
                Arguments.of("4763 array variables", "{\"query\":\"{ __typename }\",\"variables\":[\"array\"]}", null),
                Arguments.of("58B0 string extensions", "{\"query\":\"{ __typename }\",\"extensions\":\"string\"}", null),
                Arguments.of("58B1 number extensions", "{\"query\":\"{ __typename }\",\"extensions\":0}", null),
                Arguments.of("58B2 boolean extensions", "{\"query\":\"{ __typename }\",\"extensions\":false}", null),
                Arguments.of("58B3 array extensions", "{\"query\":\"{ __typename }\",\"extensions\":[\"array\"]}", null),
                Arguments.of("3E3A and 8764 misspelt query", "{\"qeury\":\"{ __typename }\"}", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void anInvalidRequestIsAnswered400(String audit, String body, String accept) {
        WebTestClient.RequestBodySpec request = this.client.webClient().post().uri("/graphql")
            .header(HttpHeaders.CONTENT_TYPE, JSON);
        if (accept != null) {
            request.header(HttpHeaders.ACCEPT, accept);
        }
        (body == null ? request : request.bodyValue(body)).exchange().expectStatus().isBadRequest();
    }

    /** B6DC allows any of 2xx, 4xx and 5xx; the stricter SHOULD of the same suite (BCF8, B7N8) asks for 400. */
    @ParameterizedTest(name = "B6DC, BCF8, B7N8 body not JSON, accepting {0}")
    @MethodSource("acceptedTypes")
    void aBodyThatIsNotJsonIsAnswered400(String accept) {
        this.client.webClient().post().uri("/graphql").header(HttpHeaders.CONTENT_TYPE, JSON).header(HttpHeaders.ACCEPT, accept)
            .bodyValue("{ \"not a JSON").exchange().expectStatus().isBadRequest();
    }

    static Stream<String> acceptedTypes() {
        return Stream.of(JSON, GRAPHQL_RESPONSE);
    }

    @ParameterizedTest(name = "9C48 no mutation over GET, accepting {0}")
    @MethodSource("acceptedTypes")
    void aMutationOverGetIsRefusedWithA4xx(String accept) {
        this.client.webClient().get().uri(uri -> uri.path("/graphql").queryParam("query", "{query}").build("mutation { __typename }"))
            .header(HttpHeaders.ACCEPT, accept).exchange().expectStatus().value(status -> assertThat(status).isBetween(400, 499));
    }

}
