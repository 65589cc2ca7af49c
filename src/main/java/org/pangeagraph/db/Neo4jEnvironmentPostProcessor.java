package org.pangeagraph.db;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Reads the connection variables that Neo4j's own tools and images use ({@code NEO4J_URI},
 * {@code NEO4J_USERNAME}, {@code NEO4J_PASSWORD}) as {@code spring.neo4j.*}, unless those are set.
 */
class Neo4jEnvironmentPostProcessor implements EnvironmentPostProcessor {

    private static final Map<String, String> VARIABLES = Map.of(
            "NEO4J_URI", "spring.neo4j.uri",
            "NEO4J_USERNAME", "spring.neo4j.authentication.username",
            "NEO4J_PASSWORD", "spring.neo4j.authentication.password");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> mapped = new HashMap<>();
        VARIABLES.forEach((variable, property) -> {
            String value = environment.getProperty(variable);
            if (StringUtils.hasText(value) && !StringUtils.hasText(environment.getProperty(property))) {
                mapped.put(property, value);
            }
        });
        if (!mapped.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("neo4jEnvironmentVariables", mapped));
        }
    }

}
