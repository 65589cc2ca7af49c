package org.pangeagraph.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.pangeagraph.support.IntegrationTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application with its statements going over Bolt to a database server, as with a server or
 * cluster in production: a Neo4j of the tests' own, on a store of its own in this JVM, reached at
 * {@code spring.neo4j.uri=bolt://127.0.0.1:<proxy port>} through a {@link CuttableProxy} the network
 * tests cut. The classes annotated so share one such application (Spring's test context cache keys it
 * by this one configuration), beside the suite's embedded one; the database and the proxy stop when
 * it closes.
 *
 * <p>Those classes run beside the suite's sequence of classes on the embedded application (their drills
 * spend much of their time waiting for the driver's limits), one class at a time and each test after the
 * other: a class cuts the proxy that the others' statements go through.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@IntegrationTest
// Not the superclass's initializers: a subclass of an @IntegrationTest and a class of its own then have one
// configuration, and share the application.
@ContextConfiguration(initializers = ExternalDatabase.Initializer.class, inheritInitializers = false)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("external-database")
@interface ExternalDatabase {

    /** Starts the database and the proxy for the application, and stops them with it. */
    final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        private static EmbeddedNeo4j database;

        private static CuttableProxy proxy;

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Path directory = Path.of("target/test-store/external-" + UUID.randomUUID());
            EmbeddedNeo4j started = EmbeddedNeo4j.start(new EmbeddedNeo4jProperties(directory.resolve("store"), "127.0.0.1", 0,
                    directory.resolve("import"), "32m", Duration.ofMinutes(10), false, false, false));
            CuttableProxy opened;
            try {
                opened = new CuttableProxy(started.boltUri().getHost(), started.boltUri().getPort());
            }
            catch (IOException ex) {
                started.close();
                throw new UncheckedIOException(ex);
            }
            database = started;
            proxy = opened;
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("externalDatabase",
                    Map.of("spring.neo4j.uri", "bolt://127.0.0.1:" + opened.port())));
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                    try {
                        opened.close();
                    }
                    catch (IOException ex) {
                        // closing anyway
                    }
                    started.close();
                }
            });
        }

        /** The proxy between the application and its database. */
        static CuttableProxy proxy() {
            return proxy;
        }

    }

}
