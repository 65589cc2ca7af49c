package org.pangeagraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

/**
 * Queries and mutations sent over the WebSocket are refused, so that none escapes the limits of POST (the
 * per-user rate of requests among them); subscriptions run there as before (AlertsIT, ReplayIT).
 */
@IntegrationTest
class SocketOperationsIT {

    @Value("${local.server.port}")
    int port;

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @BeforeEach
    void emptyGraph() {
        this.graph.reset();
    }

    @Test
    void aQueryOrAMutationOverTheSocketIsRefusedAndWritesNothing() {
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(URI.create("ws://localhost:" + this.port + "/graphql-ws"),
                new StandardWebSocketClient()).header("Authorization", GraphQlClient.basic(TestUsers.ADMIN)).build();
        try {
            ClientGraphQlResponse query = client.document("{ websites(first: 1) { totalCount } }").execute().block(Duration.ofSeconds(30));
            assertThat(query.getErrors()).singleElement().satisfies(error -> {
                assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN");
                assertThat(error.getMessage()).isEqualTo("Over the WebSocket only subscriptions run; send this query over POST to /graphql");
            });
            ClientGraphQlResponse mutation = client.document("mutation { upsertWebsite(input: {domain: \"socket.example\"}) { created } }")
                .execute().block(Duration.ofSeconds(30));
            assertThat(mutation.getErrors()).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "FORBIDDEN"));
            assertThat(this.graph.count("MATCH (w:Website {domain: 'socket.example'}) RETURN count(w)")).isZero();
            // Each refusal is in the audit trail with the user who sent it.
            String trail = this.client.send("{ auditLog(user: \"" + TestUsers.ADMIN + "\", first: 2) { edges { node {"
                    + " type outcome errors } } } }");
            assertThat(JsonPath.<List<Map<String, Object>>>read(trail, "$.data.auditLog.edges[*].node")).as(trail).containsExactly(
                    Map.of("type", "MUTATION", "outcome", "DENIED", "errors", List.of("FORBIDDEN")),
                    Map.of("type", "QUERY", "outcome", "DENIED", "errors", List.of("FORBIDDEN")));
        }
        finally {
            client.stop().block(Duration.ofSeconds(10));
        }
    }

}
