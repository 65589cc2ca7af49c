package org.pangeagraph.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * Runs the integration suite against a Neo4j server in a container instead of the embedded database,
 * when the build asks for it ({@code mvn verify -Dpangea.test.database=container}) on a machine with
 * Docker: one container for the whole test JVM, the same version as the embedded database, reached
 * through {@code spring.neo4j.uri} like any external server. Without the property nothing changes.
 */
public class Neo4jContainerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The image of the server the suite runs against; the embedded version (pom.xml, docker-compose.yml). */
    public static final String IMAGE = "neo4j:5.26.18-community";

    private static Neo4jContainer container;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!"container".equals(System.getProperty("pangea.test.database"))) {
            return;
        }
        Neo4jContainer neo4j = start();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("neo4jContainer", Map.of(
                "spring.neo4j.uri", neo4j.getBoltUrl(),
                "spring.neo4j.authentication.username", "neo4j",
                "spring.neo4j.authentication.password", neo4j.getAdminPassword())));
    }

    /** The container, started on first use and left to Testcontainers' reaper at the end of the JVM. */
    public static synchronized Neo4jContainer start() {
        if (container == null) {
            container = new Neo4jContainer(IMAGE).withAdminPassword("pangea-graph-test");
            container.start();
        }
        return container;
    }

}
