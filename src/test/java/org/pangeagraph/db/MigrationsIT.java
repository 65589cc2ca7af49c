package org.pangeagraph.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.io.ClassPathResource;

/** The schema history of the test database: every script applied once, an edited script refused. */
@IntegrationTest
class MigrationsIT {

    private static final String FIRST_SCRIPT = "V001__uniqueness_constraints.cypher";

    @Autowired
    TestGraph graph;

    @Test
    void everyScriptWasAppliedOnceAndIsRecordedWithTheChecksumOfItsText() throws Exception {
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

    private Migrations migrations() {
        return new Migrations(this.graph.db(), "classpath:cypher/schema");
    }

    /** The checksum computed here from the script file, not by the class under test. */
    private static String sha256OfScript(String fileName) {
        try {
            String text = new ClassPathResource("cypher/schema/" + fileName).getContentAsString(StandardCharsets.UTF_8)
                .replace("\r\n", "\n");
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (IOException | NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
