package org.pangeagraph.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;

/**
 * The password of the embedded database's {@code neo4j} user, when its Bolt port requires one: made
 * at random on the first start, kept beside the store in a file only its owner may read, and given
 * to the database through the system database. Whoever may read the store's files may read the
 * password; whoever may not, may not connect either, although the port is open to every local user.
 */
public final class BoltPassword {

    /** The database user the application connects as. */
    public static final String USER = "neo4j";

    /** The file in the store directory that holds the password. */
    public static final String FILE = "bolt-password";

    private static final int RANDOM_BYTES = 32;

    private final String password;

    private final boolean made;

    private BoltPassword(String password, boolean made) {
        this.password = password;
        this.made = made;
    }

    /** The password kept beside {@code store}, made and kept now if there is none yet. */
    static BoltPassword keptBeside(Path store) throws IOException {
        Path file = store.resolve(FILE);
        Optional<String> kept = read(store);
        if (kept.isPresent()) {
            return new BoltPassword(kept.get(), false);
        }
        byte[] random = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            // Created unreadable to others from the start, not restricted after being written.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        }
        else {
            Files.createFile(file);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        }
        Files.writeString(file, password, StandardCharsets.UTF_8);
        return new BoltPassword(password, true);
    }

    /**
     * The password kept beside {@code store}, for a client of a running embedded database such as the
     * import command; empty when there is no such file.
     *
     * @throws IOException when the file exists but cannot be read, as by a user other than its owner
     */
    public static Optional<String> read(Path store) throws IOException {
        Path file = store.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip());
    }

    String password() {
        return this.password;
    }

    /**
     * Makes the {@code neo4j} user sign in with this password. Statements of the embedded API run
     * without authentication, so the system database takes them from the application itself. A user
     * still waiting for its first password change (a new store, or one run without authentication so
     * far) gets it; so does every user when the password is new, say after its file was deleted.
     */
    void applyTo(DatabaseManagementService service) {
        var system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        Boolean changeRequired = system.executeTransactionally(
                "SHOW USERS YIELD user, passwordChangeRequired WHERE user = $user RETURN passwordChangeRequired",
                Map.of("user", USER), result -> result.hasNext() ? (Boolean) result.next().get("passwordChangeRequired") : null);
        if (changeRequired == null) {
            system.executeTransactionally("CREATE USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", this.password));
        }
        else if (changeRequired || this.made) {
            system.executeTransactionally("ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", this.password));
        }
    }

}
