package org.pangeagraph.tools.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;

/** The generator's files take labels, keys, types and their ends from the model, and refuse what it does not know. */
class GraphFilesTests {

    @Test
    void aLinkBetweenKindsTheModelDoesNotJoinIsRefused(@TempDir Path directory) {
        try (GraphFiles files = new GraphFiles(directory)) {
            assertThatIllegalArgumentException()
                .isThrownBy(() -> files.relationships(RelationshipType.HOSTED_AT, NodeKind.WEBSITE, NodeKind.COUNTRY, "source"))
                .withMessageContaining("HOSTED_AT from Website to Country");
            assertThatIllegalArgumentException()
                .isThrownBy(() -> files.relationships(RelationshipType.HOSTED_AT, NodeKind.IP_ADDRESS, NodeKind.WEBSITE, "source"));
        }
    }

    @Test
    void aPropertyTheModelDoesNotGiveTheKindOrTypeIsRefused(@TempDir Path directory) {
        try (GraphFiles files = new GraphFiles(directory)) {
            assertThatIllegalArgumentException().isThrownBy(() -> files.nodes(NodeKind.WEBSITE, "domain", "id", "colour"))
                .withMessageContaining("Website has no property colour");
            assertThatIllegalArgumentException()
                .isThrownBy(() -> files.relationships(RelationshipType.HOSTED_AT, NodeKind.WEBSITE, NodeKind.IP_ADDRESS, "weight:long"))
                .withMessageContaining("HOSTED_AT has no property weight");
            // role belongs to OFFICER_OF, not to every type
            assertThatIllegalArgumentException()
                .isThrownBy(() -> files.relationships(RelationshipType.OPERATES, NodeKind.PERSON, NodeKind.WEBSITE, "role"));
        }
    }

    @Test
    void aNodeFileStartsWithTheKeyTheModelGivesTheKind(@TempDir Path directory) {
        try (GraphFiles files = new GraphFiles(directory)) {
            assertThatIllegalArgumentException().isThrownBy(() -> files.nodes(NodeKind.WEBSITE, "name", "id", "domain"))
                .withMessageContaining("Website files start with domain");
        }
    }

    @Test
    void kindsTheGeneratorDoesNotWriteYetGetTheirKeyAndPatternsFromTheModel(@TempDir Path directory) throws IOException {
        try (GraphFiles files = new GraphFiles(directory)) {
            files.nodes(NodeKind.AGENCY, "nameKey", "id", "name", "acronym").row("example agency", "a-1", "Example Agency", "EA");
            files.nodes(NodeKind.CASE, "number", "id", "title").row("PG-1", "c-1", "A case");
            files.nodes(NodeKind.COMPANY, "key", "id", "name", "nameKey", "country").row("x ltd|CY", "co-1", "X Ltd", "x ltd", "CY");
            files.relationships(RelationshipType.INVESTIGATES, NodeKind.CASE, NodeKind.PERSON, "source");
            files.relationships(RelationshipType.LOCATED_IN, NodeKind.AGENCY, NodeKind.COUNTRY, "source");
            files.relationships(RelationshipType.SENT_BY, NodeKind.SHIPMENT, NodeKind.COMPANY, "source");
        }

        String script = Files.readString(directory.resolve("load.cypher"));
        assertThat(script).contains("MERGE (n:Agency {nameKey: row[0]})", "MERGE (n:Case {number: row[0]})",
                "MERGE (n:Company {nameKey: row[3], country: row[4]})", "MATCH (a:Case {number: row[0]})", "MATCH (b:Person {id: row[1]})",
                "MERGE (a)-[r:INVESTIGATES {linkKey: row[2]}]->(b)", "MATCH (a:Agency {nameKey: row[0]})",
                "MATCH (b:Company {nameKey: split(row[1], '|')[0], country: split(row[1], '|')[1]})");
        assertThat(Files.readAllLines(directory.resolve("admin/import.args"))).contains(
                "--nodes=Agency:Entity=admin/Agency.header.csv,nodes/Agency.csv",
                "--relationships=INVESTIGATES=admin/INVESTIGATES-Case-Person.header.csv,relationships/INVESTIGATES-Case-Person.csv");
        assertThat(Files.readString(directory.resolve("admin/Company.header.csv"))).isEqualTo(":ID(Company),id,name,nameKey,country\n");
    }

}
