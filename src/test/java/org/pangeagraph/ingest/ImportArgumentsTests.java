package org.pangeagraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pangeagraph.db.CypherScript;
import org.pangeagraph.ingest.ImportArguments.UsageException;

class ImportArgumentsTests {

    @TempDir
    Path dir;

    @Test
    void aDirectoryStandsForItsCypherFilesInNameOrder() throws IOException {
        write("b-links.cypher", "RETURN 2;");
        write("a-websites.cypher", "RETURN 1;");
        write("websites.csv", "domain\nshop.example\n");
        Files.createDirectory(this.dir.resolve("nested.cypher"));
        Path single = write("z-single.cypher", "RETURN 3;");

        ImportArguments arguments = ImportArguments.parse(List.of(single.toString(), this.dir.toString()));

        assertThat(arguments.scripts()).map(CypherScript::name).containsExactly(single.toString(),
                this.dir.resolve("a-websites.cypher").toString(), this.dir.resolve("b-links.cypher").toString(), single.toString());
        assertThat(arguments.batchSize()).isEqualTo(1000);
    }

    @Test
    void takesTheBatchSizeAndPassesPropertiesOnToChooseTheDatabase() throws IOException {
        Path script = write("s.cypher", "RETURN 1;");

        ImportArguments spaced = ImportArguments.parse(List.of("--batch-size", "50", "--spring.neo4j.uri=bolt://db.example:7687",
                script.toString()));
        ImportArguments joined = ImportArguments.parse(List.of("--batch-size=7", script.toString()));

        assertThat(spaced.batchSize()).isEqualTo(50);
        assertThat(spaced.properties()).containsExactly("--spring.neo4j.uri=bolt://db.example:7687");
        assertThat(joined.batchSize()).isEqualTo(7);
        assertThat(joined.properties()).isEmpty();
    }

    @Test
    void takesTheUserButNoPassword() throws IOException {
        Path script = write("s.cypher", "RETURN 1;");

        assertThat(ImportArguments.parse(List.of("--user", "ops-admin", script.toString())).user()).isEqualTo("ops-admin");
        assertThat(ImportArguments.parse(List.of("--user=ops-admin", script.toString())).user()).isEqualTo("ops-admin");
        assertThat(ImportArguments.parse(List.of(script.toString())).user()).isNull();
        assertUsage(List.of("--user=", script.toString()), "--user needs a user name");
        assertUsage(List.of("--password", "secret", script.toString()), "unknown option --password");
    }

    @Test
    void refusesWhatCannotBeRunBeforeAnythingRuns() throws IOException {
        Path script = write("s.cypher", "RETURN 1;");
        write("empty/readme.txt", "");

        assertUsage(List.of(), "no scripts given");
        assertUsage(List.of("--batch-size", "50"), "no scripts given");
        assertUsage(List.of("--batch", "5", script.toString()), "unknown option --batch");
        assertUsage(List.of("--dry-run=true", script.toString()), "unknown option --dry-run=true");
        assertUsage(List.of("--batch-size", "0", script.toString()), "--batch-size needs a whole number of statements, at least 1, not '0'");
        assertUsage(List.of(script.toString(), "--batch-size"), "not ''");
        assertUsage(List.of(this.dir.resolve("missing.cypher").toString()), this.dir.resolve("missing.cypher") + ": no such file or directory");
        assertUsage(List.of(this.dir.resolve("empty").toString()), this.dir.resolve("empty") + ": the directory holds no .cypher files");
    }

    @Test
    void refusesAScriptThatIsNotTextOrCannotBeSplitNamingFileAndLine() throws IOException {
        Path binary = this.dir.resolve("binary.cypher");
        Files.write(binary, new byte[] { 'R', 'E', (byte) 0xC3, (byte) 0x28, ';' });
        Path shell = write("shell.cypher", "RETURN 1;\n:source other.cypher\n");

        assertUsage(List.of(binary.toString()), binary + ": not UTF-8 text");
        assertUsage(List.of(shell.toString()), shell + ":2: the cypher-shell command :source is not supported");
    }

