package org.pangeagraph.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only, hash-chained audit log: JSON lines in files named by the instant they were started
 * ({@code audit-20250102T030405678Z.jsonl}), each record carrying the hash of the one before it, across
 * files too. A record is written, and forced to disk when durable, before {@link #append} returns.
 *
 * <p>The server and the import command may append to the same directory at once: every append holds
 * a lock file in the directory, and checks under it that the chain's end is where this instance left
 * it (the same file, of the size it wrote) before chaining to it; otherwise it reads the end again.
 *
 * <p>Appending costs little on the request path: the lock file and the current file stay open, the
 * directory is listed again only when it may have changed (its modification time, once settled), and
 * concurrent durable appends share one force to disk (group commit): records are chained and written
 * in order under the lock, and forced after it, each waiting until a force that began after its write
 * has ended.
 *
 * <p>Only the owner may read it: the directory is 700 and the files 600 on POSIX file systems
 * ({@link OwnerOnly}).
 */
public final class AuditLog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
        .withZone(ZoneOffset.UTC);

    private static final String PREFIX = "audit-";

    private static final String SUFFIX = ".jsonl";

    /** One lock per directory and JVM: file locks exclude other processes, not other threads. */
    private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private static final Duration RETENTION_CHECK = Duration.ofHours(1);

    /**
     * How long after a listing the directory's modification time is trusted to show any later change:
     * file systems with coarse timestamps could give a change made just after the listing the same time.
     */
    private static final long SETTLED_MILLIS = 2_000;

    private final Path directory;

    private final long rotateBytes;

    private final Duration retention;

    private final Clock clock;

    private final ReentrantLock lock;

    /** Held by the one thread forcing the current file to disk; the others wait for it, then see if that was enough. */
    private final ReentrantLock forcing = new ReentrantLock();

    private Instant lastRetentionCheck = Instant.MIN;

    /** Where this instance's last append ended, so that the next need not read the file again. */
    private Position last;

    /** The directory's modification time when it was last listed, once settled; null when not to be trusted. */
    private FileTime listedDirectory;

    private FileChannel lockFile;

    private FileChannel appending;

    /** Records written by this instance, and the last of them known to be on disk. */
    private long written;

    private volatile long forced;

    public AuditLog(Path directory, long rotateBytes, Duration retention, Clock clock) {
        this.directory = directory.toAbsolutePath().normalize();
        this.rotateBytes = rotateBytes;
        this.retention = retention;
        this.clock = clock;
        this.lock = LOCKS.computeIfAbsent(this.directory, d -> new ReentrantLock());
    }

    public static AuditLog of(AuditProperties properties) {
        return new AuditLog(properties.directory(), properties.rotateSize().toBytes(), properties.retention(), Clock.systemUTC());
    }

    public Path directory() {
        return this.directory;
    }

    /** Where a record was written. */
    public record Appended(Path file, long line, String hash) {
    }

    /**
     * Chains {@code event} to the last record and appends it.
     *
     * @param durable whether to force it to disk before returning; records of requests that disclosed
     * nothing may skip it, the next durable record forcing them too
     * @throws UncheckedIOException if it cannot be written: the caller must not answer as if it were
     */
    public Appended append(AuditEvent event, boolean durable) {
        Appended appended;
        long sequence;
        this.lock.lock();
        try {
            try (FileLock held = lockFile().lock()) {
                appended = appendLocked(event);
                sequence = ++this.written;
            }
        }
        catch (IOException ex) {
            closeQuietly();
            throw new UncheckedIOException("Cannot write the audit log in " + this.directory, ex);
        }
        finally {
            this.lock.unlock();
        }
        if (durable) {
            force(sequence);
        }
        return appended;
    }

    /**
     * Returns once record {@code sequence} is on disk: at once if a force that began after it was written
     * has ended; else forces the current file, or waits for the force under way and looks again. A file
     * closed since the record was written (a new file started, the log closed) was forced as it closed.
     */
    private void force(long sequence) {
        this.forcing.lock();
        try {
            if (this.forced >= sequence) {
                return;
            }
            long upTo;
            FileChannel channel;
            this.lock.lock();
            try {
                upTo = this.written;
                channel = this.appending;
            }
            finally {
                this.lock.unlock();
            }
            if (channel != null) {
                channel.force(false);
                this.forced = Math.max(this.forced, upTo);
            }
        }
        catch (ClosedChannelException ex) {
            // Closed after it was read: closing forced it.
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot force the audit log in " + this.directory + " to disk", ex);
        }
        finally {
            this.forcing.unlock();
        }
        if (this.forced < sequence) {
            throw new UncheckedIOException(new IOException("The audit log's file in " + this.directory
                    + " was closed before its last records were forced to disk"));
        }
    }

    private FileChannel lockFile() throws IOException {
        if (this.lockFile == null || !this.lockFile.isOpen() || !Files.isDirectory(this.directory)) {
            // First append, or the directory was removed under the log: start again from what is on disk.
            if (this.lockFile != null) {
                this.lockFile.close();
            }
            this.last = null;
            OwnerOnly.directory(this.directory);
            this.lockFile = FileChannel.open(this.directory.resolve(".lock"),
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), OwnerOnly.file());
        }
        return this.lockFile;
    }

    private Appended appendLocked(AuditEvent event) throws IOException {
        Position end = currentEnd();
        Path file = end.file();
        String previous = end.hash();
        long lines = end.lines();
        long size = end.size();
        AuditLine.Written written = AuditLine.write(event, previous);
        byte[] bytes = (written.line() + "\n").getBytes(StandardCharsets.UTF_8);
        boolean rotated = false;
        if (file == null || (size > 0 && size + bytes.length > this.rotateBytes)) {
            file = newFile(file);
            lines = 0;
            size = 0;
            rotated = true;
        }
        FileChannel channel = channelFor(file);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        if (rotated) {
            channel.force(false);
            forceDirectory();
            this.listedDirectory = null;
        }
        this.last = new Position(file, size + bytes.length, lines + 1, written.hash());
        if (rotated || this.lastRetentionCheck.plus(RETENTION_CHECK).isBefore(this.clock.instant())) {
            applyRetention();
        }
        return new Appended(file, lines + 1, written.hash());
    }

    /**
     * Where the chain ends now: where this instance left it, unless the file changed size (another
     * process or instance appended, or an interrupted write was cut off) or a newer file may have
     * appeared; then read from the directory.
     */
    private Position currentEnd() throws IOException {
        if (this.last != null && this.last.file() != null && unchangedSinceListed()) {
            try {
                if (Files.size(this.last.file()) == this.last.size()) {
                    return this.last;
                }
            }
            catch (NoSuchFileException ex) {
                // Deleted under the log (retention by another process, or by hand): read the directory.
            }
        }
        FileTime before = directoryTime();
        long listedAt = System.currentTimeMillis();
        List<Path> files = files();
        Path file = files.isEmpty() ? null : files.get(files.size() - 1);
        Position end = file == null ? new Position(null, 0, 0, AuditLine.GENESIS) : end(file);
        if (end.lines() == 0 && files.size() > 1) {
            end = new Position(file, 0, 0, end(files.get(files.size() - 2)).hash());
        }
        this.listedDirectory = before != null && before.toMillis() < listedAt - SETTLED_MILLIS ? before : null;
        return end;
    }

    private boolean unchangedSinceListed() {
        return this.listedDirectory != null && this.listedDirectory.equals(directoryTime());
    }

    private FileTime directoryTime() {
        try {
            return Files.getLastModifiedTime(this.directory);
        }
        catch (IOException ex) {
            return null;
        }
    }

    /** The open channel appending to {@code file}; the previous one, forced, is closed when the file changes. */
    private FileChannel channelFor(Path file) throws IOException {
        if (this.appending != null && this.appending.isOpen() && this.last != null && file.equals(this.last.file())) {
            return this.appending;
        }
        closeAppending();
        this.appending = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), OwnerOnly.file());
        return this.appending;
    }

    /** Forces what was written to the current file and closes it: every record written so far is then on disk. */
    private void closeAppending() throws IOException {
        if (this.appending != null && this.appending.isOpen()) {
            try {
                this.appending.force(false);
                this.forced = this.written;
            }
            finally {
                this.appending.close();
            }
        }
        this.appending = null;
    }

    /** Forces and closes the open files; a later append opens them again. */
    @Override
    public void close() {
        this.lock.lock();
        try {
            closeAppending();
            if (this.lockFile != null) {
                this.lockFile.close();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot close the audit log in " + this.directory, ex);
        }
        finally {
            this.lockFile = null;
            this.last = null;
            this.lock.unlock();
        }
    }

    private void closeQuietly() {
        try {
            close();
        }
        catch (UncheckedIOException ex) {
            log.warn("Closing the audit log after a failed write failed too: {}", ex.getMessage());
        }
    }

    /** The log's files, oldest first. */
    public List<Path> files() {
        if (!Files.isDirectory(this.directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(this.directory)) {
            return entries.filter(AuditLog::isLogFile).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot list the audit log in " + this.directory, ex);
        }
    }

    static boolean isLogFile(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX) && started(path) != null;
    }

    /** When a file was started, from its name; null if the name is not one of the log's. */
    static Instant started(Path file) {
        String name = file.getFileName().toString();
        try {
            return Instant.from(FILE_TIME.parse(name.substring(PREFIX.length(), name.length() - SUFFIX.length())));
        }
        catch (DateTimeParseException | IndexOutOfBoundsException ex) {
            return null;
        }
    }

    /** Every line of a file, as written (a final line without its newline is an interrupted write). */
    static List<String> lines(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> lines = List.of(text.split("\n", -1));
            return lines.subList(0, lines.size() - 1);
        }
        catch (NoSuchFileException ex) {
            return List.of();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the audit log file " + file, ex);
        }
    }

    private Path newFile(Path last) {
        Instant start = this.clock.instant();
        if (last != null && !start.isAfter(started(last))) {
            start = started(last).plusMillis(1);
        }
        return this.directory.resolve(PREFIX + FILE_TIME.format(start) + SUFFIX);
    }

    /** Where a file ends: its size, its number of records and the hash of its last one. */
    private record Position(Path file, long size, long lines, String hash) {
    }

    private Position end(Path file) throws IOException {
        if (this.last != null && file.equals(this.last.file()) && Files.size(file) == this.last.size()) {
            return this.last;
        }
        Tail tail = tail(file);
        return new Position(file, tail.size(), tail.lines(),
                tail.lastLine() == null ? AuditLine.GENESIS : AuditLine.read(tail.lastLine()).hash());
    }

    /**
     * Deletes the files whose every record is older than the retention: a file's records were all
     * written before the next file was started, and none is younger than its writing.
     */
    private void applyRetention() throws IOException {
        Instant now = this.clock.instant();
        this.lastRetentionCheck = now;
        Instant cutoff = now.minus(this.retention);
        List<Path> files = files();
        for (int i = 0; i + 1 < files.size() && started(files.get(i + 1)).isBefore(cutoff); i++) {
            Files.deleteIfExists(files.get(i));
            log.info("Deleted the audit log file {}: all its records are older than the retention of {}", files.get(i),
                    this.retention);
        }
    }

    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(this.directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
        catch (IOException | UnsupportedOperationException ex) {
            // Not every platform lets a directory be opened; the file itself was forced.
        }
    }

    private record Tail(long size, long lines, String lastLine) {
    }

    /**
     * The size, number of lines and last line of a file. A last line without its newline was being
     * written when the process stopped; it was never acknowledged, and is cut off.
     */
    private Tail tail(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size == 0) {
                return new Tail(0, 0, null);
            }
            if (byteAt(channel, size - 1) != '\n') {
                long end = lastNewlineBefore(channel, size);
                log.warn("The audit log file {} ended in an interrupted write; cut it back to its last whole record", file);
                channel.truncate(end + 1);
                channel.force(true);
                size = end + 1;
                if (size == 0) {
                    return new Tail(0, 0, null);
                }
            }
            long start = lastNewlineBefore(channel, size - 1) + 1;
            ByteBuffer line = ByteBuffer.allocate((int) (size - 1 - start));
            channel.read(line, start);
            return new Tail(size, countLines(file), new String(line.array(), StandardCharsets.UTF_8));
        }
    }

    private static long countLines(Path file) throws IOException {
        long count = 0;
        try (var in = Files.newInputStream(file)) {
            byte[] buffer = new byte[65536];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private static byte byteAt(FileChannel channel, long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        channel.read(one, position);
        return one.get(0);
    }

    /** The position of the last newline before {@code end}, or -1. */
    private static long lastNewlineBefore(FileChannel channel, long end) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(8192);
        long position = end;
        while (position > 0) {
            long from = Math.max(0, position - chunk.capacity());
            chunk.clear().limit((int) (position - from));
            channel.read(chunk, from);
            for (int i = (int) (position - from) - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return from + i;
                }
            }
            position = from;
        }
        return -1;
    }

}
