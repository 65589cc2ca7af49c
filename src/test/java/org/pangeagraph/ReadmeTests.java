package org.pangeagraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;

/** The README's model tables say what the code does: every label and key, every type and its ends, every route. */
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
