package org.pangeagraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.RawGraphQl;
import org.pangeagraph.support.StartedApplication;
import org.pangeagraph.support.TestGraph;
import org.pangeagraph.support.TestUsers;
import org.springframework.boot.web.servlet.FilterRegistrationBean;

/**
 * The request limits over real HTTP, with limits small enough to reach: one request at a time, a
 * two-second request timeout, twenty requests a minute. A request whose body arrives slowly holds
 * its place (and its time runs) while it is read, which makes both the concurrency limit and the
 * timeout reachable without a slow query. A write waiting for a lock another transaction holds is
 * an operation still running at the timeout. The rate test runs last: it spends the minute's requests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RequestLimitsIT {

    private static final String QUERY = "{\"query\": \"{ __typename }\"}";

    @TempDir
    static Path directory;

    static StartedApplication app;

    @BeforeAll
    static void start() {
        app = StartedApplication.start(directory, null, "--pangea.limits.concurrent-requests-per-user=1",
                "--pangea.limits.request-timeout=2s", "--pangea.limits.requests-per-minute=20");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @Order(1)
    void aSecondRequestWhileTheFirstRunsIsAnsweredWith429() throws Exception {
        try (SlowRequest first = new SlowRequest(QUERY)) {
            awaitRunning(1);
            String second = new SlowRequest(QUERY).finishAndRead();

            assertThat(second).startsWith("HTTP/1.1 429").contains("Retry-After: 1")
                .contains("\"code\":\"LIMIT_EXCEEDED\"").contains("\"limit\":\"concurrent-requests-per-user\"");
            assertThat(first.finishAndRead()).startsWith("HTTP/1.1 200").contains("\"__typename\":\"Query\"");
        }
        assertThat(new SlowRequest(QUERY).finishAndRead()).startsWith("HTTP/1.1 200");
    }

    @Test
    @Order(2)
    void aRequestStillUnansweredAtTheTimeoutIsAnsweredWithTimeoutAtOnce() throws Exception {
        try (SlowRequest slow = new SlowRequest(QUERY)) {
            awaitRunning(1);
            Thread.sleep(2_500);
            long sent = System.nanoTime();

            String answer = slow.finishAndRead();

            assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(2));
            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"code\":\"TIMEOUT\"").doesNotContain("__typename\":");
        }
    }

    @Test
    @Order(3)
    void anOperationStillRunningAtTheTimeoutIsAnsweredWithTimeoutAtTheTimeout() throws Exception {
        String upsert = "{\"query\": \"mutation { upsertWebsite(input: {domain: \\\"locked.example\\\", name: \\\"Renamed\\\"}) "
                + "{ created } }\"}";
        // Another client holds the website's lock: the upsert waits for it inside the database (up to the
        // 5 s transaction timeout), well past the request's 2 s.
        try (Session session = TestGraph.of(app).db().driver().session(); Transaction holder = session.beginTransaction()) {
            holder.run("MERGE (w:Website {domain: 'locked.example'}) SET w.name = 'Held'").consume();
            long sent = System.nanoTime();

            String answer = new SlowRequest(upsert).finishAndRead();

            Duration took = Duration.ofNanos(System.nanoTime() - sent);
            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"code\":\"TIMEOUT\"").doesNotContain("\"created\"");
            assertThat(took).isGreaterThan(Duration.ofMillis(1_500)).isLessThan(Duration.ofMillis(4_000));
            holder.rollback();
        }
    }

    @Test
    @Order(4)
    void aUserOverTheRateIsToldWhenToComeBack() throws IOException {
        String answer = "";
        for (int i = 0; i < 25 && !answer.startsWith("HTTP/1.1 429"); i++) {
            answer = new SlowRequest(QUERY).finishAndRead();
        }

        assertThat(answer).startsWith("HTTP/1.1 429").containsPattern("Retry-After: [1-3]\r\n")
            .contains("\"limit\":\"requests-per-minute\"");
    }

    /**
     * Until {@code requests} of the user's requests hold their places: the server has read their heads,
     * which a busy machine may take seconds to do. Asked of the limits themselves, so that waiting spends
     * none of the minute's requests.
     */
    private static void awaitRunning(int requests) throws InterruptedException {
        RequestLimitFilter filter = (RequestLimitFilter) app.context().getBean("requestLimitFilter", FilterRegistrationBean.class)
            .getFilter();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (filter.running(TestUsers.ADMIN) < requests) {
            assertThat(System.nanoTime()).as("the first request holds its place within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** A POST to /graphql whose body is sent in two parts, the second when the test says. */
    private static final class SlowRequest implements AutoCloseable {

        private final Socket socket;

        private final byte[] body;

        SlowRequest(String json) throws IOException {
            this.body = json.getBytes(StandardCharsets.UTF_8);
            this.socket = new Socket("localhost", app.port());
            this.socket.setSoTimeout(30_000);
            OutputStream out = this.socket.getOutputStream();
            out.write(RawGraphQl.postHead(GraphQlClient.basic(TestUsers.ADMIN), "application/json", this.body.length, true));
            out.write(this.body, 0, 1);
            out.flush();
        }

        /** Sends the rest of the body and reads the whole answer. */
        String finishAndRead() throws IOException {
            OutputStream out = this.socket.getOutputStream();
            try {
                out.write(this.body, 1, this.body.length - 1);
                out.flush();
            }
            catch (IOException ex) {
                // answered before the body was read (a refusal): the answer is waiting
            }
            InputStream in = this.socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            this.socket.close();
            return answer;
        }

        @Override
        public void close() throws IOException {
            this.socket.close();
        }

    }

}
