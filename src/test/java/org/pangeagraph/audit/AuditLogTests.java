package org.pangeagraph.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTests {

    private static final Instant T0 = Instant.parse("2009-11-16T09:00:00Z");

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(T0);

    @Test
    void eachRecordCarriesTheHashOfTheOneBeforeItAcrossFiles() {
        AuditLog log = new AuditLog(this.directory, 1_000, Duration.ofDays(365), this.clock);
        List<AuditLog.Appended> written = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            this.clock.advance(Duration.ofSeconds(1));
            written.add(log.append(event("user-" + i), true));
        }

        List<Path> files = log.files();
        assertThat(files).hasSizeGreaterThan(3);
        assertThat(files).allMatch(file -> sizeOf(file) <= 1_000);
        List<AuditLine.Parsed> records = files.stream().flatMap(f -> AuditLog.lines(f).stream()).map(AuditLine::read).toList();
        assertThat(records).hasSize(12);
        assertThat(records.get(0).previousHash()).isEqualTo(AuditLine.GENESIS);
        for (int i = 1; i < records.size(); i++) {
            assertThat(records.get(i).previousHash()).isEqualTo(records.get(i - 1).hash());
            assertThat(records.get(i).fields()).containsEntry("user", "user-" + i);
        }
        assertThat(written.get(11).hash()).isEqualTo(records.get(11).hash());
        assertThat(written.get(11).file()).isEqualTo(files.get(files.size() - 1));
        assertThat(ChainVerification.verify(files).intact()).isTrue();
    }

    @Test
    void theLogIsReadableByItsOwnerOnlyWhetherItIsNewOrWasWrittenLooser() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "a POSIX file system");
        Path fresh = this.directory.resolve("fresh").resolve("audit");
        AuditLog log = new AuditLog(fresh, 1_000, Duration.ofDays(365), this.clock);
        for (int i = 0; i < 6; i++) {
            this.clock.advance(Duration.ofSeconds(1));
            log.append(event("user-" + i), true);
        }
        log.close();

        assertThat(log.files()).hasSizeGreaterThan(1);
        assertThat(Files.getPosixFilePermissions(fresh)).containsExactlyInAnyOrderElementsOf(OWNER_DIRECTORY);
        try (var entries = Files.list(fresh)) {
            assertThat(entries.toList()).hasSizeGreaterThan(2).allSatisfy(file -> assertThat(Files.getPosixFilePermissions(file))
                .as(file.toString()).containsExactlyInAnyOrderElementsOf(OWNER_FILE));
        }

        Path older = this.directory.resolve("older");
        Files.createDirectory(older, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path written = older.resolve("audit-20091116T085900000Z.jsonl");
        Files.createFile(written, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        AuditLog reopened = new AuditLog(older, 1_000, Duration.ofDays(365), this.clock);
        reopened.append(event("after-upgrade"), true);
        reopened.close();

        assertThat(Files.getPosixFilePermissions(older)).containsExactlyInAnyOrderElementsOf(OWNER_DIRECTORY);
        assertThat(Files.getPosixFilePermissions(written)).containsExactlyInAnyOrderElementsOf(OWNER_FILE);
    }

    private static final Set<PosixFilePermission> OWNER_DIRECTORY = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private static final Set<PosixFilePermission> OWNER_FILE = Set.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    @Test
    void aRecordChangedAfterItWasWrittenIsNamedByFileLineAndTime() throws IOException {
        AuditLog log = new AuditLog(this.directory, 2_000, Duration.ofDays(365), this.clock);
        for (int i = 0; i < 12; i++) {
            this.clock.advance(Duration.ofMinutes(1));
            log.append(event("user-" + i), true);
        }
        Path file = log.files().get(1);
        List<String> lines = new ArrayList<>(AuditLog.lines(file));
        String time = AuditLine.read(lines.get(1)).time();
        lines.set(1, lines.get(1).replaceFirst("\"user\":\"user-[0-9]+\"", "\"user\":\"someone-else\""));
        Files.writeString(file, String.join("\n", lines) + "\n");

        Run run = verify(this.directory.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("BROKEN: " + file + ":2 (record time " + time + "): its content does not match its hash");
    }

    @Test
    void aRecordRemovedIsFoundAtTheRecordAfterIt() throws IOException {
        AuditLog log = new AuditLog(this.directory, 100_000, Duration.ofDays(365), this.clock);
        for (int i = 0; i < 5; i++) {
            log.append(event("user-" + i), true);
        }
        Path file = log.files().get(0);
        List<String> lines = new ArrayList<>(AuditLog.lines(file));
        lines.remove(2);
        Files.writeString(file, String.join("\n", lines) + "\n");

        ChainVerification.Result result = ChainVerification.verify(log.files());

        assertThat(result.intact()).isFalse();
        assertThat(result.broken().line()).isEqualTo(3);
        assertThat(result.broken().problem()).startsWith("it does not follow the record before it");
        assertThat(result.records()).isEqualTo(2);
    }

    @Test
    void filesOlderThanTheRetentionAreDeletedAndTheChainIsCheckedFromTheOldestKept() {
        AuditLog log = new AuditLog(this.directory, 1, Duration.ofDays(365), this.clock);
        for (int i = 0; i < 3; i++) {
            this.clock.advance(Duration.ofDays(1));
            log.append(event("user-" + i), true);
        }
        assertThat(log.files()).hasSize(3);

        this.clock.advance(Duration.ofDays(366));
        log.append(event("a year later"), true);

        List<Path> kept = log.files();
        assertThat(kept).hasSize(2);
        assertThat(AuditLine.read(AuditLog.lines(kept.get(0)).get(0)).fields()).containsEntry("user", "user-2");
        ChainVerification.Result result = ChainVerification.verify(kept);
        assertThat(result.intact()).isTrue();
        assertThat(result.startsAfterRetention()).isTrue();
        assertThat(verify(this.directory.toString()).out()).startsWith("The chain starts at a record whose predecessor is no longer kept");
    }

    @Test
    void aWriteInterruptedByACrashIsCutOffAndTheChainGoesOn() throws IOException {
        AuditLog log = new AuditLog(this.directory, 100_000, Duration.ofDays(365), this.clock);
        log.append(event("before"), true);
        Path file = log.files().get(0);
        Files.writeString(file, "{\"time\":\"2009-11-16T09:00:00Z\",\"user\":\"half", StandardOpenOption.APPEND);
        assertThat(verify(this.directory.toString()).exit()).isEqualTo(1);

        new AuditLog(this.directory, 100_000, Duration.ofDays(365), this.clock).append(event("after"), true);

        assertThat(AuditLog.lines(file)).hasSize(2);
        Run run = verify(this.directory.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Intact: 2 records in 1 files");
    }

    @Test
    void concurrentDurableAppendsKeepOneChainWithEveryRecord() throws Exception {
        AuditLog log = new AuditLog(this.directory, 4_000, Duration.ofDays(365), this.clock);
        int threads = 8;
        int each = 40;
        List<Thread> writers = new ArrayList<>();
        List<AuditLog.Appended> written = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            int writer = t;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    written.add(log.append(event("writer-" + writer + "-" + i), true));
                }
            });
            thread.start();
            writers.add(thread);
        }
        for (Thread writer : writers) {
            writer.join();
        }

        List<Path> files = log.files();
        List<AuditLine.Parsed> records = files.stream().flatMap(f -> AuditLog.lines(f).stream()).map(AuditLine::read).toList();
        assertThat(records).hasSize(threads * each);
        assertThat(records.stream().map(r -> r.hash())).containsExactlyInAnyOrderElementsOf(written.stream().map(AuditLog.Appended::hash).toList());
        assertThat(ChainVerification.verify(files).intact()).isTrue();
        assertThat(files).hasSizeGreaterThan(1);
    }

    @Test
    void anotherWriterAppendingOrStartingANewFileIsChainedTo() throws IOException {
        AuditLog mine = new AuditLog(this.directory, 100_000, Duration.ofDays(365), this.clock);
        AuditLog other = new AuditLog(this.directory, 1, Duration.ofDays(365), this.clock);
        mine.append(event("first"), true);
        // The directory as this writer listed it long ago: from then on it trusts the listing.
        Files.setLastModifiedTime(this.directory, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        mine.append(event("second"), true);
        mine.append(event("third"), true);

        this.clock.advance(Duration.ofSeconds(1));
        other.append(event("other, in a file of its own"), true);
        mine.append(event("fourth"), true);

        List<Path> files = mine.files();
        assertThat(files).hasSize(2);
        assertThat(AuditLog.lines(files.get(1))).hasSize(2);
        assertThat(AuditLine.read(AuditLog.lines(files.get(1)).get(1)).fields()).containsEntry("user", "fourth");
        assertThat(ChainVerification.verify(files).intact()).isTrue();

        other.append(event("other again, a new file"), true);
        mine.append(event("fifth"), true);
        assertThat(ChainVerification.verify(mine.files()).intact()).isTrue();
        assertThat(ChainVerification.verify(mine.files()).records()).isEqualTo(7);
    }

    @Test
    void aDirectoryRemovedUnderTheLogIsMadeAgainAndANewChainStarts() throws IOException {
        Path audit = this.directory.resolve("audit");
        AuditLog log = new AuditLog(audit, 100_000, Duration.ofDays(365), this.clock);
        log.append(event("before"), true);
        for (Path file : log.files()) {
            Files.delete(file);
        }
        Files.deleteIfExists(audit.resolve(".lock"));
        Files.delete(audit);

        log.append(event("after"), true);

        assertThat(log.files()).singleElement().satisfies(file -> {
            assertThat(AuditLog.lines(file)).hasSize(1);
            assertThat(AuditLine.read(AuditLog.lines(file).get(0)).previousHash()).isEqualTo(AuditLine.GENESIS);
        });
    }

    @Test
    void theCommandTellsItsUsage() {
        assertThat(run().exit()).isEqualTo(2);
        assertThat(run("verify", this.directory.resolve("missing").toString()).err()).contains("no such directory");
        assertThat(run("check").exit()).isEqualTo(2);
        assertThat(run("verify", this.directory.toString()).out()).startsWith("Intact: 0 records in 0 files");
    }

    private static AuditEvent event(String user) {
        return new AuditEvent(T0, user, List.of("ADMIN"), "192.0.2.7", "QUERY", "website", "ab".repeat(32),
                Map.of("domain", "shop.example"), "CASE-1 review", Set.of("CASE-1"), List.of("id-1", "id-2"),
                AuditEvent.Outcome.OK, List.of(), 12, Map.of());
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run verify(String... directory) {
        List<String> args = new ArrayList<>(List.of("verify"));
        args.addAll(List.of(directory));
        return run(args.toArray(String[]::new));
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AuditCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            this.now = this.now.plus(duration);
        }

        @Override
        public Instant instant() {
            return this.now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

    }

}
