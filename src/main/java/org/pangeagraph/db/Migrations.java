package org.pangeagraph.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Applies the schema scripts of {@code cypher/schema/} ({@code V001__description.cypher}, ...) in
 * order, each once, and records each in the graph as a {@code SchemaMigration} node with the
 * checksum of its statements: of the script's lines that are neither blank nor {@code //} comments,
 * trailing blanks cut. A script whose statements were changed after it was applied stops start-up,
 * naming the script: schema history is append-only. Its comments may be reworded. The scripts use
 * {@code IF NOT EXISTS} throughout, so the same files also run unchanged with cypher-shell.
 *
 * <p>Stores migrated before comments were left out recorded the checksum of each script's whole text.
 * Such a record is accepted when it is the checksum of the script's whole text as it is now, or one of
 * the {@link #FORMER former checksums} listed here for a script whose comments alone changed since; the
 * record is then written again with the checksum of the statements, so that a store starts once under the
 * old rule and from then on under the new one.
 */
public final class Migrations {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.cypher");

    /**
     * Whole-text checksums that stores recorded before comments were left out, of scripts whose comments
     * have changed since: by version, each with the checksum of the statements the former text had, so that
     * it stands for those statements only.
     */
    static final Map<Integer, Former> FORMER = Map.of(
            // V001 cited a document outside the repository in its first comment line.
            1, new Former("a5ac237e7754ad241e4ac1a8b856bebe6e2a168fe0dec5373267dd9e5f6a6cd3",
                    "6b9ec7c123f90886f740d7564700dd0eebb25d46b7eaea0fe72990f23f5b7e53"));

    /** A former whole-text checksum of a script, and the checksum of its statements then. */
    record Former(String wholeText, String statements) {
    }

    private final GraphDb db;

    private final String location;

    public Migrations(GraphDb db, String location) {
        this.db = db;
        this.location = location;
    }

    /**
     * A script of the schema history.
     *
     * @param checksum the checksum of its statements, which is recorded
     * @param wholeTextChecksum the checksum of its whole text, which stores recorded before comments were
     * left out
     */
    public record Migration(int version, String description, String fileName, String text, String checksum,
            String wholeTextChecksum) {

        /** Whether a store that recorded {@code recorded} applied this script's statements as they are. */
        boolean recordedAs(String recorded) {
            Former former = FORMER.get(this.version);
            return recorded.equals(this.checksum) || recorded.equals(this.wholeTextChecksum)
                    || (former != null && recorded.equals(former.wholeText()) && this.checksum.equals(former.statements()));
        }

    }

    /** The scripts at the configured location, in version order. */
    public List<Migration> available() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(this.location + "/V*.cypher");
            return Arrays.stream(resources).map(Migrations::read).sorted(Comparator.comparingInt(Migration::version)).toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Applies the scripts not applied yet.
     *
     * @return how many were applied now
     * @throws MigrationException when an applied script's statements have changed since
     */
    public int migrate() {
        int applied = 0;
        for (Migration migration : available()) {
            List<String> recorded = this.db.query(
                    "MATCH (m:SchemaMigration {version: $version}) RETURN m.checksum AS checksum",
                    Map.of("version", migration.version()), r -> r.get("checksum").asString());
            if (!recorded.isEmpty()) {
                if (!migration.recordedAs(recorded.get(0))) {
                    throw new MigrationException("The schema script " + migration.fileName()
                            + " was changed after it had been applied to this database (checksum "
                            + recorded.get(0) + " recorded, " + migration.checksum() + " now).",
                            "Restore the statements of " + migration.fileName() + " as they were (its // comments may change) and put"
                                    + " the change in a new script with the next version number (V" + String.format("%03d", available().size() + 1) + "__...).");
                }
                if (!recorded.get(0).equals(migration.checksum())) {
                    log.info("Recording schema script {} with the checksum of its statements (was of its whole text)",
                            migration.fileName());
                    this.db.write(tx -> tx.run("""
                            MATCH (m:SchemaMigration {version: $version})
                            SET m.checksum = $checksum, m.formerChecksum = $former
                            """, Map.of("version", migration.version(), "checksum", migration.checksum(), "former", recorded.get(0))));
                }
                continue;
            }
            log.info("Applying schema script {}", migration.fileName());
            for (CypherScript.Item item : CypherScript.parse(migration.fileName(), migration.text()).items()) {
                if (item instanceof CypherScript.Statement statement) {
                    this.db.autoCommit(statement.text(), Map.of(), Duration.ofMinutes(30));
                }
            }
            this.db.write(tx -> tx.run("""
                    MERGE (m:SchemaMigration {version: $version})
                    SET m.description = $description, m.script = $script, m.checksum = $checksum,
                        m.appliedAt = datetime()
                    """, Map.of("version", migration.version(), "description", migration.description(),
                    "script", migration.fileName(), "checksum", migration.checksum())));
            applied++;
        }
        return applied;
    }

    private static Migration read(Resource resource) {
        String fileName = resource.getFilename();
        Matcher m = NAME.matcher(fileName == null ? "" : fileName);
        if (!m.matches()) {
            throw new MigrationException("The schema script " + fileName + " is not named V<number>__<description>.cypher.",
                    "Rename it, e.g. V004__website_indexes.cypher.");
        }
        try {
            String text = new String(resource.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            return new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), fileName, text, sha256(statements(text)),
                    sha256(text));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The lines of {@code text} that are neither blank nor {@code //} comments, trailing blanks cut, each ended by a line break. */
    static String statements(String text) {
        return text.lines().map(String::stripTrailing).filter(line -> !line.isBlank() && !line.strip().startsWith("//"))
            .map(line -> line + "\n").collect(Collectors.joining());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The schema history and the scripts disagree. Reported at start-up without a stack trace. */
    public static class MigrationException extends RuntimeException {

        private final String action;

        public MigrationException(String description, String action) {
            super(description);
            this.action = action;
        }

        public String action() {
            return this.action;
        }

    }

}
