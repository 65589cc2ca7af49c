package org.pangeagraph.db;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded Neo4j that runs when no external database is configured ({@code pangea.embedded.*}).
 *
 * @param storeDirectory where the store lives; data survives restarts
 * @param boltAddress the address Bolt listens on; loopback so that only local tools connect
 * @param boltPort the Bolt port (0 picks a free one, as the tests do)
 * @param importDirectory where {@code LOAD CSV FROM 'file:///...'} reads from
 * @param pageCache the page cache size, e.g. {@code 512m}; sized separately from the JVM heap
 * @param transactionTimeout the longest any transaction may run, whoever opened it
 * @param authentication whether Bolt clients must sign in, with the password kept beside the store
 * ({@link BoltPassword}); off in the local profile only
 * @param inProcess whether the API's transactions run in the application's process rather than over
 * Bolt (the same statements and read-only reads, without the round trips); Bolt serves imports and
 * other clients either way
 * @param captureChanges whether a transaction event listener records every committed write in the change
 * feed, whoever made it (the application, the import command, cypher-shell over Bolt); when off, the
 * application finds the writes by reconciliation, as it does against a server
 */
@ConfigurationProperties("pangea.embedded")
public record EmbeddedNeo4jProperties(
        @DefaultValue("data/neo4j") Path storeDirectory,
        @DefaultValue("127.0.0.1") String boltAddress,
        @DefaultValue("7687") int boltPort,
        @DefaultValue("cypher/import") Path importDirectory,
        @DefaultValue("512m") String pageCache,
        @DefaultValue("30m") Duration transactionTimeout,
        @DefaultValue("true") boolean authentication,
        @DefaultValue("true") boolean inProcess,
        @DefaultValue("true") boolean captureChanges) {
}