    @Test
    void helpNeedsNoScripts() {
        assertThat(ImportArguments.parse(List.of("--help")).help()).isTrue();
    }

    private void assertUsage(List<String> args, String message) {
        assertThatThrownBy(() -> ImportArguments.parse(args)).isInstanceOf(UsageException.class).hasMessageContaining(message);
    }

    @Test
    void newStoreTakesOneDirectoryOfCsvFilesListedInItsArgumentsFile() throws IOException {
        write("admin/import.args", "# generated\n--nodes=Website:Entity=admin/W.header.csv,nodes/W.csv\n\n"
                + "--relationships=REDIRECTS_TO=admin/R.header.csv,relationships/R.csv\n");
        write("admin/W.header.csv", "domain:ID(Website),name\n");
        write("admin/R.header.csv", ":START_ID(Website),:END_ID(Website),linkKey\n");
        Files.createDirectories(this.dir.resolve("nodes"));
        Files.createDirectories(this.dir.resolve("relationships"));
        write("nodes/W.csv", "a.example,A\n");
        write("relationships/R.csv", "a.example,a.example,s|\n");

        ImportArguments arguments = ImportArguments.parse(List.of("--new-store", "--pangea.embedded.store-directory=/srv/store",
                this.dir.toString()));

        assertThat(arguments.scripts()).isEmpty();
        assertThat(arguments.properties()).containsExactly("--pangea.embedded.store-directory=/srv/store");
        assertThat(arguments.newStore().groups()).extracting(CsvDataSet.Group::nodes, CsvDataSet.Group::names, CsvDataSet.Group::files)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(true, List.of("Website", "Entity"), List.of(this.dir.resolve("nodes/W.csv"))),
                    org.assertj.core.groups.Tuple.tuple(false, List.of("REDIRECTS_TO"), List.of(this.dir.resolve("relationships/R.csv"))));
        assertThat(arguments.newStore().groups().get(0).stores("domain")).isTrue();
        assertThat(arguments.newStore().groups().get(1).stores("linkKey")).isTrue();
        assertThat(arguments.newStore().groups().get(1).stores("id")).isFalse();
    }

    @Test
    void newStoreRefusesWhatItCannotLoadBeforeAnythingRuns() throws IOException {
        String args = "admin/import.args";
        assertUsage(List.of("--new-store", this.dir.toString()), this.dir.resolve(args) + ": cannot be read");
        write("admin/W.header.csv", "domain:ID(Website)\n");
        write("W.csv", "a.example\n");
        write(args, "--nodes=Website=admin/W.header.csv,W.csv\n");
        assertUsage(List.of("--new-store", this.dir.toString(), this.dir.toString()), "--new-store loads one directory of CSV files, not 2");
        assertUsage(List.of("--new-store", "--batch-size", "5", this.dir.toString()), "--batch-size does not apply to --new-store");
        write(args, "--nodes=Pharmacy=admin/W.header.csv,W.csv\n");
        assertUsage(List.of("--new-store", this.dir.toString()), args + ":1: 'Pharmacy' is not a kind of entity of the model");
        write(args, "--nodes=Website=admin/W.header.csv,W.csv\n--relationships=SELLS=admin/W.header.csv,W.csv\n");
        assertUsage(List.of("--new-store", this.dir.toString()), args + ":2: 'SELLS' is not a relationship type of the model");
        write(args, "--nodes=Website=admin/W.header.csv,missing.csv\n");
        assertUsage(List.of("--new-store", this.dir.toString()), "missing.csv: no such file, or it cannot be read");
        write(args, "--nodes=Website=admin/W.header.csv,W.csv\n--overwrite-destination=true\n");
        assertUsage(List.of("--new-store", this.dir.toString()), args + ":2: expected --nodes=Label=HEADER,FILE...");
        write(args, "--relationships=REDIRECTS_TO=admin/W.header.csv,W.csv\n");
        assertUsage(List.of("--new-store", this.dir.toString()), args + ": lists no --nodes=... files");
    }

    private Path write(String name, String text) throws IOException {
        Path file = this.dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

}
