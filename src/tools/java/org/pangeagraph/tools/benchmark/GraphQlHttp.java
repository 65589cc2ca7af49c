package org.pangeagraph.tools.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pangeagraph.tools.benchmark.Load.RequestFailed;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GraphQL client over HTTP/1.1 with keep-alive, as a script would call the API: the JDK's blocking
 * {@link HttpURLConnection}, which sends and reads on the calling thread. The JDK's newer
 * {@code java.net.http.HttpClient} hands every exchange to a selector thread and back, which cost
 * about 0.5 ms a request on this machine's two cores (30 November): the client's cost, not the API's.
 */
final class GraphQlHttp {

    static {
        // Idle connections kept per server; the JDK keeps 5 unless told, fewer than the 8 load threads.
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "64");
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private static final int READ_TIMEOUT_MILLIS = 120_000;

    private final URL endpoint;

    /**
     * The local profile's demo administrator (docs/security.md), who sees every fact as the benchmark's
     * raw Cypher does. The Neo4j GraphQL Library's server ignores the header.
     */
    static final String DEMO_ADMIN = "Basic " + java.util.Base64.getEncoder()
        .encodeToString("admin:admin-demo".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    GraphQlHttp(URI endpoint) {
        this.endpoint = url(endpoint);
    }

    /** The response's {@code data}; a GraphQL error fails with its code, an HTTP error with its status. */
    @SuppressWarnings("unchecked")
    Map<String, Object> data(String document, Map<String, Object> variables) throws RequestFailed {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        byte[] answer;
        try {
            HttpURLConnection connection = open(this.endpoint);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.setRequestProperty("Accept", "application/json");
            connection.setRequestProperty("Authorization", DEMO_ADMIN);
            // Not streamed: the connection sends its headers and the body in one write. Streamed, the body
            // followed in a second small write, which cost about 1.6 ms a request here (30 November).
            try (OutputStream out = connection.getOutputStream()) {
                out.write(JSON.writeValueAsBytes(body));
            }
            int status = connection.getResponseCode();
            if (status != 200) {
                drain(connection.getErrorStream());
                throw new RequestFailed("HTTP_" + status);
            }
            try (InputStream in = connection.getInputStream()) {
                answer = in.readAllBytes();
            }
        }
        catch (IOException ex) {
            throw new RequestFailed("IO:" + ex.getClass().getSimpleName());
        }
        Map<String, Object> json = JSON.readValue(answer, Map.class);
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
            HttpURLConnection connection = open(url(uri));
            connection.setConnectTimeout(2_000);
            connection.setReadTimeout(2_000);
            int status = connection.getResponseCode();
            drain(status == 200 ? connection.getInputStream() : connection.getErrorStream());
            return status == 200;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static HttpURLConnection open(URL url) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        connection.setReadTimeout(READ_TIMEOUT_MILLIS);
        connection.setUseCaches(false);
        return connection;
    }

    /** Reads what is left of an answer, so that its connection goes back to be used again. */
    private static void drain(InputStream in) throws IOException {
        if (in != null) {
            try (in) {
                in.readAllBytes();
            }
        }
    }

    private static URL url(URI uri) {
        try {
            return uri.toURL();
        }
        catch (java.net.MalformedURLException ex) {
            throw new IllegalArgumentException(uri.toString(), ex);
        }
    }

}
