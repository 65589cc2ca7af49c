package org.pangeagraph.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.RawGraphQl;
import org.pangeagraph.support.TestGraph;
import org.pangeagraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A watch's webhook posts to a real HTTP server in the test, which checks each delivery's signature with
 * the watch's secret, fails the first tries to see them retried with growing pauses, and records the
 * order: the alerts arrive in the order they were raised, each until it was taken.
 */
@IntegrationTest
class WebhookIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final String SECRET = "case-system-shared-secret-1";

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    HttpServer receiver;

    /** Each request: the alert id header, the signature header, the body, when it came (nanos). */
    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    final AtomicInteger failuresLeft = new AtomicInteger();

    /** The threads that recorded an alert's delivery state. */
    final List<String> deliveryRecorders = new CopyOnWriteArrayList<>();

    /** Notes the thread of each statement that records a delivery's state. */
    private final GraphDb.TransactionObserver deliveryObserver = new GraphDb.TransactionObserver() {
        @Override
        public void opened(AccessMode mode) {
        }

        @Override
        public void ran(String cypher, Map<String, Object> parameters) {
            if (cypher.equals(AlertStore.DELIVERED)) {
                WebhookIT.this.deliveryRecorders.add(Thread.currentThread().getName());
            }
        }
    };

    record Delivery(String alert, String signature, byte[] body, long at) {
    }

    @BeforeEach
    void start() throws Exception {
        this.graph.reset();
        this.receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.receiver.createContext("/hooks/alerts", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            this.deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("X-Pangea-Alert"),
                    exchange.getRequestHeaders().getFirst("X-Pangea-Signature"), body, System.nanoTime()));
            int status = this.failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        this.receiver.start();
        this.graph.db().addObserver(this.deliveryObserver);
    }

    @AfterEach
    void stop() {
        this.graph.db().removeObserver(this.deliveryObserver);
        this.receiver.stop(0);
    }

    @Test
    void alertsArePostedSignedRetriedWithGrowingPausesAndInOrder() throws Exception {
        ok("""
                mutation {
                  source: upsertSource(input: {key: "test-purchase", title: "A test purchase"}) { created }
                  account: upsertPaymentAccount(input: {identifier: "MID-HOOKED-1", kind: CARD_MERCHANT}) { created }
                }
                """);
        String account = this.graph.read("MATCH (p:PaymentAccount) RETURN p.id AS id", Map.of()).get(0).get("id").asString();
        String url = "http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/hooks/alerts";
        String created = RawGraphQl.query(this.client.as(TestUsers.INVESTIGATOR_A), """
                mutation($input: WatchInput!) { createWatch(input: $input) { id webhookUrl } }
                """, Map.of("input", Map.of("name", "hooked", "template", "NEW_WEBSITE_ON_ITEM", "targets", List.of(account),
                "webhook", Map.of("url", url, "secret", SECRET))));
        assertThat(RawGraphQl.errorCodes(created)).as(created).isEmpty();
        assertThat(created).doesNotContain(SECRET);

        // The receiver is down for the first two tries: the first alert is tried three times, the others wait for it.
        this.failuresLeft.set(2);
        for (String domain : List.of("hooked-1.example", "hooked-2.example", "hooked-3.example")) {
            ok("""
                    mutation {
                      site: upsertWebsite(input: {domain: "%1$s"}) { created }
                      link(input: {type: ACCEPTS_PAYMENT_TO, from: {kind: WEBSITE, key: "%1$s"}, to: {kind: PAYMENT_ACCOUNT, key: "MID-HOOKED-1"},
                        source: "test-purchase", grade: "B2"}) { created }
                    }
                    """.formatted(domain));
        }
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (this.deliveries.size() < 5 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(this.deliveries).hasSize(5);
        for (Delivery delivery : this.deliveries) {
            assertThat(delivery.signature()).isEqualTo("sha256=" + hmac(delivery.body()));
            assertThat(JsonPath.<String>read(new String(delivery.body(), StandardCharsets.UTF_8), "$.id")).isEqualTo(delivery.alert());
        }
        List<String> subjects = this.deliveries.stream()
            .map(d -> JsonPath.<String>read(new String(d.body(), StandardCharsets.UTF_8), "$.subject.key")).toList();
        assertThat(subjects).containsExactly("hooked-1.example", "hooked-1.example", "hooked-1.example", "hooked-2.example",
                "hooked-3.example");
        // Retries wait, the pause doubled after each failure: at least 200 ms, then at least 400 ms (the test profile's).
        assertThat(Duration.ofNanos(this.deliveries.get(1).at() - this.deliveries.get(0).at()))
            .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(Duration.ofNanos(this.deliveries.get(2).at() - this.deliveries.get(1).at()))
            .isGreaterThanOrEqualTo(Duration.ofMillis(400));

        String alerts = ok(this.client.as(TestUsers.INVESTIGATOR_A), "{ myAlerts { edges { node { delivery } } } }");
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (JsonPath.<List<String>>read(alerts, "$.data.myAlerts.edges[*].node.delivery").contains("PENDING")
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
            alerts = ok(this.client.as(TestUsers.INVESTIGATOR_A), "{ myAlerts { edges { node { delivery } } } }");
        }
        assertThat(JsonPath.<List<String>>read(alerts, "$.data.myAlerts.edges[*].node.delivery")).containsOnly("DELIVERED").hasSize(3);
        // Recorded by the application's webhook threads, not by whichever thread finished the HTTP exchange.
        assertThat(this.deliveryRecorders).hasSize(3).allSatisfy(thread -> assertThat(TestGraph.isBackground(thread)).as(thread).isTrue());
    }

    @Test
    void aWebhookToAHostTheAdministratorDidNotAllowIsRefused() {
        ok("mutation { upsertPaymentAccount(input: {identifier: \"MID-HOOKED-2\", kind: CARD_MERCHANT}) { created } }");
        String account = this.graph.read("MATCH (p:PaymentAccount) RETURN p.id AS id", Map.of()).get(0).get("id").asString();
        String refused = RawGraphQl.query(this.client.as(TestUsers.INVESTIGATOR_A), """
                mutation($input: WatchInput!) { createWatch(input: $input) { id } }
                """, Map.of("input", Map.of("name", "inside", "targets", List.of(account),
                "webhook", Map.of("url", "http://169.254.169.254/latest/meta-data", "secret", SECRET))));
        assertThat(RawGraphQl.errorCodes(refused)).containsExactly("INVALID_INPUT");
        assertThat(refused).contains("input.webhook.url");
        assertThat(this.graph.count("MATCH (w:Watch) RETURN count(w)")).isZero();
    }

    private String ok(String document) {
        return ok(this.client, document);
    }

    private static String ok(GraphQlClient as, String document) {
        String answer = RawGraphQl.query(as, document);
        assertThat(RawGraphQl.errorCodes(answer)).as(answer).isEmpty();
        return answer;
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body));
    }

}
