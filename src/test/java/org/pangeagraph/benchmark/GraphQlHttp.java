package org.pangeagraph.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pangeagraph.benchmark.Load.RequestFailed;
import tools.jackson.databind.json.JsonMapper;

/** A GraphQL client over HTTP/1.1 with keep-alive, as a browser or a script would call the API. */
final class GraphQlHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();

    private final URI endpoint;

    /**
     * The local profile's demo administrator (docs/security.md), who sees every fact as the benchmark's
     * raw Cypher does. The Neo4j GraphQL Library's server ignores the header.
     */
    static final String DEMO_ADMIN = "Basic " + java.util.Base64.getEncoder()
        .encodeToString("admin:admin-demo".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    GraphQlHttp(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** The response's {@code data}; a GraphQL error fails with its code, an HTTP error with its status. */
    @SuppressWarnings("unchecked")
    Map<String, Object> data(String document, Map<String, Object> variables) throws RequestFailed {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        HttpRequest request = HttpRequest.newBuilder(this.endpoint).timeout(Duration.ofSeconds(120))
            .header("Content-Type", "application/json").header("Accept", "application/json").header("Authorization", DEMO_ADMIN)
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> response;
        try {
            response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new RequestFailed("IO:" + ex.getClass().getSimpleName());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new RequestFailed("INTERRUPTED");
        }
        if (response.statusCode() != 200) {
            throw new RequestFailed("HTTP_" + response.statusCode());
        }
        Map<String, Object> json = JSON.readValue(response.body(), Map.class);
        List<Map<String, Object>> errors = (List<Map<String, Object>>) json.get("errors");
        if (errors != null && !errors.isEmpty()) {
            Map<String, Object> extensions = (Map<String, Object>) errors.get(0).get("extensions");
            Object code = extensions == null ? null : extensions.get("code");
            if (code == null && extensions != null) {
                code = extensions.get("classification");
            }
            throw new RequestFailed(String.valueOf(code));
        }
        return (Map<String, Object>) json.get("data");
    }

    /** Whether the endpoint answers at all (any HTTP status), for waiting until a server is up. */
    boolean answers(URI uri) {
        try {
            HttpResponse<Void> response = this.client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        }
        catch (IOException ex) {
            return false;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
