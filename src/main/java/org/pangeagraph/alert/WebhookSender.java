package org.pangeagraph.alert;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.pangeagraph.model.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each new alert of a watch with a webhook to its address, as JSON signed with the watch's secret
 * ({@code X-Pangea-Signature: sha256=<hex HMAC-SHA256 of the body>}). The alerts of one watch go one at a
 * time, in the order they were raised: the next waits until the one before was delivered or given up. A
 * delivery that fails (no answer within the timeout, or a status other than 2xx) is tried again after a
 * pause that doubles each time, up to {@code attempts} tries. Everything happens on the webhook threads (the
 * answers too) and the HTTP client's own, never on a writer's or the matcher's: the matcher only queues.
 */
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    static final String SIGNATURE = "X-Pangea-Signature";

    private final AlertStore alerts;

    private final AlertProperties.Webhook settings;

    private final ScheduledExecutorService thread;

    private final HttpClient client;

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    WebhookSender(AlertStore alerts, AlertProperties.Webhook settings, ScheduledExecutorService thread) {
        this.alerts = alerts;
        this.settings = settings;
        this.thread = thread;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER)
            .executor(thread).build();
    }

    /** One alert to post: the address, the secret, the body. */
    private record Delivery(String alertId, String url, String secret, byte[] body) {
    }

    /** The deliveries of one watch, in order, and the attempt at the first. */
    private static final class Lane {

        final ArrayDeque<Delivery> queue = new ArrayDeque<>();

        boolean busy;

        int attempt;

    }

    /** Queues the alert for the watch's webhook. */
    void send(Watch watch, Alert alert, Visibility owner) {
        byte[] body = AlertJson.JSON.writeValueAsBytes(AlertView.of(alert, owner));
        Delivery delivery = new Delivery(alert.id(), watch.webhookUrl(), watch.webhookSecret(), body);
        Lane lane = this.lanes.computeIfAbsent(watch.id(), id -> new Lane());
        synchronized (lane) {
            lane.queue.addLast(delivery);
            if (lane.busy) {
                return;
            }
            lane.busy = true;
            lane.attempt = 0;
        }
        this.thread.execute(() -> attempt(lane));
    }

    private void attempt(Lane lane) {
        Delivery delivery;
        synchronized (lane) {
            delivery = lane.queue.peekFirst();
            if (delivery == null) {
                lane.busy = false;
                return;
            }
            lane.attempt++;
        }
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(this.settings.timeout())
                .header("Content-Type", "application/json")
                .header(SIGNATURE, "sha256=" + sign(delivery.secret(), delivery.body()))
                .header("X-Pangea-Alert", delivery.alertId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()))
                .build();
        }
        catch (RuntimeException ex) {
            finish(lane, delivery, "FAILED");
            return;
        }
        // The HTTP client completes its futures in CompletableFuture's default pool, which on a two-core machine
        // starts an unnamed thread for each task: the answer is handled on the webhook threads instead, as
        // background work of the application.
        this.client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenCompleteAsync((response, failure) -> {
            if (failure == null && response.statusCode() / 100 == 2) {
                finish(lane, delivery, "DELIVERED");
                return;
            }
            int tried;
            synchronized (lane) {
                tried = lane.attempt;
            }
            String why = failure != null ? failure.toString() : "status " + response.statusCode();
            if (tried >= this.settings.attempts()) {
                log.warn("Alert {} could not be delivered to its webhook after {} tries ({}); given up", delivery.alertId(), tried, why);
                finish(lane, delivery, "FAILED");
                return;
            }
            Duration pause = pause(this.settings.firstRetry(), this.settings.maxRetry(), tried);
            log.info("Alert {} not delivered to its webhook ({}); try {} in {}", delivery.alertId(), why, tried + 1, pause);
            this.thread.schedule(() -> attempt(lane), pause.toMillis(), TimeUnit.MILLISECONDS);
        }, this.thread);
    }

    /** The pause after {@code tried} failed tries: the first retry's, doubled for each further failure, at most {@code max}. */
    static Duration pause(Duration first, Duration max, int tried) {
        Duration pause = first.multipliedBy(1L << Math.min(tried - 1, 30));
        return pause.compareTo(max) > 0 || pause.isNegative() ? max : pause;
    }

    private void finish(Lane lane, Delivery delivery, String state) {
        try {
            this.alerts.delivered(delivery.alertId(), state);
        }
        catch (RuntimeException ex) {
            log.warn("Could not record that alert {} was {}: {}", delivery.alertId(), state, ex.toString());
        }
        synchronized (lane) {
            lane.queue.pollFirst();
            lane.attempt = 0;
        }
        this.thread.execute(() -> attempt(lane));
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HMAC-SHA256 is not available", ex);
        }
    }

}
