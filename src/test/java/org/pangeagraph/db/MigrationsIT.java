package org.pangeagraph.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.io.ClassPathResource;

/**
 * The schema history of the test database: every script applied once, recorded with the checksum of its
 * statements; a script whose statements were edited refused, one whose comments were edited accepted, and
 * so is a store that recorded the former checksum of a whole text whose comments alone changed since.
 */
@IntegrationTest
class MigrationsIT {

    private static final String FIRST_SCRIPT = "V001__uniqueness_constraints.cypher";

    /**
     * What stores migrated before comments were left out of checksums recorded for the first script: the
     * checksum of its whole text as it was then, before its first comment line was changed.
     */
    private static final String FIRST_SCRIPT_FORMER_CHECKSUM = "a5ac237e7754ad241e4ac1a8b856bebe6e2a168fe0dec5373267dd9e5f6a6cd3";

    @Autowired
    TestGraph graph;

    @Test
    void everyScriptWasAppliedOnceAndIsRecordedWithTheChecksumOfItsStatements() throws Exception {
        Migrations migrations = migrations();
        List<Migrations.Migration> available = migrations.available();
        assertThat(available).extracting(Migrations.Migration::fileName)
            .contains(FIRST_SCRIPT, "V002__indexes.cypher", "V003__fulltext_search.cypher");

        List<String> recorded = this.graph.read("MATCH (m:SchemaMigration) RETURN m.version AS version, m.script AS script,"
                + " m.checksum AS checksum, m.appliedAt IS NOT NULL AS applied ORDER BY version", Map.of()).stream()
            .map(r -> r.get("version").asInt() + " " + r.get("script").asString() + " " + r.get("checksum").asString() + " "
                    + r.get("applied").asBoolean())
            .toList();
        List<String> expected = available.stream()
            .map(m -> m.version() + " " + m.fileName() + " " + sha256OfScript(m.fileName()) + " true").toList();
        assertThat(recorded).isEqualTo(expected);

        assertThat(migrations.migrate()).isZero();
        assertThat(this.graph.count("MATCH (m:SchemaMigration) RETURN count(m)")).isEqualTo(available.size());
        assertThat(this.graph.read("SHOW CONSTRAINTS YIELD name RETURN name", Map.of()).stream()
            .map(r -> r.get("name").asString())).contains("website_domain", "company_name_key_country", "entity_id");
    }

    @Test
    void aScriptChangedAfterItWasAppliedStopsStartUpNamingTheScript() {
        String checksum = this.graph.read("MATCH (m:SchemaMigration {version: 1}) RETURN m.checksum AS c", Map.of()).get(0)
            .get("c").asString();
        this.graph.write("MATCH (m:SchemaMigration {version: 1}) SET m.checksum = 'an-older-text'", Map.of());
        try {
            assertThatThrownBy(() -> migrations().migrate()).isInstanceOfSatisfying(Migrations.MigrationException.class,
                    ex -> {
                        assertThat(ex.getMessage()).contains(FIRST_SCRIPT, "changed after it had been applied");
                        assertThat(ex.action()).contains(FIRST_SCRIPT, "new script");
                        FailureAnalysis analysis = new StartupFailureAnalyzer()
                            .analyze(new BeanCreationException("databaseInitializer", "Initialization failed", ex));
                        assertThat(analysis.getDescription()).contains(FIRST_SCRIPT);
                        assertThat(analysis.getAction()).isEqualTo(ex.action());
                    });
        }
        finally {
            this.graph.write("MATCH (m:SchemaMigration {version: 1}) SET m.checksum = $c", Map.of("c", checksum));
        }
        assertThat(migrations().migrate()).isZero();
    }

    @Test
    void aStoreThatRecordedTheFormerWholeTextOfTheFirstScriptStartsWithItsCommentChanged() {
        String checksum = recordedChecksum();
        this.graph.write("MATCH (m:SchemaMigration {version: 1}) SET m.checksum = $c", Map.of("c", FIRST_SCRIPT_FORMER_CHECKSUM));
        try {
            assertThat(migrations().migrate()).isZero();
            // Recorded again with the checksum of its statements, which later comment changes leave as it is.
            assertThat(recordedChecksum()).isEqualTo(sha256OfScript(FIRST_SCRIPT));
            assertThat(migrations().migrate()).isZero();
        }
        finally {
            this.graph.write("MATCH (m:SchemaMigration {version: 1}) SET m.checksum = $c", Map.of("c", checksum));
        }
    }

