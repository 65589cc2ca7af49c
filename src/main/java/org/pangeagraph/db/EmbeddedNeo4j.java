package org.pangeagraph.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.pangeagraph.db.changes.ChangeCapture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Neo4j 5.26 with its Bolt connector on loopback, for the application's own
 * transactions ({@link #database()}, through {@link GraphDb}) and for Bolt clients: the import
 * command, scripted imports, analysts' tools.
 *
 * <p>The application starts it in the background ({@link #startInBackground}) as soon as its
 * configuration is known, so that opening the store (seconds on a large one) overlaps the building of
 * the rest of the application; the first statement waits for {@link #awaitRunning()}.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final EmbeddedNeo4jProperties properties;

    private final Path storeDirectory;

    /** The password Bolt clients sign in with; null without authentication. */
    private final BoltPassword password;

    private final AuthToken authToken;

    /** Completes when the first start has finished, exceptionally when it failed. */
    private final CompletableFuture<Void> firstStart;

    /** Known from the configuration, or once started when the system chose the port. */
    private volatile URI boltUri;

    /** The running database service; null while starting or stopped. Guarded by this. */
    private DatabaseManagementService service;

    /** The running database, for transactions in this process; null while starting or stopped. */
    private volatile GraphDatabaseAPI database;

    /** The change feed's listener, registered at every start; null when {@code capture-changes} is off. */
    private final ChangeCapture changeCapture;

    private EmbeddedNeo4j(EmbeddedNeo4jProperties properties, Path storeDirectory, BoltPassword password) {
        this.properties = properties;
        this.storeDirectory = storeDirectory;
        this.password = password;
        this.authToken = password == null ? AuthTokens.none() : AuthTokens.basic(BoltPassword.USER, password.password());
        this.boltUri = properties.boltPort() == 0 ? null : uri(properties, properties.boltPort());
        this.firstStart = new CompletableFuture<>();
        this.changeCapture = properties.captureChanges() ? new ChangeCapture() : null;
    }

    /**
     * Starts the database on {@code properties.storeDirectory()} and returns once it is running, its
     * Bolt port requiring the password kept beside the store when {@code properties.authentication()}.
     *
     * @throws EmbeddedDatabaseException with a message an operator can act on when the store is in
     * use by another process or the Bolt port is taken
     */
    public static EmbeddedNeo4j start(EmbeddedNeo4jProperties properties) {
        EmbeddedNeo4j db = startInBackground(properties);
        db.awaitRunning();
        return db;
    }

    /**
     * Checks the Bolt port is free and the password is kept beside the store, then opens the store on a
     * thread of its own and returns at once; {@link #awaitRunning()} waits for it.
     *
     * @throws EmbeddedDatabaseException when the Bolt port is taken or the store directory cannot be made
     */
    public static EmbeddedNeo4j startInBackground(EmbeddedNeo4jProperties properties) {
        Path store = properties.storeDirectory().toAbsolutePath().normalize();
        refuseTakenPort(properties, properties.boltPort());
        EmbeddedNeo4j db = new EmbeddedNeo4j(properties, store, passwordKeptBeside(store, properties.authentication()));
        Thread starter = new Thread(db::runFirstStart, "embedded-neo4j-start");
        starter.start();
        return db;
    }

    private void runFirstStart() {
        long began = System.nanoTime();
        try {
            synchronized (this) {
                this.service = open(this.properties.boltPort(), this.password);
            }
            log.info("Embedded Neo4j started on {} in {} s with Bolt at {}{}", this.storeDirectory,
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - began) / 1e9), this.boltUri,
                    this.password != null ? ", password in " + this.storeDirectory.resolve(BoltPassword.FILE)
                            : ", without authentication");
            this.firstStart.complete(null);
        }
        catch (RuntimeException | Error ex) {
            this.firstStart.completeExceptionally(ex);
        }
    }

    /**
     * Waits until the first start has finished.
     *
     * @throws EmbeddedDatabaseException when it failed, with the message an operator can act on
     */
    public void awaitRunning() {
        try {
            this.firstStart.join();
        }
        catch (CompletionException ex) {
            if (ex.getCause() instanceof EmbeddedDatabaseException known) {
                throw known;
            }
            throw translate(ex.getCause() instanceof Exception cause ? cause : ex, this.storeDirectory);
        }
    }

    /** The Bolt address; waits for the start when the system chooses the port. */
    public URI boltUri() {
        URI uri = this.boltUri;
        if (uri == null) {
            awaitRunning();
            uri = this.boltUri;
        }
        return uri;
    }

    public Path storeDirectory() {
        return this.storeDirectory;
    }

    /**
     * The running database, for transactions in this process, once the first start has finished;
     * null while it is stopped.
     */
    public GraphDatabaseAPI database() {
        GraphDatabaseAPI db = this.database;
        if (db == null) {
            awaitRunning();
            db = this.database;
        }
        return db;
    }

    /**
     * The listener that records every committed write in the change feed, whoever made it; empty when
     * {@code pangea.embedded.capture-changes} is off (the application then reconciles, as against a server).
     */
    public Optional<ChangeCapture> changeCapture() {
        return Optional.ofNullable(this.changeCapture);
    }

    /** How the application's driver signs in to the Bolt port. */
    public AuthToken authToken() {
        return this.authToken;
    }

    /**
     * Stops the database service and leaves the store, and this object, ready for {@link #restart()}:
     * meanwhile the application stays up and answers that the database is unavailable. Operational,
     * for the fault tests, which take the database away from under a running application.
     */
    synchronized void stop() {
        if (this.service != null) {
            log.info("Stopping embedded Neo4j on {}", this.storeDirectory);
            this.database = null;
            this.service.shutdown();
            this.service = null;
        }
    }

    /**
     * Starts the stopped database service again on the same store, Bolt address and port (also when
     * the port was first chosen by the system), so that the driver's connections find it where they
     * left it.
     */
    synchronized void restart() {
        awaitRunning();
        if (this.service == null) {
            int port = this.boltUri.getPort();
            refuseTakenPort(this.properties, port);
            // Read again: the password was applied at the first start, and setting it again is refused.
            this.service = open(port, passwordKeptBeside(this.storeDirectory, this.properties.authentication()));
            log.info("Embedded Neo4j restarted on {} with Bolt at {}", this.storeDirectory, this.boltUri);
        }
    }

    /** Stops the database, after its first start has finished if it is still starting. */
    @Override
    public void close() {
        try {
            this.firstStart.join();
        }
        catch (CompletionException ex) {
            // Nothing runs after a failed start.
        }
        stop();
    }

    private static URI uri(EmbeddedNeo4jProperties properties, int port) {
        return URI.create("bolt://" + properties.boltAddress() + ":" + port);
    }

    private static void refuseTakenPort(EmbeddedNeo4jProperties properties, int port) {
        if (port != 0 && listening(properties.boltAddress(), port)) {
            throw new EmbeddedDatabaseException("Bolt port " + properties.boltAddress() + ":" + port
                    + " is already in use, probably by another instance of Pangea Graph or a Neo4j server.",
                    "Stop the other process, or set pangea.embedded.bolt-port to a free port"
                            + " (or point spring.neo4j.uri at the running server).");
        }
    }

    private static BoltPassword passwordKeptBeside(Path store, boolean authentication) {
        try {
            Files.createDirectories(store);
            return authentication ? BoltPassword.keptBeside(store) : null;
        }
        catch (IOException | RuntimeException ex) {
            throw translate(ex, store);
        }
    }

    /** Opens the store with Bolt on {@code port} (0: a free one), waits until it is available and sets the password. */
    private DatabaseManagementService open(int port, BoltPassword password) {
        Path store = this.storeDirectory;
        DatabaseManagementService started;
        try {
            started = new DatabaseManagementServiceBuilder(store)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(this.properties.boltAddress(), port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, password != null)
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root,
                        this.properties.importDirectory().toAbsolutePath().normalize())
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(this.properties.pageCache()))
                .setConfig(GraphDatabaseSettings.transaction_timeout, this.properties.transactionTimeout())
                // What investigators hold stays on the machine: no usage reports to Neo4j.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Bolt's event loops wait 5 s for quiet before stopping; the application has closed
                // its driver by then, so stopping (and restarting, in the fault tests) need not wait.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                // Neo4j keys cached plans on the size of each list parameter too (0, 1, a few, tens, ...): a
                // batch of 3 parents and one of 40, a network from one id and from five, were planned
                // apart, hundreds of milliseconds each. One plan per statement, whatever the sizes.
                .setConfig(GraphDatabaseInternalSettings.cypher_size_hint_parameters, false)
                .build();
        }
        catch (RuntimeException ex) {
            throw translate(ex, store);
        }
        try {
            if (this.changeCapture != null) {
                // Before the database takes any write, the application's or a Bolt client's.
                started.registerTransactionEventListener(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, this.changeCapture);
            }
            var db = (GraphDatabaseAPI) started.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(60_000)) {
                throw new EmbeddedDatabaseException("The embedded database in " + store + " did not become available.",
                        "See " + store.resolve("logs") + " for Neo4j's own log.");
            }
            var address = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
            if (password != null) {
                password.applyTo(started);
            }
            this.boltUri = uri(this.properties, address.getPort());
            this.database = db;
            return started;
        }
        catch (RuntimeException ex) {
            started.shutdown();
            throw translate(ex, store);
        }
    }

    /** Whether something accepts connections on {@code host:port}, such as a running instance of the application. */
    public static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName(host), port), 200);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static RuntimeException translate(Exception ex, Path store) {
        if (ex instanceof EmbeddedDatabaseException known) {
            return known;
        }
        for (Throwable t = ex; t != null; t = t.getCause()) {
            String message = Objects.toString(t.getMessage(), "");
            if (t.getClass().getSimpleName().equals("FileLockException") || message.contains("Lock file has been locked")
                    || message.contains("locked by another process")) {
                return new EmbeddedDatabaseException("The store " + store + " is in use by another process"
                        + " (another instance of Pangea Graph, or a Neo4j server on the same files).",
                        "Stop the other instance, or set pangea.embedded.store-directory to another directory,"
                                + " or point spring.neo4j.uri at the running database.");
            }
        }
        return new EmbeddedDatabaseException("The embedded database in " + store + " could not start: "
                + rootMessage(ex), "See " + store.resolve("logs") + " for Neo4j's own log.");
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return Objects.toString(root.getMessage(), root.getClass().getSimpleName());
    }

}
