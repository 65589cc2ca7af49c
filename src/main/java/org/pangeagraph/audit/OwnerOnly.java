package org.pangeagraph.audit;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail is readable by its owner alone, as the embedded database's Bolt password is: on
 * POSIX file systems its directory is 700 and its files 600, created so from the start, and tightened
 * when found looser (a log written by an older version). Elsewhere the platform's defaults apply.
 */
final class OwnerOnly {

    private static final Logger log = LoggerFactory.getLogger(OwnerOnly.class);

    static final Set<PosixFilePermission> DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    static final Set<PosixFilePermission> FILE = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnly() {
    }

    /** The attributes to create a file with: readable and writable by its owner only, where that can be said. */
    static FileAttribute<?>[] file() {
        return POSIX ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(FILE) } : new FileAttribute<?>[0];
    }

    /** Creates the directory (and its parents, as usual) or tightens it, and tightens the files already in it. */
    static void directory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            if (directory.getParent() != null) {
                Files.createDirectories(directory.getParent());
            }
            if (POSIX) {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
            }
            else {
                Files.createDirectory(directory);
            }
        }
        tighten(directory, DIRECTORY);
        try (var entries = Files.list(directory)) {
            for (Path file : (Iterable<Path>) entries::iterator) {
                if (Files.isRegularFile(file)) {
                    tighten(file, FILE);
                }
            }
        }
    }

    private static void tighten(Path path, Set<PosixFilePermission> permissions) {
        if (!POSIX) {
            return;
        }
        try {
            if (!Files.getPosixFilePermissions(path).equals(permissions)) {
                Files.setPosixFilePermissions(path, permissions);
                log.info("Made {} readable by its owner only ({})", path, PosixFilePermissions.toString(permissions));
            }
        }
        catch (IOException ex) {
            log.warn("Could not make {} readable by its owner only: {}", path, ex.getMessage());
        }
    }

}
