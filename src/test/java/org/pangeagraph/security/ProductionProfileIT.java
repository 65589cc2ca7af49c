package org.pangeagraph.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.pangeagraph.PangeaGraphApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The production profile refuses to start with the demo users, and says why without a stack trace.
 * Not an {@code @IntegrationTest}: it starts the application itself, in other profiles.
 */
@ExtendWith(OutputCaptureExtension.class)
// What the JVM prints is read: nothing may print beside this class.
@Isolated
class ProductionProfileIT {

    @Test
    void theProductionProfileRefusesToStartWithTheDemoUsers(@TempDir Path store, CapturedOutput output) {
        // Someone ran the production profile beside the default one, which holds the demo users.
        assertThatThrownBy(() -> new SpringApplicationBuilder(PangeaGraphApplication.class).run("--spring.profiles.active=local,production",
                "--server.port=0", "--pangea.embedded.bolt-port=0", "--pangea.embedded.store-directory=" + store,
                "--pangea.embedded.page-cache=32m", "--pangea.database.seed=false"))
            .satisfies(failure -> assertThat(new SecurityFailureAnalyzer().analyze(failure)).isNotNull());

        assertThat(output).contains("APPLICATION FAILED TO START",
                "The production profile is active and these users sign in with a documented demo password: viewer, investigator, admin.",
                "Remove them from pangea.security.users");
        assertThat(output).doesNotContain("\tat org.springframework");
    }

}
