package org.pangeagraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.pangeagraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * An argument sent as null that has a default answers as if it had been left out, written in the document
 * or as a variable nobody set, as frontends send them. Each of these answered INTERNAL before.
 */
@IntegrationTest
class ArgumentDefaultsIT {

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @BeforeEach
    void investigation() {
        this.graph.startWith("investigation");
    }

    @Test
    void anArgumentSentAsNullTakesItsDefault() {
        Map<String, String> leftOutAndNull = Map.of(
                "{ search(text: \"viktor\") { caption } }",
                "{ search(text: \"viktor\", first: null) { caption } }",
                "{ network(ids: [\"p-viktor\"]) { nodes { id } edges { id } } }",
                "{ network(ids: [\"p-viktor\"], depth: null, maxNodes: null) { nodes { id } edges { id } } }",
                "{ paths(from: \"p-viktor\", to: \"w-main\") { length } }",
                "{ paths(from: \"p-viktor\", to: \"w-main\", maxHops: null, mode: null) { length } }",
                "{ keyInfrastructure { rank item { id } networksServed } }",
                "{ keyInfrastructure(first: null, resolve: null) { rank item { id } networksServed } }",
                "{ criminalNetworks(minWebsites: 2) { totalCount edges { node { size subgraph { nodes { id } } } } } }",
                "{ criminalNetworks(minWebsites: null, first: null) { totalCount edges { node { size subgraph(maxNodes: null) { nodes { id } } } } } }",
                "{ sharedInfrastructure(domain: \"main.example\") { website { domain } score } }",
                "{ sharedInfrastructure(domain: \"main.example\", first: null) { website { domain } score } }");
        leftOutAndNull.forEach((leftOut, sentAsNull) -> {
            String expected = ask(leftOut, Map.of());
            assertThat(JsonPath.<Map<String, Object>>read(expected, "$")).as(leftOut).doesNotContainKey("errors");
            assertThat(ask(sentAsNull, Map.of())).as(sentAsNull).isEqualTo(expected);
        });
        Map<String, Object> unset = new HashMap<>();
        unset.put("n", null);
        assertThat(ask("query($n: Int) { search(text: \"viktor\", first: $n) { caption } }", unset))
            .isEqualTo(ask("{ search(text: \"viktor\") { caption } }", Map.of()))
            .contains("Viktor");
    }

    private String ask(String document, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        return this.client.as(TestUsers.INVESTIGATOR_A).webClient().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

}
