package org.pangeagraph.db;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the application uses whichever database it has ({@code pangea.database.*}).
 *
 * @param queryTimeout the Neo4j transaction timeout for API reads and writes
 * @param migrations where the schema scripts are read from
 * @param seedLocation where the seed scripts are read from
 * @param seed whether to seed a new store: {@code null} means yes for the embedded database and no
 * for an external one, which is never seeded unless asked
 */
@ConfigurationProperties("pangea.database")
public record DatabaseProperties(
        @DefaultValue("5s") Duration queryTimeout,
        @DefaultValue("classpath:cypher/schema") String migrations,
        @DefaultValue("classpath:cypher/seed") String seedLocation,
        Boolean seed) {
}
