package org.pangeagraph.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Neo4j 5.26 with its Bolt connector on loopback. The application talks to it through
 * the Bolt driver like to any server, so nothing above the driver knows which database it has.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final EmbeddedNeo4jProperties properties;

    private final URI boltUri;

    private final Path storeDirectory;

    private final AuthToken authToken;

    /** The running database service; null while stopped. */
    private DatabaseManagementService service;

    private EmbeddedNeo4j(EmbeddedNeo4jProperties properties, Running running, Path storeDirectory) {
        this.properties = properties;
        this.service = running.service();
        this.boltUri = URI.create("bolt://" + properties.boltAddress() + ":" + running.boltPort());
        this.authToken = running.authToken();
        this.storeDirectory = storeDirectory;
    }

    /**
     * Starts the database on {@code properties.storeDirectory()}, its Bolt port requiring the password
     * kept beside the store when {@code properties.authentication()}.
     *
     * @throws EmbeddedDatabaseException with a message an operator can act on when the store is in
     * use by another process or the Bolt port is taken
     */
    public static EmbeddedNeo4j start(EmbeddedNeo4jProperties properties) {
        Path store = properties.storeDirectory().toAbsolutePath().normalize();
        EmbeddedNeo4j db = new EmbeddedNeo4j(properties, run(properties, store, properties.boltPort()), store);
        log.info("Embedded Neo4j started on {} with Bolt at {}{}", store, db.boltUri, properties.authentication()
                ? ", password in " + store.resolve(BoltPassword.FILE) : ", without authentication");
        return db;
    }

    public URI boltUri() {
        return this.boltUri;
    }

    public Path storeDirectory() {
        return this.storeDirectory;
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
        if (this.service == null) {
            this.service = run(this.properties, this.storeDirectory, this.boltUri.getPort()).service();
            log.info("Embedded Neo4j restarted on {} with Bolt at {}", this.storeDirectory, this.boltUri);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private record Running(DatabaseManagementService service, int boltPort, AuthToken authToken) {
    }

    private static Running run(EmbeddedNeo4jProperties properties, Path store, int port) {
        boolean authEnabled = properties.authentication();
        if (port != 0 && listening(properties.boltAddress(), port)) {
            throw new EmbeddedDatabaseException("Bolt port " + properties.boltAddress() + ":" + port
                    + " is already in use, probably by another instance of Pangea Graph or a Neo4j server.",
                    "Stop the other process, or set pangea.embedded.bolt-port to a free port"
                            + " (or point spring.neo4j.uri at the running server).");
        }
        DatabaseManagementService service;
        BoltPassword password;
        try {
            Files.createDirectories(store);
            password = authEnabled ? BoltPassword.keptBeside(store) : null;
            service = new DatabaseManagementServiceBuilder(store)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(properties.boltAddress(), port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, authEnabled)
                .setConfig(GraphDatabaseSettings.load_csv_file_url_root,
                        properties.importDirectory().toAbsolutePath().normalize())
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(properties.pageCache()))
                .setConfig(GraphDatabaseSettings.transaction_timeout, properties.transactionTimeout())
                .build();
        }
        catch (IOException | RuntimeException ex) {
            throw translate(ex, store);
        }
        try {
            var db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(60_000)) {
                throw new EmbeddedDatabaseException("The embedded database in " + store + " did not become available.",
                        "See " + store.resolve("logs") + " for Neo4j's own log.");
            }
            var address = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
            AuthToken token = AuthTokens.none();
            if (password != null) {
                password.applyTo(service);
                token = AuthTokens.basic(BoltPassword.USER, password.password());
            }
            return new Running(service, address.getPort(), token);
        }
        catch (RuntimeException ex) {
            service.shutdown();
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
