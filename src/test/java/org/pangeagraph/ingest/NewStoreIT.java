package org.pangeagraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.pangeagraph.db.EmbeddedNeo4j;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.tools.generator.GeneratorSettings;
import org.pangeagraph.tools.generator.PharmacyCrimeGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code import --new-store DIR}: a generated graph loaded by Neo4j's offline importer into a new store,
 * then opened as the application opens it and checked as an investigator would: every row is there,
 * complete, with its keys in normal form, under the schema's constraints; a second load, a store in use
 * and bad data are refused or undone without a trace.
 */
@IntegrationTest
class NewStoreIT {

    private static final Map<String, String> ADMIN = Map.of("PANGEA_USER", "admin", "PANGEA_PASSWORD", "admin-demo");

    @Autowired
    EmbeddedNeo4j runningApplication;

    @TempDir
    Path dir;

    @Test
    void loadsAGeneratedGraphIntoANewStoreCompleteAndUnderTheSchema() throws IOException {
        Path data = this.dir.resolve("data");
        PharmacyCrimeGenerator.Summary generated = PharmacyCrimeGenerator.generate(GeneratorSettings.Size.TINY.settings(7), data);
        Path store = this.dir.resolve("store");

        Run run = load(data, store);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Signed in as admin; loading " + data + " into a new embedded store in " + store,
                "Post-import pass: ids and timestamps given where missing; keys put in normal form: 0; problems: 0",
                "Loaded " + String.format("%,d", generated.nodes() + generated.relationships()) + " rows in ");
        assertThat(run.out()).containsPattern("Loaded [0-9,]+ rows in [0-9.]+ s, [0-9.]+ s of CPU: [0-9,]+ rows/s");
        assertThat(store.resolve("new-store-load")).doesNotExist();
        try (ConfigurableApplicationContext context = ImportContext.openLoadedStore(List.of("--pangea.embedded.store-directory=" + store))) {
            GraphDb db = context.getBean(GraphDb.class);
            // Every row of every file, each node with its kind's label and Entity.
            Map<String, Long> perLabel = counts(db, "MATCH (n:Entity) RETURN [l IN labels(n) WHERE l <> 'Entity'][0] AS name, count(*) AS n");
            Map<String, Long> expected = new TreeMap<>();
            generated.rows().forEach((file, rows) -> {
                if (file.startsWith("nodes/")) {
                    expected.put(file.substring("nodes/".length(), file.length() - ".csv".length()), rows);
                }
            });
            assertThat(new TreeMap<>(perLabel)).isEqualTo(expected);
            assertThat(count(db, "MATCH (n) WHERE NOT n:Entity AND NOT n:SchemaMigration AND NOT n:PangeaGraph RETURN count(n)")).isZero();
            assertThat(count(db, "MATCH ()-[r]->() RETURN count(r)")).isEqualTo(generated.relationships());
            // Complete as the API writes them: ids, timestamps, version; links with their id, recordedAt and linkKey.
            assertThat(count(db, """
                    MATCH (n:Entity) WHERE n.id IS NULL OR n.createdAt IS NULL OR n.updatedAt IS NULL OR n.version <> 0
                       OR n.createdAt <> n.updatedAt OR n._pendingKeyCheck IS NOT NULL
                    RETURN count(n)""")).isZero();
            assertThat(count(db, "MATCH ()-[r]->() WHERE r.id IS NULL OR r.recordedAt IS NULL OR r.linkKey IS NULL RETURN count(r)")).isZero();
            assertThat(count(db, "MATCH ()-[r]->() WITH r.id AS id, count(*) AS n WHERE n > 1 RETURN count(id)")).isZero();
            assertThat(count(db, "MATCH ()-[r]->() WHERE r.id =~ '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}' "
                    + "RETURN count(r)")).isEqualTo(generated.relationships());
            // The generator's own ids and keys, as written in its files.
            String[] website = Files.readAllLines(data.resolve("nodes/Website.csv")).get(0).split(",");
            assertThat(db.query("MATCH (w:Website {domain: $domain}) RETURN w.id AS id", Map.of("domain", website[0]),
                    r -> r.get("id").asString())).containsExactly(website[1]);
            // Keys in normal form: every website's domain is its own normal form.
            assertThat(db.query("MATCH (w:Website) RETURN w.domain AS d", Map.of(), r -> r.get("d").asString()))
                .hasSize(expected.get("Website").intValue())
                .allSatisfy(d -> assertThat(NodeKind.WEBSITE.keyForm().normalise(d)).isEqualTo(d));
            // The schema: every migration, its constraints and indexes online.
            assertThat(count(db, "MATCH (m:SchemaMigration) RETURN count(m)")).isGreaterThanOrEqualTo(3);
            assertThat(db.query("SHOW CONSTRAINTS YIELD name RETURN name", Map.of(), r -> r.get("name").asString()))
                .contains("entity_id", "website_domain", "shipment_tracking_number", "company_name_key_country");
            assertThat(count(db, "SHOW INDEXES YIELD state WHERE state <> 'ONLINE' RETURN count(*)")).isZero();
            // A graph version, so that cached analytics of another store are never taken for this one's.
            assertThat(count(db, "MATCH (v:PangeaGraph) RETURN count(v)")).isEqualTo(1);
        }
        assertThat(auditLines(store)).anySatisfy(line -> assertThat(line).contains("\"type\":\"IMPORT\"", "\"user\":\"admin\"",
                "\"outcome\":\"OK\"", "\"operation\":\"" + data + "\"", "\"nodes\":" + generated.nodes()));
    }

    @Test
    void aSecondLoadIntoTheSameStoreIsRefusedAndChangesNothing() throws IOException {
        Path data = this.dir.resolve("data");
        PharmacyCrimeGenerator.generate(GeneratorSettings.Size.TINY.settings(3), data);
        Path store = this.dir.resolve("store");
        Run first = load(data, store);
        assertThat(first.exit()).as("the first load: %s", first.err()).isZero();
        Map<String, String> before = files(store);

        Run again = load(data, store);

        assertThat(again.exit()).isEqualTo(ExitCode.STORE_NOT_EMPTY.status()).isEqualTo(5);
        assertThat(again.err()).contains("The store " + store + " holds a database already: --new-store loads only into a new store,"
                + " and nothing was loaded.");
        assertThat(again.out()).isEmpty();
        assertThat(files(store)).isEqualTo(before);
        assertThat(auditLines(store)).last().asString().contains("\"outcome\":\"ERROR\"", "STORE_NOT_EMPTY");
    }

    @Test
    void aStoreInUseByTheApplicationIsRefusedWithoutTouchingIt() throws IOException {
        Path data = this.dir.resolve("data");
        PharmacyCrimeGenerator.generate(GeneratorSettings.Size.TINY.settings(3), data);
        Path store = this.runningApplication.storeDirectory();

        Run run = load(data, store);

        assertThat(run.exit()).isEqualTo(ExitCode.DATABASE_UNREACHABLE.status());
        assertThat(run.err()).contains("The store " + store + " is in use by another process (the application, or a Neo4j server"
                + " on the same files): stop it first; nothing was loaded.");
        assertThat(store.resolve("new-store-load")).doesNotExist();
    }

    @Test
    void keysAreCheckedOnANewStoreAsAfterAnyImportAndCollisionsReported() throws IOException {
        Path data = this.dir.resolve("data");
        write(data, "admin/import.args", """
                --nodes=Website=admin/Website.header.csv,nodes/Website.csv
                --nodes=IpAddress=admin/IpAddress.header.csv,nodes/IpAddress.csv
                --relationships=HOSTED_AT=admin/HOSTED_AT.header.csv,relationships/HOSTED_AT.csv
                """);
        write(data, "admin/Website.header.csv", "domain:ID(Website),name\n");
        write(data, "nodes/Website.csv", "WWW.Maple-Leaf.example,Maple\nmaple-leaf.example,Maple again\nhttps://Shop.Example/buy,\"Shop, \"\"the\"\" one\"\n");
        write(data, "admin/IpAddress.header.csv", "address:ID(IpAddress)\n");
        write(data, "nodes/IpAddress.csv", "203.0.113.010\r\n\r\n198.51.100.7");
        write(data, "admin/HOSTED_AT.header.csv", ":START_ID(Website),:END_ID(IpAddress),source,validFrom:date\n");
        write(data, "relationships/HOSTED_AT.csv", "https://Shop.Example/buy,203.0.113.010,pdns,2009-09-01\n");
        Path store = this.dir.resolve("store");

        Run run = load(data, store);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("keys put in normal form: 2; problems: 1");
        assertThat(run.err()).contains("Post-import pass: Website domain 'maple-leaf.example': an entity with this key in normal form exists already");
        try (ConfigurableApplicationContext context = ImportContext.openLoadedStore(List.of("--pangea.embedded.store-directory=" + store))) {
            GraphDb db = context.getBean(GraphDb.class);
            assertThat(db.query("MATCH (w:Website) RETURN w.domain AS d, w.name AS name ORDER BY d", Map.of(),
                    r -> r.get("d").asString() + "=" + r.get("name").asString()))
                .containsExactly("WWW.Maple-Leaf.example=Maple", "maple-leaf.example=Maple again", "shop.example=Shop, \"the\" one");
            assertThat(db.query("MATCH (:Website {domain: 'shop.example'})-[h:HOSTED_AT]->(ip:IpAddress) "
                    + "RETURN ip.address AS ip, h.linkKey AS key, h.id IS NOT NULL AS id", Map.of(),
                    r -> r.get("ip").asString() + " " + r.get("key").asString() + " " + r.get("id").asBoolean()))
                .containsExactly("203.0.113.10 pdns|2009-09-01 true");
            assertThat(count(db, "MATCH (n:Entity) RETURN count(n)")).isEqualTo(5);
        }
    }

    @Test
    void aLoadTheImporterRefusesLeavesNoStoreBehind() throws IOException {
        Path data = this.dir.resolve("data");
        write(data, "admin/import.args", """
                --nodes=Website=admin/Website.header.csv,nodes/Website.csv
                --relationships=REDIRECTS_TO=admin/REDIRECTS_TO.header.csv,relationships/REDIRECTS_TO.csv
                """);
        write(data, "admin/Website.header.csv", "domain:ID(Website)\n");
        write(data, "nodes/Website.csv", "a.example\n");
        write(data, "admin/REDIRECTS_TO.header.csv", ":START_ID(Website),:END_ID(Website),linkKey\n");
        write(data, "relationships/REDIRECTS_TO.csv", "a.example,missing.example,x|\n");
        Path store = this.dir.resolve("store");

        Run run = load(data, store);

        assertThat(run.exit()).isEqualTo(ExitCode.STATEMENT_FAILED.status());
        assertThat(run.err()).contains("The load failed: Neo4j's offline importer stopped with status",
                "What the load wrote was removed: the store " + store + " is as it was.");
        assertThat(store).doesNotExist();
    }

    @Test
    void onlyAnAdministratorMayLoadAndARefusalWritesNothingButItsAuditRecord() throws IOException {
        Path data = this.dir.resolve("data");
        PharmacyCrimeGenerator.generate(GeneratorSettings.Size.TINY.settings(3), data);
        Path store = this.dir.resolve("store");

        Run viewer = load(data, store, Map.of("PANGEA_USER", "viewer", "PANGEA_PASSWORD", "viewer-demo"));
        Run wrongPassword = load(data, store, Map.of("PANGEA_USER", "admin", "PANGEA_PASSWORD", "viewer-demo"));

        assertThat(viewer.exit()).isEqualTo(ExitCode.NOT_ALLOWED.status());
        assertThat(wrongPassword.exit()).isEqualTo(ExitCode.NOT_ALLOWED.status());
        assertThat(viewer.err()).startsWith("Not allowed: ").contains("nothing was loaded");
        assertThat(viewer.out()).isEmpty();
        assertThat(store).doesNotExist();
        assertThat(auditLines(store)).hasSize(2).allSatisfy(line -> assertThat(line).contains("\"type\":\"IMPORT\"",
                "\"outcome\":\"DENIED\"", "\"operation\":\"" + data + "\""));
    }

    private Run load(Path data, Path store) {
        return load(data, store, ADMIN);
    }

    private Run load(Path data, Path store, Map<String, String> user) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = ImportCommand.run(List.of("--new-store", "--pangea.embedded.store-directory=" + store,
                "--pangea.audit.directory=" + audit(store), data.toString()), user, null,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Run(int exit, String out, String err) {
    }

    private Path audit(Path store) {
        return this.dir.resolve("audit-" + store.getFileName());
    }

    private List<String> auditLines(Path store) throws IOException {
        try (Stream<Path> files = Files.list(audit(store))) {
            return files.sorted().flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream();
                }
                catch (IOException ex) {
                    throw new IllegalStateException(ex);
                }
            }).toList();
        }
    }

    /** Every file under the directory with its size and modification time. */
    private static Map<String, String> files(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.collect(Collectors.toMap(Path::toString, p -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(p, BasicFileAttributes.class);
                    return attributes.size() + "@" + attributes.lastModifiedTime();
                }
                catch (IOException ex) {
                    throw new IllegalStateException(ex);
                }
            }, (a, b) -> a, TreeMap::new));
        }
    }

    private static void write(Path data, String file, String text) throws IOException {
        Files.createDirectories(data.resolve(file).getParent());
        Files.writeString(data.resolve(file), text, StandardCharsets.UTF_8);
    }

    private static long count(GraphDb db, String cypher) {
        return db.query(cypher, Map.of(), r -> r.get(0).asLong()).get(0);
    }

    private static Map<String, Long> counts(GraphDb db, String cypher) {
        return db.query(cypher, Map.of(), r -> r).stream()
            .collect(Collectors.toMap((Record r) -> r.get("name").asString(), r -> r.get("n").asLong()));
    }

}
