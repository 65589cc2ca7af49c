package org.pangeagraph.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.neo4j.driver.exceptions.Neo4jException;
import org.pangeagraph.db.BoltPassword;
import org.pangeagraph.db.DatabaseConfiguration;
import org.pangeagraph.db.EmbeddedDatabaseException;
import org.pangeagraph.db.EmbeddedNeo4j;
import org.pangeagraph.db.EmbeddedNeo4jProperties;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.db.Migrations.MigrationException;
import org.pangeagraph.security.CommandLineSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.neo4j.autoconfigure.Neo4jAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The Spring context the import command runs in: the database and nothing else (no web layer, no
 * GraphQL, no seeding; pending schema migrations are applied, as the application does at start).
 * Which database: {@code spring.neo4j.uri} (or {@code NEO4J_URI}) when configured; else the running
 * application's embedded database, if something listens on its Bolt address; else the embedded store,
 * opened directly, whose store lock keeps a second process out.
 *
 * <p>Not a {@code @Configuration}, so that the application's component scan leaves it out.
 */
@ImportAutoConfiguration(Neo4jAutoConfiguration.class)
@Import(DatabaseConfiguration.class)
class ImportContext {

    private static final String CHOICES = "importDatabase";

    private static final String NO_DATABASE = "importNoDatabase";

    private static final String FIRST_LOAD = "importFirstLoad";

    private static final String URI = "spring.neo4j.uri";

    private static final String PASSWORD = "spring.neo4j.authentication.password";

    // The command's report is its output: the start-up log would bury it, and it reports failures itself.
    private static final Map<String, Object> QUIET = Map.of(
            "logging.level.root", "warn",
            "logging.level.org.springframework.context", "error",
            "logging.level.org.springframework.boot.SpringApplication", "off",
            "logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter", "off");

    /** Where the import writes, for its report. */
    record Target(String description) {
    }

    /**
     * Opens the database the properties choose, once {@code signIn} has accepted the user in the
     * configuration those properties make: before any bean, so that a refused user opens nothing.
     */
    static ConfigurableApplicationContext open(List<String> properties, Consumer<ConfigurableEnvironment> signIn) {
        SpringApplication application = application(ImportContext.class);
        application.addInitializers(context -> {
            signIn.accept(context.getEnvironment());
            chooseDatabase(context.getEnvironment(), false);
        });
        return application.run(properties.toArray(String[]::new));
    }

    /**
     * Opens the embedded store the properties name, in this process on a free Bolt port, never a running
     * application's database: for a store that {@code --new-store} has just loaded. Nobody is signed in
     * here: {@link #configuration} has signed the user in before the store was touched. The change feed's
     * listener is off: a first load is no change to follow, and its post-import pass would record one for
     * every entity it completes; the feed starts with the first write after the load.
     */
    static ConfigurableApplicationContext openLoadedStore(List<String> properties) {
        SpringApplication application = application(ImportContext.class);
        application.addInitializers(context -> {
            chooseDatabase(context.getEnvironment(), true);
            context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource(FIRST_LOAD, Map.of("pangea.embedded.capture-changes", "false")));
        });
        return application.run(properties.toArray(String[]::new));
    }

    /**
     * The configuration the properties make, once {@code signIn} has accepted the user in it, without
     * opening any database: what {@code --new-store} needs before Neo4j's offline importer writes the store.
     */
    static ConfigurableEnvironment configuration(List<String> properties, Consumer<ConfigurableEnvironment> signIn) {
        SpringApplication application = application(NoDatabase.class);
        ConfigurableEnvironment[] environment = new ConfigurableEnvironment[1];
        application.addInitializers(context -> {
            signIn.accept(context.getEnvironment());
            environment[0] = context.getEnvironment();
            // The embedded database starts with any context of the application that names no server: not with this one.
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(NO_DATABASE, Map.of(URI, "bolt://no-database")));
        });
        application.run(properties.toArray(String[]::new)).close();
        environment[0].getPropertySources().remove(NO_DATABASE);
        return environment[0];
    }

    /** The context of {@link #configuration}: no beans. */
    static final class NoDatabase {
    }

    private static SpringApplication application(Class<?> source) {
        SpringApplication application = new SpringApplication(source);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setDefaultProperties(QUIET);
        return application;
    }

    /** The sign-in refusal that stopped the context from opening, if that is what did. */
    static Optional<CommandLineSignIn.RefusedException> refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CommandLineSignIn.RefusedException refused) {
                return Optional.of(refused);
            }
        }
        return Optional.empty();
    }

    /**
     * Checks the database answers before anything else uses it, so that an unreachable one fails at
     * once instead of after the driver's retries.
     */
    @Bean
    Target importTarget(GraphDb db, ObjectProvider<EmbeddedNeo4j> embedded, ConfigurableEnvironment environment) {
        EmbeddedNeo4j store = embedded.getIfAvailable();
        if (store != null) {
            store.awaitRunning();
        }
        db.driver().verifyConnectivity();
        if (store != null) {
            return new Target("the embedded store in " + store.storeDirectory());
        }
        boolean runningApplication = environment.getPropertySources().get(CHOICES).containsProperty(URI);
        return new Target(environment.getProperty(URI) + (runningApplication ? " (the running application's database)" : ""));
    }

    private static void chooseDatabase(ConfigurableEnvironment environment, boolean loadedStore) {
        Map<String, Object> choices = new HashMap<>();
        choices.put("pangea.database.seed", "false");
        // The post-import pass reads and writes pages of 10,000 entities: more than an API request's time limit.
        choices.put("pangea.database.query-timeout", "10m");
        if (!StringUtils.hasText(environment.getProperty(URI))) {
            var embedded = Binder.get(environment).bindOrCreate("pangea.embedded", EmbeddedNeo4jProperties.class);
            if (!loadedStore && embedded.boltPort() != 0 && EmbeddedNeo4j.listening(embedded.boltAddress(), embedded.boltPort())) {
                choices.put(URI, "bolt://" + embedded.boltAddress() + ":" + embedded.boltPort());
                if (!StringUtils.hasText(environment.getProperty(PASSWORD))) {
                    runningApplicationPassword(embedded.storeDirectory()).ifPresent(password -> {
                        choices.put("spring.neo4j.authentication.username", BoltPassword.USER);
                        choices.put(PASSWORD, password);
                    });
                }
            }
            else {
                // The command reaches the store it opens over Bolt on a free port: the configured one is the API's.
                choices.put("pangea.embedded.bolt-port", "0");
            }
        }
        environment.getPropertySources().addFirst(new MapPropertySource(CHOICES, choices));
    }

    /** The password the running application's database takes, kept beside its store, if it takes one. */
    private static Optional<String> runningApplicationPassword(Path store) {
        try {
            return BoltPassword.read(store);
        }
        catch (IOException ex) {
            throw new EmbeddedDatabaseException("The password of the running application's database, in "
                    + store.resolve(BoltPassword.FILE) + ", cannot be read (" + ex.getClass().getSimpleName() + ").",
                    "Run the import as the user who owns the store, or set spring.neo4j.authentication.*");
        }
    }

    /** What an operator needs to know about a failure to open the database. */
    static String reason(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EmbeddedDatabaseException ex) {
                return ex.getMessage() + " " + ex.action();
            }
            if (t instanceof MigrationException ex) {
                return ex.getMessage() + " " + ex.action();
            }
            if (t instanceof Neo4jException) {
                return t.getMessage();
            }
            root = t;
        }
        return root.getMessage();
    }

}
