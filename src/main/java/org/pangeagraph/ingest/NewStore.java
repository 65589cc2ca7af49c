package org.pangeagraph.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.neo4j.commandline.dbms.CannotWriteException;
import org.neo4j.commandline.dbms.LockChecker;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.locker.FileLockException;
import org.neo4j.io.layout.Neo4jLayout;

/**
 * The embedded store a first load writes: a directory holding no database yet (it may not exist, or
 * hold only what the application keeps beside a store, such as the Bolt password). Knows what was in
 * it before the load, so that a load that fails leaves it as it was.
 */
final class NewStore {

    private final Path directory;

    /** Every path under the directory before the load. */
    private final Set<Path> before;

    private NewStore(Path directory, Set<Path> before) {
        this.directory = directory;
        this.before = before;
    }

    /** The store is in use or holds a database already; nothing was touched. */
    static final class RefusedException extends Exception {

        private final ExitCode exit;

        RefusedException(String message, ExitCode exit) {
            super(message, null, false, false);
            this.exit = exit;
        }

        ExitCode exit() {
            return this.exit;
        }

    }

    /**
     * Checks, without writing anything, that no process has the store open and that it holds no
     * database, and notes what it holds.
     *
     * @throws RefusedException when it is in use ({@link ExitCode#DATABASE_UNREACHABLE}) or not new
     * ({@link ExitCode#STORE_NOT_EMPTY})
     */
    static NewStore check(Path directory) throws RefusedException, IOException {
        Path store = directory.toAbsolutePath().normalize();
        if (Files.exists(store) && !Files.isDirectory(store)) {
            throw new RefusedException("The store " + store + " is a file, not a directory; nothing was loaded.", ExitCode.USAGE);
        }
        Neo4jLayout layout = Neo4jLayout.of(store);
        DatabaseLayout database = layout.databaseLayout(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        // Checked only where a lock file is: taking a lock creates its file, and a refusal writes nothing.
        refuseLocked(layout.storeLockFile(), () -> LockChecker.checkDbmsLock(layout), store);
        refuseLocked(database.databaseLockFile(), () -> LockChecker.checkDatabaseLock(database), store);
        if (holdsFiles(database.databaseDirectory()) || holdsFiles(database.getTransactionLogsDirectory())) {
            throw new RefusedException("The store " + store + " holds a database already: --new-store loads only into a new store,"
                    + " and nothing was loaded. Import scripts into it (import FILE...), or name a new directory with"
                    + " --pangea.embedded.store-directory=DIR.", ExitCode.STORE_NOT_EMPTY);
        }
        return new NewStore(store, Files.exists(store) ? all(store) : Set.of());
    }

    private interface Lock {

        Closeable take() throws CannotWriteException, IOException;

    }

    private static void refuseLocked(Path lockFile, Lock lock, Path store) throws RefusedException, IOException {
        if (!Files.exists(lockFile)) {
            return;
        }
        try (Closeable taken = lock.take()) {
            // Free: released at once; the importer takes its own.
        }
        catch (CannotWriteException | FileLockException ex) {
            // FileLockException: the lock is held in this process (a test running the application beside the command).
            throw new RefusedException("The store " + store + " is in use by another process (the application, or a Neo4j server"
                    + " on the same files): stop it first; nothing was loaded.", ExitCode.DATABASE_UNREACHABLE);
        }
    }

    private static boolean holdsFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.findAny().isPresent();
        }
    }

    private static Set<Path> all(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.collect(Collectors.toSet());
        }
    }

    Path directory() {
        return this.directory;
    }

    /** Deletes what the load added to the directory (all of it if the load made it): the store is as it was. */
    void removeWhatTheLoadWrote() throws IOException {
        if (!Files.exists(this.directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(this.directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!this.before.contains(path)) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

}
