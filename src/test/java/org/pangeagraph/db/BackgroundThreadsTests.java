package org.pangeagraph.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

class BackgroundThreadsTests {

    @Test
    void threadsAreNumberedDaemonsOfTheirWorkAndKnownAsBackground() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(2, BackgroundThreads.named("test-sweeper"));
        try {
            CompletableFuture<String> name = CompletableFuture.supplyAsync(() -> Thread.currentThread().getName(), executor);
            CompletableFuture<Boolean> daemon = CompletableFuture.supplyAsync(() -> Thread.currentThread().isDaemon(), executor);
            CompletableFuture<Boolean> current = CompletableFuture.supplyAsync(BackgroundThreads::current, executor);
            assertThat(name.get()).matches("test-sweeper-[12]");
            assertThat(daemon.get()).isTrue();
            assertThat(current.get()).isTrue();
        }
        finally {
            executor.shutdownNow();
        }
        assertThat(BackgroundThreads.current()).as("the test's own thread").isFalse();
    }

    @Test
    void aNameIsBackgroundOnlyAsAWorkersNameAndNumber() {
        BackgroundThreads.named("test-matcher");
        assertThat(BackgroundThreads.isBackground("test-matcher-12")).isTrue();
        assertThat(BackgroundThreads.isBackground("test-matcher")).isFalse();
        assertThat(BackgroundThreads.isBackground("test-matcher-x-1")).isFalse();
        assertThat(BackgroundThreads.isBackground("graphql-execution-3")).isFalse();
        assertThat(BackgroundThreads.isBackground("http-nio-8080-exec-1")).isFalse();
    }

    @Test
    void startedWorkRunsOnANamedBackgroundThread() throws Exception {
        CompletableFuture<Boolean> ran = new CompletableFuture<>();
        Thread thread = BackgroundThreads.start("test-warmer", () -> ran.complete(BackgroundThreads.current()));
        thread.join(10_000);
        assertThat(thread.getName()).isEqualTo("test-warmer-1");
        assertThat(ran.get()).isTrue();
    }

}
