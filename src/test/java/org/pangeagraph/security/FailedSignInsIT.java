package org.pangeagraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.pangeagraph.support.RawGraphQl;
import org.pangeagraph.support.StartedApplication;
import org.pangeagraph.support.TestUsers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Failed sign-ins over real HTTP, from several client addresses of the loopback range (each test its
 * own, so that they do not meet in the throttle): every one is in the audit trail with the user name
 * tried, the client address and the time; repeated ones, one by one or in parallel, are slowed down
 * with HTTP 429 and a growing {@code Retry-After}; the real user keeps signing in where they work, and
 * right passwords are never slowed down. Numbers small enough to reach: 3 failures free, waits of
 * 1 s doubling up to 4 s for a user name and 8 s for an address.
 *
 * <p>Most of its time is spent waiting out those delays, on an application of its own: it runs beside the
 * other classes, and its tests beside each other (each has a user name and addresses of its own).
 */
@Execution(ExecutionMode.CONCURRENT)
class FailedSignInsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String QUERY = "{\"query\": \"{ __typename }\"}";

    /** The application's wait after the third failure, doubled after each further one up to a user name's ceiling. */
    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);

    private static final Duration USER_CEILING = Duration.ofSeconds(4);

    @TempDir
    static Path directory;

    static StartedApplication app;

    @BeforeAll
    static void start() {
        app = StartedApplication.start(directory, null, "--pangea.security.failed-sign-ins.free-attempts=3",
                "--pangea.security.failed-sign-ins.first-delay=" + FIRST_DELAY.toSeconds() + "s",
                "--pangea.security.failed-sign-ins.max-user-delay=" + USER_CEILING.toSeconds() + "s",
                "--pangea.security.failed-sign-ins.max-address-delay=8s");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void wrongPasswordsOneByOneAreRecordedThenSlowedDownWithAGrowingWait() throws Exception {
        Instant before = Instant.now();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(post("127.0.0.11", "viewer", "guess-" + i).status());
        }
        assertThat(statuses).containsExactly(401, 401, 401, 429, 429);

        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Answer refused = post("127.0.0.11", "viewer", "guess-again");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.body()).contains("\"code\":\"LIMIT_EXCEEDED\"").contains("\"limit\":\"failed-sign-ins\"");
            long wait = Long.parseLong(refused.header("Retry-After"));
            waits.add(wait);
            Thread.sleep(wait * 1000 + 100);
            assertThat(post("127.0.0.11", "viewer", "guess-after-waiting-" + i).status()).isEqualTo(401);
        }
        assertThat(waits.get(1)).isGreaterThan(waits.get(0));
        assertThat(waits.get(2)).isGreaterThan(waits.get(1));

        List<Map<String, Object>> checked = signIns(r -> "viewer".equals(r.get("user")) && "127.0.0.11".equals(r.get("client"))
                && List.of("UNAUTHENTICATED").equals(r.get("errors")));
        assertThat(checked).hasSize(6).allSatisfy(record -> {
            assertThat(record).containsEntry("outcome", "DENIED");
            assertThat(Instant.parse((String) record.get("time"))).isAfterOrEqualTo(before.minusSeconds(1));
            assertThat((Map<String, Object>) record.get("details")).containsEntry("way", "PASSWORD").containsEntry("attempts", 1);
        });
        awaitRefusedAttempts("viewer", "127.0.0.11", 2 + 3);
    }

    @Test
    void wrongPasswordsInParallelGetNoMoreChecksThanOneByOne() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            long started = System.nanoTime();
            List<Future<Answer>> sent = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String password = "parallel-guess-" + i;
                sent.add(pool.submit((Callable<Answer>) () -> post("127.0.0.12", "investigator-a", password)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Answer> answer : sent) {
                statuses.add(answer.get().status());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            // Within a second, three; on a machine so busy that the forty took longer, one more after each wait.
            long checked = statuses.stream().filter(s -> s == 401).count();
            assertThat(checked).as("checks in %s", took).isBetween(3L, 3L + laterChecksOneByOne(took));
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(40 - (int) checked);
            assertThat(signIns(r -> "investigator-a".equals(r.get("user")) && "127.0.0.12".equals(r.get("client"))
                    && List.of("UNAUTHENTICATED").equals(r.get("errors")))).hasSize((int) checked);
            awaitRefusedAttempts("investigator-a", "127.0.0.12", 40 - (int) checked);
        }
        finally {
            pool.shutdownNow();
        }
    }

    /**
     * The checks that wrong passwords sent one by one get within {@code took} after the three free ones:
     * one after each wait, {@link #FIRST_DELAY}, then doubled up to {@link #USER_CEILING}.
     */
    private static long laterChecksOneByOne(Duration took) {
        long checks = 0;
        Duration delay = FIRST_DELAY;
        for (Duration at = delay; at.compareTo(took) <= 0; at = at.plus(delay)) {
            checks++;
            Duration doubled = delay.multipliedBy(2);
            delay = doubled.compareTo(USER_CEILING) < 0 ? doubled : USER_CEILING;
        }
        return checks;
    }

    @Test
    void theRealUserKeepsSigningInWhereTheyWorkWhileAStrangerFailsForThemElsewhere() throws Exception {
        assertThat(post("127.0.0.21", TestUsers.INVESTIGATOR_B, TestUsers.password(TestUsers.INVESTIGATOR_B)).status())
            .isEqualTo(200);
        long wait = 0;
        for (int i = 0; i < 50 && wait < 4; i++) {
            Answer answer = post("127.0.0.22", TestUsers.INVESTIGATOR_B, "stranger-" + i);
            if (answer.status() == 429) {
                wait = Long.parseLong(answer.header("Retry-After"));
                if (wait < 4) {
                    Thread.sleep(wait * 1000 + 100);
                }
            }
        }
        assertThat(wait).as("the stranger is made to wait, up to the ceiling of a user name").isEqualTo(4);
        assertThat(post("127.0.0.22", TestUsers.INVESTIGATOR_B, TestUsers.password(TestUsers.INVESTIGATOR_B)).status())
            .as("the stranger's address waits even with the right password").isEqualTo(429);

        assertThat(post("127.0.0.21", TestUsers.INVESTIGATOR_B, TestUsers.password(TestUsers.INVESTIGATOR_B)).status())
            .as("where the user signed in before").isEqualTo(200);
        Answer elsewhere = post("127.0.0.24", TestUsers.INVESTIGATOR_B, TestUsers.password(TestUsers.INVESTIGATOR_B));
        assertThat(elsewhere.status()).as("a new address waits for the user name, briefly").isEqualTo(429);
        assertThat(Long.parseLong(elsewhere.header("Retry-After"))).isLessThanOrEqualTo(4);
        Thread.sleep(Long.parseLong(elsewhere.header("Retry-After")) * 1000 + 100);
        assertThat(post("127.0.0.24", TestUsers.INVESTIGATOR_B, TestUsers.password(TestUsers.INVESTIGATOR_B)).status())
            .as("and then gets in").isEqualTo(200);
    }

    @Test
    void rightPasswordsAreNeverSlowedDownNorRecordedAsFailures() throws Exception {
        for (int i = 0; i < 200; i++) {
            assertThat(post("127.0.0.31", TestUsers.INVESTIGATOR_AB, TestUsers.password(TestUsers.INVESTIGATOR_AB)).status())
                .isEqualTo(200);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Answer>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(pool.submit(() -> post("127.0.0.32", TestUsers.INVESTIGATOR_AB,
                        TestUsers.password(TestUsers.INVESTIGATOR_AB))));
            }
            for (Future<Answer> answer : sent) {
                assertThat(answer.get().status()).as("a first sign-in from a new address, eight at once").isEqualTo(200);
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(signIns(r -> TestUsers.INVESTIGATOR_AB.equals(r.get("user")))).isEmpty();
    }

    /** The aggregated record of attempts refused unchecked appears within the period they are counted over. */
    private static void awaitRefusedAttempts(String user, String client, int attempts) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long counted = 0;
        while (System.nanoTime() < deadline) {
            counted = signIns(r -> user.equals(r.get("user")) && client.equals(r.get("client"))
                    && List.of("LIMIT_EXCEEDED").equals(r.get("errors"))).stream()
                .mapToLong(r -> ((Number) ((Map<?, ?>) r.get("details")).get("attempts")).longValue()).sum();
            if (counted >= attempts) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(counted).as("attempts refused unchecked, recorded together").isEqualTo(attempts);
    }

    /** The SIGN_IN records of the audit trail that match. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> signIns(java.util.function.Predicate<Map<String, Object>> matching) throws IOException {
        Path audit = directory.resolve("audit");
        List<Map<String, Object>> records = new ArrayList<>();
        if (!Files.isDirectory(audit)) {
            return records;
        }
        try (Stream<Path> files = Files.list(audit)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    Map<String, Object> record = JSON.readValue(line, Map.class);
                    if ("SIGN_IN".equals(record.get("type")) && matching.test(record)) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    private record Answer(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return this.headers.get(name.toLowerCase());
        }

    }

    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3})");

    /** A GraphQL request with Basic credentials, sent from {@code localAddress} (an address of the loopback range). */
    private static Answer post(String localAddress, String user, String password) throws IOException {
        byte[] body = QUERY.getBytes(StandardCharsets.UTF_8);
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), app.port(), InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(RawGraphQl.postHead("Basic " + credentials, "application/json", body.length, true));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher status = STATUS.matcher(response);
            assertThat(status.find()).as(response).isTrue();
            int split = response.indexOf("\r\n\r\n");
            Map<String, String> headers = new java.util.HashMap<>();
            for (String line : response.substring(0, split).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
                }
            }
            return new Answer(Integer.parseInt(status.group(1)), headers, response.substring(split + 4));
        }
    }

}
