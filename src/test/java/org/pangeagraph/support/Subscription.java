package org.pangeagraph.support;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A subscription held open by a real client over the network, as an investigator's tool would hold it:
 * Spring's graphql-ws client over a WebSocket, or the JDK HTTP client reading server-sent events. Each
 * event's {@code data} (the subscription's field) is queued as JSON for the test to take.
 */
public abstract class Subscription implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The events' payloads as JSON, or an {@code {"errors": ...}} text for an error. */
    protected final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    /** The next payload, or a failure when none comes within {@code timeout}. */
    public String next(Duration timeout) throws InterruptedException {
        String event = this.received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            throw new AssertionError("No event within " + timeout);
        }
        return event;
    }

    /** Whether nothing arrives within {@code wait}; for checks that follow a later event that must arrive. */
    public String poll(Duration wait) throws InterruptedException {
        return this.received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** graphql-ws over a WebSocket to {@code /graphql-ws}, signed in with {@code authorization}. */
    public static Subscription webSocket(int port, String authorization, String document, Map<String, Object> variables) {
        WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(URI.create("ws://localhost:" + port + "/graphql-ws"),
                new StandardWebSocketClient()).header("Authorization", authorization).build();
        return new Subscription() {

            private final Disposable subscription = client.document(document).variables(variables).executeSubscription()
                .subscribe(response -> this.received.add(response.isValid() ? JSON.writeValueAsString(only(response.getData()))
                        : JSON.writeValueAsString(Map.of("errors", response.getErrors().toString()))),
                        error -> this.received.add(JSON.writeValueAsString(Map.of("errors", error.toString()))));

            @Override
            public void close() {
                this.subscription.dispose();
                client.stop().block(Duration.ofSeconds(10));
            }

        };
    }

    /** Server-sent events from {@code POST /graphql} with {@code Accept: text/event-stream}. */
    public static Subscription serverSentEvents(int port, String authorization, String document, Map<String, Object> variables) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
            .header("Authorization", authorization).header("Content-Type", "application/json").header("Accept", "text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", document, "variables", variables))))
            .build();
        Subscription subscriber = new Subscription() {

            private volatile InputStream body;

            private volatile Thread reader;

            {
                this.reader = new Thread(() -> {
                    try {
                        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                        this.body = response.body();
                        if (response.statusCode() != 200) {
                            this.received.add(JSON.writeValueAsString(Map.of("errors", "status " + response.statusCode())));
                            return;
                        }
                        BufferedReader lines = new BufferedReader(new InputStreamReader(this.body, StandardCharsets.UTF_8));
                        String line;
                        while ((line = lines.readLine()) != null) {
                            if (line.startsWith("data:")) {
                                Map<String, Object> payload = JsonPath.read(line.substring("data:".length()).strip(), "$");
                                this.received.add(payload.get("data") instanceof Map<?, ?> data ? JSON.writeValueAsString(only(data))
                                        : JSON.writeValueAsString(payload));
                            }
                        }
                    }
                    catch (Exception ex) {
                        // Closed by the test.
                    }
                }, "sse-subscriber");
                this.reader.setDaemon(true);
                this.reader.start();
            }

            @Override
            public void close() throws Exception {
                InputStream stream = this.body;
                if (stream != null) {
                    stream.close();
                }
                this.reader.interrupt();
            }

        };
        return subscriber;
    }

    /** The one field of a subscription's data. */
    private static Object only(Object data) {
        return data instanceof Map<?, ?> map && map.size() == 1 ? map.values().iterator().next() : data;
    }

}
