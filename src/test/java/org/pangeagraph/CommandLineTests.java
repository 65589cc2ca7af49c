package org.pangeagraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

/** Which first words start a command, and that any other is refused rather than taken for the API. */
class CommandLineTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private OptionalInt run(String... args) {
        return PangeaGraphApplication.runCommand(List.of(args), new PrintStream(this.out, true, StandardCharsets.UTF_8),
                new PrintStream(this.err, true, StandardCharsets.UTF_8));
    }

    @Test
    void noArgumentsOrOnlyOptionsServeTheApi() {
        assertThat(run()).isEmpty();
        assertThat(run("--server.port=0", "--pangea.database.seed=false")).isEmpty();
    }

    @Test
    void aRetiredOrMistypedCommandIsAUsageErrorNotTheApi() {
        // `generate` moved out of the product into bin/generate: it must not start the API on the store.
        assertThat(run("generate", "--size", "TINY")).hasValue(2);
        assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("Unknown command 'generate'").contains("import")
            .contains("audit verify");
        assertThat(run("improt", "file.cypher")).hasValue(2);
    }

    @Test
    void theCommandsRunAndGiveTheirStatus() {
        // Both commands' own usage errors: they ran (and refused), rather than the API starting.
        assertThat(run("import")).hasValue(2);
        assertThat(run("audit").getAsInt()).isNotZero();
        assertThat(this.err.toString(StandardCharsets.UTF_8)).doesNotContain("Unknown command");
    }

}
