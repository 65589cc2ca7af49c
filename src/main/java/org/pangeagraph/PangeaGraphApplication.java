package org.pangeagraph;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Pangea Graph: a GraphQL API over a Neo4j graph of the criminal networks behind illegal online
 * pharmacies. Without arguments it serves the API; {@code import FILE...} runs Cypher scripts
 * against the configured database.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PangeaGraphApplication {

    public static void main(String[] args) {
        SpringApplication.run(PangeaGraphApplication.class, args);
    }

}
