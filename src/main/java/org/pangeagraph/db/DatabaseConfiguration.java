package org.pangeagraph.db;

import java.net.URI;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.neo4j.autoconfigure.Neo4jProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The database: an embedded Neo4j when no {@code spring.neo4j.uri} is configured, else the server or
 * cluster it names. Either way Spring Boot builds the driver from the connection details; with the
 * embedded database the API's transactions run in this process ({@code pangea.embedded.in-process}).
 * Above {@link GraphDb} nothing knows which it is. The embedded database is started, in the
 * background, by {@link EmbeddedDatabaseStarter} before this configuration is read.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ EmbeddedNeo4jProperties.class, DatabaseProperties.class })
public class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** Migrations and seeding are not API requests; on a cold store their first statements plan slowly. */
    static final java.time.Duration MAINTENANCE_TIMEOUT = java.time.Duration.ofMinutes(10);

    @Bean
    @Conditional(EmbeddedDatabaseCondition.class)
    Neo4jConnectionDetails embeddedConnectionDetails(EmbeddedNeo4j embedded) {
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return embedded.boltUri();
            }

            @Override
            public AuthToken getAuthToken() {
                return embedded.authToken();
            }
        };
    }

    @Bean
    GraphDb graphDb(Driver driver, DatabaseProperties properties, ObjectProvider<EmbeddedNeo4j> embedded,
            EmbeddedNeo4jProperties embeddedProperties, Neo4jProperties neo4j) {
        EmbeddedNeo4j local = embedded.getIfAvailable();
        if (local != null && embeddedProperties.inProcess()) {
            // Transient failures are retried as long as the driver retries them
            // (spring.neo4j.max-transaction-retry-time).
            return new GraphDb(driver, properties.queryTimeout(),
                    new InProcessTransactions(local::database, neo4j.getMaxTransactionRetryTime()));
        }
        return new GraphDb(driver, properties.queryTimeout());
    }

    @Bean
    GraphVersion graphVersion(GraphDb db) {
        return new GraphVersion(db);
    }

    /**
     * Waits for the embedded database to finish starting, migrates, then seeds a new embedded store,
     * before the web server takes requests.
     */
    @Bean
    SmartInitializingSingleton databaseInitializer(GraphDb db, DatabaseProperties properties,
            ObjectProvider<EmbeddedNeo4j> embedded) {
        return () -> {
            embedded.ifAvailable(EmbeddedNeo4j::awaitRunning);
            GraphDb maintenance = db.withTimeout(MAINTENANCE_TIMEOUT);
            int applied = new Migrations(maintenance, properties.migrations()).migrate();
            log.info("Schema up to date ({} scripts applied now)", applied);
            boolean seed = properties.seed() != null ? properties.seed() : embedded.getIfAvailable() != null;
            if (seed && new SeedLoader(maintenance, properties.seedLocation()).seedIfNew()) {
                log.info("Seeded the new store with the scripts of {}", properties.seedLocation());
            }
        };
    }

}
