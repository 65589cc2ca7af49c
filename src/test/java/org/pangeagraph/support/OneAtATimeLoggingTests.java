package org.pangeagraph.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Applications started side by side in one JVM all start. With Boot's own Logback set-up, three small
 * applications started at once, thirty times over, failed to start about one time in twenty ("Unable to
 * find Spring Environment in logger context"); this test then failed nearly every run.
 */
class OneAtATimeLoggingTests {

    private static final int SIDE_BY_SIDE = 3;

    private static final int ROUNDS = 30;

    /** An external database named, so that no embedded one is started; nothing here connects to it. */
    private static final String NO_DATABASE = "--spring.neo4j.uri=bolt://127.0.0.1:1";

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Test
    void applicationsStartedSideBySideAllStart() throws Exception {
        assertThat(LoggingSystem.get(getClass().getClassLoader())).isInstanceOf(OneAtATimeLogging.class);
        List<Throwable> failures = new ArrayList<>();
        ExecutorService starts = Executors.newFixedThreadPool(SIDE_BY_SIDE);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<Future<?>> started = new ArrayList<>();
                for (int i = 0; i < SIDE_BY_SIDE; i++) {
                    started.add(starts.submit(() -> {
                        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
                            .web(WebApplicationType.NONE).run(NO_DATABASE, "--spring.main.banner-mode=off")) {
                            return context.isActive();
                        }
                    }));
                }
                for (Future<?> start : started) {
                    try {
                        assertThat(start.get()).isEqualTo(true);
                    }
                    catch (ExecutionException e) {
                        failures.add(e.getCause());
                    }
                }
            }
        }
        finally {
            starts.shutdownNow();
        }
        assertThat(failures).isEmpty();
    }

}
