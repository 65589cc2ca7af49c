package org.pangeagraph.tools.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.neo4j.driver.Record;
import org.pangeagraph.db.CypherScript;
import org.pangeagraph.db.EmbeddedNeo4jProperties;
import org.pangeagraph.db.ScriptRunner;
import org.pangeagraph.ingest.ImportCommand;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny generated graph, loaded through the import command into the test database: the API must find
 * the networks that were planted in it, and rank each storefront's siblings first. The graph is generated
 * once and imported once for the tests that leave it as imported.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedNetworksIT {

    private static final long SEED = 7;

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @Autowired
    EmbeddedNeo4jProperties embedded;

    private Path directory;

    /**
     * Whether the test graph holds the generated graph as the import command loads it. The first two tests
     * leave it so; the third, which runs last, loads it otherwise and says so (a test after it would import
     * it again).
     */
    private boolean imported;

    /** The same seed gives the same files: generated once for the class. */
    @BeforeAll
    void generateATinyGraph() throws Exception {
        // LOAD CSV reads from the database's import directory: the graph is generated there.
        this.directory = this.embedded.importDirectory().toAbsolutePath();
        PharmacyCrimeGenerator.generate(GeneratorSettings.Size.TINY.settings(SEED), this.directory);
    }

    @BeforeEach
    void loadTheGeneratedGraph() {
        if (!this.imported) {
            this.graph.reset();
            assertThat(importGenerated()).isZero();
            this.imported = true;
        }
    }

    @Test
    @Order(1)
    void criminalNetworksRecoversThePlantedNetworksAndSiblingsTopSharedInfrastructure() {
        Accuracy.Result result = Accuracy.measure(this::graphQl, Accuracy.GroundTruth.read(this.directory), 40, SEED, null);

        assertThat(result.adjustedRandIndex()).as(Accuracy.describe(result)).isGreaterThanOrEqualTo(0.95);
        assertThat(result.precisionAt10()).as(Accuracy.describe(result)).isGreaterThanOrEqualTo(0.9);
        assertThat(result.precisionAtSizeLessOne()).as(Accuracy.describe(result)).isGreaterThanOrEqualTo(0.9);
        assertThat(result.sampled()).isEqualTo(40);
    }

    @Test
    @Order(2)
    void theGraphHoldsEveryGeneratedRowAndLoadingItAgainChangesNothing() throws Exception {
        Properties manifest = new Properties();
        manifest.load(Files.newBufferedReader(this.directory.resolve("manifest.properties")));
        long nodes = this.graph.count("MATCH (n:Entity) RETURN count(n)");
        long links = this.graph.count("MATCH ()-[r]->() RETURN count(r)");
        assertThat(nodes).isEqualTo(Long.parseLong(manifest.getProperty("nodes")));
        assertThat(links).isEqualTo(Long.parseLong(manifest.getProperty("relationships")));
        assertThat(this.graph.count("MATCH (w:Website) WHERE w.id IS NULL OR w.createdAt IS NULL RETURN count(w)")).isZero();
        String before = this.graph.snapshot();

        assertThat(importGenerated()).isZero();

        assertThat(this.graph.snapshot()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void theScriptWritesEntitiesAndLinksCompleteWithKeysInNormalForm() throws Exception {
        // load.cypher sets what the post-import pass would add, so the pass leaves these entities alone:
        // run without the pass, nothing may be missing, and their keys, which the pass then does not
        // check, must be normal.
        this.imported = false;
        this.graph.reset();
        new ScriptRunner(this.graph.db().driver(), 1000, Duration.ofMinutes(10)).run(
                CypherScript.parse("load.cypher", Files.readString(this.directory.resolve("load.cypher"))), Map.of(),
                new ScriptRunner.Tally(), (script, line, total) -> { });
        long checked = 0;
        for (NodeKind kind : NodeKind.values()) {
            assertThat(this.graph.count("MATCH (n:" + kind.label() + ") WHERE NOT n:Entity OR n.id IS NULL OR n.createdAt IS NULL "
                    + "OR n.updatedAt IS NULL OR n.version IS NULL OR n._pendingKeyCheck IS NOT NULL RETURN count(n)"))
                .as(kind.label()).isZero();
            if (!kind.hasKey()) {
                continue;
            }
            List<Record> keys = this.graph.db().read(tx -> tx.run("MATCH (n:" + kind.label() + ") RETURN n." + kind.keyProperty()
                    + " AS key, n." + kind.keyInput() + " AS input", Map.of()));
            checked += keys.size();
            for (Record r : keys) {
                String key = String.valueOf(r.get("key").asObject());
                String raw = kind.derivedKey() ? r.get("input").asString() : key;
                assertThat(kind.keyForm().normalise(raw)).as(kind.label()).isEqualTo(key);
            }
        }
        assertThat(checked).isEqualTo(this.graph.count("MATCH (n:Entity) WHERE NOT n:Person RETURN count(n)"));
        assertThat(this.graph.count("MATCH ()-[r]->() WHERE r.id IS NULL OR r.recordedAt IS NULL OR r.linkKey IS NULL RETURN count(r)"))
            .isZero();
        assertThat(this.graph.count("MATCH ()-[r]->() RETURN count(DISTINCT r.id)"))
            .isEqualTo(this.graph.count("MATCH ()-[r]->() RETURN count(r)"));
    }

    private int importGenerated() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ImportCommand.run(this.graph.db(), List.of(this.directory.resolve("load.cypher").toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(err.toString(StandardCharsets.UTF_8)).as(out.toString(StandardCharsets.UTF_8)).isEmpty();
        return exit;
    }

    private Map<String, Object> graphQl(String document, Map<String, Object> variables) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        String json = this.client.webClient().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Map<String, Object> response = JsonMapper.builder().build().readValue(json, Map.class);
        assertThat(response.get("errors")).as(json).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) response.get("data");
        return data;
    }

}
