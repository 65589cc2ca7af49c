package org.pangeagraph.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The explorer draws every kind of the model in a shape and colour of its own (static/explorer/kinds.js):
 * a kind without a line there would be drawn in Cytoscape's default look, and its properties panel would
 * fail. It holds no kind the model does not have.
 */
class ExplorerKindsFollowModelTests {

    private static final Pattern LINE = Pattern.compile("^  ([A-Z_]+): \\['[^']+', '[a-z-]+',", Pattern.MULTILINE);

    @Test
    void theExplorerHasALookForEveryKindOfTheModelAndNoOther() throws IOException {
        String kinds = Files.readString(Path.of("src/main/resources/static/explorer/kinds.js"));
        String table = kinds.substring(kinds.indexOf("export const KINDS = {"), kinds.indexOf("};", kinds.indexOf("export const KINDS = {")));
        List<String> drawn = new ArrayList<>();
        Matcher line = LINE.matcher(table);
        while (line.find()) {
            drawn.add(line.group(1));
        }
        assertThat(drawn).as("the kinds of KINDS in kinds.js")
            .containsExactlyInAnyOrderElementsOf(Arrays.stream(NodeKind.values()).map(Enum::name).toList());
    }

}
