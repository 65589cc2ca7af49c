package org.pangeagraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;

/**
 * The README's model tables say what the code does: every label and key, every type and its ends, every
 * route and its specificity, and no row of anything the model does not have.
 */
class ReadmeTests {

    private final String readme = read();

    @Test
    void everyLabelAndItsKeyIsInTheModelTable() {
        for (NodeKind kind : NodeKind.values()) {
            String key = kind.hasKey() ? "`" + kind.keyProperty() + "`" : "`id` only";
            assertThat(this.readme).as(kind.label()).contains("| " + kind.label() + " | " + key);
        }
    }

    @Test
    void everyRelationshipTypeIsInTheModelTableWithItsEnds() {
        for (RelationshipType type : RelationshipType.values()) {
            assertThat(this.readme).as(type.name())
                .contains("| " + type.name() + " | " + labels(type.from()) + " | " + labels(type.to()) + " |");
        }
    }

    @Test
    void everyInfrastructureKindIsInTheRouteTableWithItsSpecificity() {
        for (InfrastructureKind kind : InfrastructureKind.values()) {
            String specificity = String.valueOf(kind.specificity());
            assertThat(this.readme).as(kind.name()).containsPattern("\\| " + kind.name() + " \\| [^|]+\\| " + specificity + " \\|");
        }
    }

    @Test
    void theModelTablesHoldNoRowOfWhatTheModelDoesNotHave() {
        assertThat(firstCells("| Label | Key |")).as("the label table")
            .containsExactlyInAnyOrderElementsOf(Arrays.stream(NodeKind.values()).map(NodeKind::label).toList());
        assertThat(firstCells("| Type | From | To |")).as("the relationship table")
            .containsExactlyInAnyOrderElementsOf(Arrays.stream(RelationshipType.values()).map(Enum::name).toList());
        assertThat(firstCells("| Kind | Route from a website | Specificity |")).as("the route table")
            .containsExactlyInAnyOrderElementsOf(Arrays.stream(InfrastructureKind.values()).map(Enum::name).toList());
    }

    /** The first cell of every row of the table under {@code header}, up to the first line that is no row. */
    private List<String> firstCells(String header) {
        int start = this.readme.indexOf(header);
        assertThat(start).as("a table headed " + header).isNotNegative();
        List<String> cells = new ArrayList<>();
        List<String> lines = this.readme.substring(start).lines().toList();
        for (String line : lines.subList(2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            cells.add(line.split("\\|")[1].strip());
        }
        return cells;
    }

    private static String labels(java.util.Set<NodeKind> kinds) {
        return kinds.stream().sorted().map(NodeKind::label).collect(Collectors.joining(", "));
    }

    private static String read() {
        try {
            return Files.readString(Path.of("README.md"));
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }


}
