package org.pangeagraph.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import org.pangeagraph.support.GraphQlClient;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Investigators' requests sent over real HTTP by several threads at once until closed, each answer
 * timed and sorted: the right answer, a typed refusal ({@code DATABASE_UNAVAILABLE} or
 * {@code TIMEOUT}, as the code of every GraphQL error or of an HTTP 503), or anything else, which
 * the outage tests count as a defect.
 */
final class QueryLoad implements AutoCloseable {

    /** How the client waits for an answer before it calls the request hung. */
    static final Duration CLIENT_PATIENCE = Duration.ofSeconds(90);

    private static final Set<String> TYPED_REFUSALS = Set.of("DATABASE_UNAVAILABLE", "TIMEOUT");

    private static final String DOCUMENT = document("faults");

    enum Outcome {
        ANSWERED, DATABASE_UNAVAILABLE, TIMEOUT, UNTYPED
    }

    /**
     * One request as it went: which, its sequence number, when it started ({@link System#nanoTime()}),
     * how long it took, how it ended, and what came back.
     */
    record Answer(String request, int sequence, long startedAt, Duration took, Outcome outcome, String detail) {

        long endedAt() {
            return this.startedAt + this.took.toNanos();
        }

    }

    /**
     * A kind of request: what to send (given the request's sequence number, so that writes can name
     * something new), and what the right answer holds.
     */
    record Request(String name, IntFunction<Function<WebTestClient, EntityExchangeResult<String>>> send,
            BiPredicate<Integer, String> rightAnswer) {

            /**
         * A GraphQL operation of {@code graphql-test/faults.graphql}, right when {@code path} holds (or,
         * for a list, contains) the expected value.
         */
        static Request graphQl(String operation, IntFunction<Map<String, Object>> variables, String path,
                IntFunction<Object> expected) {
            return new Request(operation, n -> client -> {
                Map<String, Object> body = new HashMap<>();
                body.put("query", DOCUMENT);
                body.put("operationName", operation);
                body.put("variables", variables.apply(n));
                return client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                    .bodyValue(body).exchange().expectBody(String.class).returnResult();
            }, (n, body) -> {
                List<?> errors = read(body, "$.errors");
                Object value = read(body, path);
                Object right = expected.apply(n);
                return errors == null && (value instanceof List<?> values ? values.contains(right) : right.equals(value));
            });
        }

        /** A plain HTTP GET (an export), right when it answers with {@code expectedText} in the body. */
        static Request get(String name, String uri, String expectedText) {
            return new Request(name, n -> client -> client.get().uri(uri).exchange().expectBody(String.class).returnResult(),
                    (n, body) -> body.contains(expectedText));
        }

    }

    private final List<Thread> threads = new ArrayList<>();

    private final Collection<Answer> answers = new ConcurrentLinkedQueue<>();

    private final AtomicInteger sequence = new AtomicInteger();

    private volatile boolean running = true;

    private QueryLoad(GraphQlClient client, int concurrency, List<Request> requests) {
        for (int i = 0; i < concurrency; i++) {
            Thread thread = new Thread(() -> send(client.webClient(), requests), "query-load-" + i);
            thread.setDaemon(true);
            this.threads.add(thread);
        }
        this.threads.forEach(Thread::start);
    }

    /** Starts {@code concurrency} threads, each sending the requests in turn, as fast as they are answered. */
    static QueryLoad start(GraphQlClient client, int concurrency, List<Request> requests) {
        return new QueryLoad(client, concurrency, requests);
    }

    /** Every answer so far. */
    List<Answer> answers() {
        return List.copyOf(this.answers);
    }

    /** Whether every kind of request has been answered rightly at least once by a request started after {@code since}. */
    boolean allAnsweredSince(long since, List<Request> requests) {
        return requests.stream().allMatch(r -> this.answers.stream()
            .anyMatch(a -> a.request().equals(r.name()) && a.startedAt() - since >= 0 && a.outcome() == Outcome.ANSWERED));
    }

    /** How many requests started after {@code since} were refused because the database was unavailable. */
    long refusedSince(long since) {
        return this.answers.stream()
            .filter(a -> a.startedAt() - since >= 0 && a.outcome() == Outcome.DATABASE_UNAVAILABLE)
            .count();
    }

    /** Stops sending and waits for the requests under way. */
    @Override
    public void close() throws InterruptedException {
        this.running = false;
        for (Thread thread : this.threads) {
            thread.join(CLIENT_PATIENCE.plusSeconds(10).toMillis());
        }
    }

    private void send(WebTestClient client, List<Request> requests) {
        WebTestClient patient = client.mutate().responseTimeout(CLIENT_PATIENCE).build();
        // This thread's last answer: its client keeps one connection, which a failure without an answer was
        // likely reusing, so that such a failure says how that connection's last answer ended.
        String previous = "none";
        while (this.running) {
            int n = this.sequence.getAndIncrement();
            Request request = requests.get(n % requests.size());
            long start = System.nanoTime();
            Outcome outcome;
            String detail = "";
            try {
                EntityExchangeResult<String> result = request.send().apply(n).apply(patient);
                detail = result.getStatus().value() + " " + result.getResponseBody();
                outcome = sort(request, n, result.getStatus().value(), String.valueOf(result.getResponseBody()));
                previous = request.name() + " " + n + ": " + result.getStatus().value() + ", Connection: "
                        + result.getResponseHeaders().getConnection() + ", Content-Length: " + result.getResponseHeaders().getContentLength()
                        + ", Transfer-Encoding: " + result.getResponseHeaders().getFirst("Transfer-Encoding");
            }
            catch (RuntimeException | AssertionError ex) {
                outcome = Outcome.UNTYPED;
                detail = ex + " (this thread's previous answer: " + previous + ")";
                previous = request.name() + " " + n + ": failed";
            }
            this.answers.add(new Answer(request.name(), n, start, Duration.ofNanos(System.nanoTime() - start), outcome, detail));
        }
    }

    /**
     * GraphQL answers 200 with errors, each with its code; the exports answer 503 with the code in
     * the body. A refusal that tells more than its code and message is no refusal. A mutation whose
     * commit failed says so for each of its fields besides (NOT_WRITTEN), which alone refuses nothing.
     */
    private static Outcome sort(Request request, int n, int status, String body) {
        if (status == 200 && request.rightAnswer().test(n, body)) {
            return Outcome.ANSWERED;
        }
        List<String> codes = status == 200 ? read(body, "$.errors[*].extensions.code")
                : status == 503 ? Stream.ofNullable((String) read(body, "$.code")).toList() : List.of();
        codes = codes == null ? null : codes.stream().filter(code -> !code.equals("NOT_WRITTEN")).toList();
        if (codes == null || codes.isEmpty() || !TYPED_REFUSALS.containsAll(codes) || leaks(body)) {
            return Outcome.UNTYPED;
        }
        return codes.contains("DATABASE_UNAVAILABLE") ? Outcome.DATABASE_UNAVAILABLE : Outcome.TIMEOUT;
    }

    /** What only the server log may hold: class names, stack frames, the database's own words. */
    private static boolean leaks(String body) {
        return body.contains("Exception") || body.contains("org.neo4j") || body.contains("\tat ") || body.contains("Neo.");
    }

    private static <T> T read(String body, String path) {
        try {
            return JsonPath.read(body, path);
        }
        catch (PathNotFoundException | IllegalArgumentException | com.jayway.jsonpath.InvalidJsonException ex) {
            return null;
        }
    }

    private static String document(String name) {
        try {
            return new ClassPathResource("graphql-test/" + name + ".graphql").getContentAsString(StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
