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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Applies the schema scripts of {@code cypher/schema/} ({@code V001__description.cypher}, ...) in
 * order, each once, and records each in the graph as a {@code SchemaMigration} node with the
 * checksum of its text. A script that was applied and later edited stops start-up, naming the
 * script: schema history is append-only. The scripts use {@code IF NOT EXISTS} throughout, so the
 * same files also run unchanged with cypher-shell.
 */
public final class Migrations {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private static final Pattern NAME = Pattern.compile("V(\\d+)__(.+)\\.cypher");

    private final GraphDb db;

    private final String location;

    public Migrations(GraphDb db, String location) {
        this.db = db;
        this.location = location;
    }

    /** A script of the schema history. */
    public record Migration(int version, String description, String fileName, String text, String checksum) {
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
     * @throws MigrationException when an applied script's text has changed since
     */
    public int migrate() {
        int applied = 0;
        for (Migration migration : available()) {
            List<String> recorded = this.db.query(
                    "MATCH (m:SchemaMigration {version: $version}) RETURN m.checksum AS checksum",
                    Map.of("version", migration.version()), r -> r.get("checksum").asString());
            if (!recorded.isEmpty()) {
                if (!recorded.get(0).equals(migration.checksum())) {
                    throw new MigrationException("The schema script " + migration.fileName()
                            + " was changed after it had been applied to this database (checksum "
                            + recorded.get(0) + " recorded, " + migration.checksum() + " now).",
                            "Restore " + migration.fileName() + " as it was and put the change in a new script with the next"
                                    + " version number (V" + String.format("%03d", available().size() + 1) + "__...).");
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
            return new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), fileName, text, sha256(text));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
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
