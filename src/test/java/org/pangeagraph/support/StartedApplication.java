package org.pangeagraph.support;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.pangeagraph.PangeaGraphApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The application started as the jar starts it, in a profile and with properties of a test's choosing,
 * for tests of configuration the shared integration-test context does not have (the production
 * profile, tight limits). A fresh embedded store and audit directory in {@code directory}. The test
 * profile is always active besides the one chosen, for its built-in users (TestUsers); the client
 * signs in as the administrator.
 */
public final class StartedApplication implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private StartedApplication(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static StartedApplication start(Path directory, String profile, String... properties) {
        Map<String, String> args = new LinkedHashMap<>();
        Stream.of("--server.port=0", "--pangea.embedded.bolt-port=0",
                "--pangea.embedded.store-directory=" + directory.resolve("store"), "--pangea.embedded.page-cache=32m",
                "--pangea.database.seed=false", "--pangea.database.query-timeout=60s",
                "--pangea.audit.directory=" + directory.resolve("audit"), "--spring.mvc.async.request-timeout=120s")
            .forEach(arg -> args.put(arg.substring(0, arg.indexOf('=')), arg));
        // The test's own properties replace the defaults of the same name.
        Stream.of(properties).forEach(arg -> args.put(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg, arg));
        SpringApplicationBuilder builder = new SpringApplicationBuilder(PangeaGraphApplication.class);
        builder.profiles(profile == null ? new String[] { "test" } : new String[] { "test", profile });
        return new StartedApplication(builder.run(args.values().toArray(String[]::new)));
    }

    public int port() {
        return Integer.parseInt(this.context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    public WebTestClient webClient() {
        return WebTestClient.bindToServer(new JdkClientHttpConnector(HttpClient.newHttpClient()))
            .baseUrl("http://localhost:" + port()).responseTimeout(Duration.ofSeconds(60))
            .defaultHeader(HttpHeaders.AUTHORIZATION, GraphQlClient.basic(TestUsers.ADMIN)).build();
    }

    public ConfigurableApplicationContext context() {
        return this.context;
    }

    @Override
    public void close() {
        this.context.close();
    }

}