    @Test
    void aStoreThatRecordedTheWholeTextOfAnUnchangedScriptStartsAndRecordsItsStatements() throws IOException {
        String checksum = this.graph.read("MATCH (m:SchemaMigration {version: 2}) RETURN m.checksum AS c", Map.of()).get(0)
            .get("c").asString();
        String wholeText = sha256(new ClassPathResource("cypher/schema/V002__indexes.cypher").getContentAsString(StandardCharsets.UTF_8)
            .replace("\r\n", "\n"));
        this.graph.write("MATCH (m:SchemaMigration {version: 2}) SET m.checksum = $c", Map.of("c", wholeText));
        try {
            assertThat(migrations().migrate()).isZero();
            assertThat(this.graph.read("MATCH (m:SchemaMigration {version: 2}) RETURN m.checksum AS c, m.formerChecksum AS f",
                    Map.of()).get(0).asMap()).containsEntry("c", sha256OfScript("V002__indexes.cypher")).containsEntry("f", wholeText);
        }
        finally {
            this.graph.write("MATCH (m:SchemaMigration {version: 2}) SET m.checksum = $c", Map.of("c", checksum));
        }
    }

    @Test
    void aStatementChangedAfterItWasAppliedStopsStartUpNamingTheScriptEvenOnAStoreOfTheFormerText(@TempDir Path dir)
            throws IOException {
        Path scripts = copyOfTheScripts(dir);
        Path first = scripts.resolve(FIRST_SCRIPT);
        Files.writeString(first, Files.readString(first).replace("REQUIRE n.domain IS UNIQUE", "REQUIRE n.domain IS NOT NULL"));
        Migrations edited = new Migrations(this.graph.db(), "file:" + scripts);

        assertThatThrownBy(edited::migrate).isInstanceOfSatisfying(Migrations.MigrationException.class,
                ex -> assertThat(ex.getMessage()).contains(FIRST_SCRIPT, "changed after it had been applied"));

        String checksum = recordedChecksum();
        this.graph.write("MATCH (m:SchemaMigration {version: 1}) SET m.checksum = $c", Map.of("c", FIRST_SCRIPT_FORMER_CHECKSUM));
        try {
            // The former checksum stands for the former statements only.
            assertThatThrownBy(edited::migrate).isInstanceOfSatisfying(Migrations.MigrationException.class,
                    ex -> assertThat(ex.getMessage()).contains(FIRST_SCRIPT, "changed after it had been applied"));
            assertThat(recordedChecksum()).isEqualTo(FIRST_SCRIPT_FORMER_CHECKSUM);
        }
        finally {
            this.graph.write("MATCH (m:SchemaMigration {version: 1}) SET m.checksum = $c", Map.of("c", checksum));
        }
    }

    @Test
    void aCommentChangedAfterItWasAppliedIsNoChange(@TempDir Path dir) throws IOException {
        String checksum = recordedChecksum();
        Path scripts = copyOfTheScripts(dir);
        Path first = scripts.resolve(FIRST_SCRIPT);
        String text = Files.readString(first);
        Files.writeString(first, "// A comment line more, and the first one reworded:\n"
                + text.replaceFirst("^// [^\n]*", "//   the natural keys of every kind   ").replace("\nCREATE CONSTRAINT country_code",
                        "\n\n    // The country, by its ISO code.\nCREATE CONSTRAINT country_code"));
        assertThat(Files.readString(first)).isNotEqualTo(text);

        assertThat(new Migrations(this.graph.db(), "file:" + scripts).migrate()).isZero();
        assertThat(recordedChecksum()).isEqualTo(checksum);
    }

    private String recordedChecksum() {
        return this.graph.read("MATCH (m:SchemaMigration {version: 1}) RETURN m.checksum AS c", Map.of()).get(0).get("c").asString();
    }

    /** The schema scripts copied into {@code dir}, to be edited there. */
    private static Path copyOfTheScripts(Path dir) throws IOException {
        Path scripts = dir.resolve("schema");
        Files.createDirectories(scripts);
        try (Stream<Path> files = Files.list(Path.of("cypher/schema"))) {
            for (Path file : files.toList()) {
                Files.copy(file, scripts.resolve(file.getFileName()));
            }
        }
        return scripts;
    }

    private Migrations migrations() {
        return new Migrations(this.graph.db(), "classpath:cypher/schema");
    }

    /**
     * The checksum computed here from the script file, not by the class under test: of its lines that are
     * neither blank nor {@code //} comments, without trailing blanks, each ended by a line break.
     */
    private static String sha256OfScript(String fileName) {
        try {
            String statements = new ClassPathResource("cypher/schema/" + fileName).getContentAsString(StandardCharsets.UTF_8)
                .lines().map(String::stripTrailing).filter(line -> !line.isBlank() && !line.strip().startsWith("//"))
                .map(line -> line + "\n").collect(Collectors.joining());
            return sha256(statements);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
