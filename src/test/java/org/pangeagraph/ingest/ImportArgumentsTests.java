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

    private Path write(String name, String text) throws IOException {
        Path file = this.dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

}
