package org.pangeagraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pangeagraph.model.RelationshipType;

class CsvCompletionTests {

    private static final Instant NOW = Instant.parse("2026-12-07T01:02:03.456789Z");

    @TempDir
    Path dir;

    @Test
    void everyRecordOfANodeFileGetsTheTimestampsAndVersionAndKeepsItsOwnId() throws IOException {
        write("admin/import.args", "--nodes=Person=admin/Person.header.csv,nodes/Person.csv\n");
        write("admin/Person.header.csv", "id:ID(Person),name\n");
        // CRLF, a blank line, a quoted field over two lines with a quote in it, no newline at the end.
        write("nodes/Person.csv", "p1,Ann\r\n\r\np2,\"Bo\nb \"\"the\"\" second\"\np3,Cy");

        CsvCompletion.Completed completed = CsvCompletion.write(CsvDataSet.read(this.dir), this.dir.resolve("out"), NOW);

        CsvDataSet.Group group = completed.groups().get(0);
        assertThat(group.names()).containsExactly("Person", "Entity");
        assertThat(Files.readString(group.header())).isEqualTo("id:ID(Person),name,createdAt:datetime,updatedAt:datetime,version:long\n");
        String stamp = ",2026-12-07T01:02:03.456Z,2026-12-07T01:02:03.456Z,0";
        assertThat(Files.readString(group.files().get(0)))
            .isEqualTo("p1,Ann" + stamp + "\r\n\r\np2,\"Bo\nb \"\"the\"\" second\"" + stamp + "\np3,Cy" + stamp);
        assertThat(completed.nodes()).isEqualTo(3);
        assertThat(completed.relationships()).isZero();
        assertThat(completed.incompleteLinks()).isEmpty();
    }

    @Test
    void everyLinkGetsAnIdOfItsOwnAndWhenItMayLackOneThePassIsToldItsType() throws IOException {
        write("admin/import.args", """
                --nodes=Website:Entity=admin/W.header.csv,nodes/W.csv
                --relationships=REDIRECTS_TO=admin/R.header.csv,relationships/R1.csv,relationships/R2.csv
                --relationships=HOSTED_AT=admin/H.header.csv,relationships/H.csv
                """);
        write("admin/W.header.csv", "domain:ID(Website),id,createdAt:datetime\n");
        write("nodes/W.csv", "a.example,w1,2020-01-01T00:00:00Z\n");
        write("admin/R.header.csv", ":START_ID(Website),:END_ID(Website),linkKey,source\n");
        write("relationships/R1.csv", "a.example,b.example,s|,s\nb.example,a.example,s|,s\n");
        write("relationships/R2.csv", "a.example,a.example,s|,s\n");
        write("admin/H.header.csv", ":START_ID(Website),:END_ID(IpAddress),source\n");
        write("relationships/H.csv", "a.example,192.0.2.1,s\n");

        CsvCompletion.Completed completed = CsvCompletion.write(CsvDataSet.read(this.dir), this.dir.resolve("out"), NOW);

        assertThat(completed.groups().get(0).names()).containsExactly("Website", "Entity");
        assertThat(Files.readString(completed.groups().get(0).header())).isEqualTo(
                "domain:ID(Website),id,createdAt:datetime,updatedAt:datetime,version:long\n");
        assertThat(Files.readString(completed.groups().get(1).header())).isEqualTo(
                ":START_ID(Website),:END_ID(Website),linkKey,source,id,recordedAt:datetime\n");
        List<String> links = lines(completed.groups().get(1).files().get(0), completed.groups().get(1).files().get(1),
                completed.groups().get(2).files().get(0));
        assertThat(links).hasSize(4).allSatisfy(line -> assertThat(line).matches(
                ".*,s,[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12},2026-12-07T01:02:03.456Z"));
        assertThat(links.stream().map(l -> l.split(",")[4]).distinct()).hasSize(4);
        assertThat(completed.nodes()).isEqualTo(1);
        assertThat(completed.relationships()).isEqualTo(4);
        // HOSTED_AT's file has no linkKey: the pass gives it one from source and validFrom.
        assertThat(completed.incompleteLinks()).containsExactly(RelationshipType.HOSTED_AT);
    }

    @Test
    void idsAreVersion4UuidsAndDoNotRepeat() {
        SplittableRandom random = new SplittableRandom(7);
        byte[] text = new byte[37];
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            CsvCompletion.randomUuid(random, text);
            String id = new String(text, 1, 36, StandardCharsets.US_ASCII);
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.toString()).isEqualTo(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            seen.add(uuid);
        }
        // The first byte is the caller's (the comma before the column).
        assertThat(text[0]).isZero();
        assertThat(seen).hasSize(100_000);
    }

    private List<String> lines(Path... files) throws IOException {
        List<String> all = new java.util.ArrayList<>();
        for (Path file : files) {
            all.addAll(Files.readAllLines(file));
        }
        return all;
    }

    private void write(String file, String text) throws IOException {
        Files.createDirectories(this.dir.resolve(file).getParent());
        Files.writeString(this.dir.resolve(file), text, StandardCharsets.UTF_8);
    }

}
