package org.pangeagraph.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;

/**
 * The embedded database on its own store, outside the application: data survives a restart (of the
 * process, or of the database service alone), a second instance on a store in use, or on a taken Bolt
 * port, fails with a message that says so, and with authentication the Bolt port takes only the
 * password kept beside the store.
 */
class EmbeddedNeo4jIT {

    @TempDir
    Path directory;

    @Test
    void whatWasWrittenBeforeARestartIsReadAfterIt() {
        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(properties(0, false)); Driver driver = driver(db)) {
            driver.executableQuery("CREATE (:Website {domain: 'pharma-direct.example', name: 'Pharma Direct'})").execute();
        }

        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(properties(0, false)); Driver driver = driver(db)) {
            assertThat(domains(driver)).containsExactly("pharma-direct.example");
        }
    }

    @Test
    void aStoppedDatabaseStartsAgainOnThePortTheSystemChoseAtFirstAndItsClientsFindItThere() {
        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(properties(0, false)); Driver driver = driver(db)) {
            int port = db.boltUri().getPort();
            driver.executableQuery("CREATE (:Website {domain: 'pharma-direct.example'})").execute();

            db.stop();
            assertThat(EmbeddedNeo4j.listening("127.0.0.1", port)).as("Bolt while stopped").isFalse();
            db.restart();

            assertThat(db.boltUri().getPort()).isEqualTo(port);
            assertThat(domains(driver)).containsExactly("pharma-direct.example");
        }
    }

    @Test
    void withAuthenticationTheBoltPortTakesOnlyThePasswordKeptBesideTheStoreForItsOwnerAlone() throws IOException {
        Path file = this.directory.resolve("store").resolve(BoltPassword.FILE);
        String password;
        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(properties(0, true)); Driver driver = driver(db)) {
            password = Files.readString(file).strip();
            assertThat(password).hasSizeGreaterThanOrEqualTo(40);
            assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE);
            driver.executableQuery("CREATE (:Website {domain: 'pharma-direct.example'})").execute();

            assertRefused(db, AuthTokens.none());
            assertRefused(db, AuthTokens.basic(BoltPassword.USER, "neo4j"));
            assertRefused(db, AuthTokens.basic(BoltPassword.USER, password + "x"));
            try (Driver withPassword = GraphDatabase.driver(db.boltUri(), AuthTokens.basic(BoltPassword.USER, password))) {
                assertThat(domains(withPassword)).containsExactly("pharma-direct.example");
            }
        }

        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(properties(0, true)); Driver driver = driver(db)) {
            assertThat(Files.readString(file).strip()).as("kept across restarts").isEqualTo(password);
            assertThat(domains(driver)).containsExactly("pharma-direct.example");
        }

        Files.delete(file);
        try (EmbeddedNeo4j db = EmbeddedNeo4j.start(properties(0, true)); Driver driver = driver(db)) {
            assertThat(Files.readString(file).strip()).as("a deleted password is replaced").isNotEqualTo(password);
            assertThat(domains(driver)).containsExactly("pharma-direct.example");
            assertRefused(db, AuthTokens.basic(BoltPassword.USER, password));
        }
    }

    /**
     * A second instance, started at once or in the background, on the store of a running one: both tests
     * try the same running instance, which they start once (neither of them stops it).
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnAStoreInUse {

        private Path directory;

        private EmbeddedNeo4j first;

        @BeforeAll
        void startTheFirstInstance(@TempDir Path directory) {
            this.directory = directory;
            this.first = EmbeddedNeo4j.start(properties(directory, 0, false));
        }

        @AfterAll
        void stopTheFirstInstance() {
            this.first.close();
        }

        @Test
        void aSecondInstanceOnAStoreInUseFailsSayingSo() {
            try (Driver driver = driver(this.first)) {
                driver.executableQuery("CREATE (:Website {domain: 'pharma-direct.example'})").execute();

                assertThatThrownBy(() -> EmbeddedNeo4j.start(properties(this.directory, 0, false)))
                    .isInstanceOfSatisfying(EmbeddedDatabaseException.class, ex -> {
                        assertThat(ex.getMessage()).contains(this.first.storeDirectory().toString(), "is in use by another process");
                        assertThat(ex.action()).contains("pangea.embedded.store-directory");
                    });

                assertThat(domains(driver)).as("the first instance is unharmed").containsExactly("pharma-direct.example");
            }
        }

        @Test
        void startedInTheBackgroundAStoreInUseFailsWhenAwaitedSayingSo() {
            EmbeddedNeo4j second = EmbeddedNeo4j.startInBackground(properties(this.directory, 0, false));

            assertThatThrownBy(second::awaitRunning).isInstanceOfSatisfying(EmbeddedDatabaseException.class,
                    ex -> assertThat(ex.getMessage()).contains(this.first.storeDirectory().toString(), "is in use by another process"));
            assertThatThrownBy(second::boltUri).as("no address for a database that did not start")
                .isInstanceOf(EmbeddedDatabaseException.class);
            second.close();
        }

    }

    @Test
    void startedInTheBackgroundOnAConfiguredPortItsAddressIsKnownBeforeItAnswers() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (EmbeddedNeo4j db = EmbeddedNeo4j.startInBackground(properties(port, true))) {
            assertThat(db.boltUri().getPort()).isEqualTo(port);
            db.awaitRunning();
            try (Driver driver = driver(db)) {
                assertThat(domains(driver)).isEmpty();
            }
        }
    }

    @Test
    void aTakenBoltPortFailsSayingSo() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedNeo4j.start(properties(taken.getLocalPort(), false)))
                .isInstanceOfSatisfying(EmbeddedDatabaseException.class, ex -> {
                    assertThat(ex.getMessage()).contains(":" + taken.getLocalPort(), "already in use");
                    assertThat(ex.action()).contains("pangea.embedded.bolt-port");
                });
        }
    }

    private EmbeddedNeo4jProperties properties(int boltPort, boolean authentication) {
        return properties(this.directory, boltPort, authentication);
    }

    private static EmbeddedNeo4jProperties properties(Path directory, int boltPort, boolean authentication) {
        return new EmbeddedNeo4jProperties(directory.resolve("store"), "127.0.0.1", boltPort, directory.resolve("import"), "32m",
                Duration.ofMinutes(1), authentication, true, true);
    }

    private static Driver driver(EmbeddedNeo4j db) {
        return GraphDatabase.driver(db.boltUri(), db.authToken());
    }

    private static void assertRefused(EmbeddedNeo4j db, AuthToken token) {
        try (Driver driver = GraphDatabase.driver(db.boltUri(), token)) {
            assertThatThrownBy(driver::verifyConnectivity).isInstanceOf(AuthenticationException.class);
        }
    }

    private static List<String> domains(Driver driver) {
        return driver.executableQuery("MATCH (w:Website) RETURN w.domain AS domain").execute().records().stream()
            .map(r -> r.get("domain").asString()).toList();
    }

}
