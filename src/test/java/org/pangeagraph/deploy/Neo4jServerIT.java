package org.pangeagraph.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pangeagraph.db.EmbeddedNeo4j;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.Neo4jContainerInitializer;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The application against a Neo4j server in a container, where Docker exists: no embedded database
 * starts, the schema is migrated on the server, and writes, reads and a traversal work through it.
 * The whole suite runs this way with {@code -Dpangea.test.database=container}; this class runs it on
 * any machine with Docker, and is skipped where there is none.
 */
@IntegrationTest
@Testcontainers(disabledWithoutDocker = true)
class Neo4jServerIT {

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("spring.neo4j.uri", () -> Neo4jContainerInitializer.start().getBoltUrl());
        registry.add("spring.neo4j.authentication.username", () -> "neo4j");
        registry.add("spring.neo4j.authentication.password", () -> Neo4jContainerInitializer.start().getAdminPassword());
    }

    @Autowired
    ObjectProvider<EmbeddedNeo4j> embedded;

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @Test
    void theApplicationRunsOnTheServerWithoutAnEmbeddedDatabase() {
        assertThat(this.embedded.getIfAvailable()).isNull();
        GraphDb db = this.graph.db();
        assertThat(db.query("MATCH (m:SchemaMigration) RETURN count(m) AS n", Map.of(), r -> r.get("n").asLong()).get(0))
            .isGreaterThanOrEqualTo(3);

        this.graph.startWith("shared-infrastructure");
        this.client.tester().documentName("sharedInfrastructure").variable("domain", "rx-one.example").execute()
            .path("sharedInfrastructure[*].website.domain").entityList(String.class)
            .satisfies(domains -> assertThat(domains.subList(0, 2)).isEqualTo(List.of("rx-two.example", "rx-three.example")));
    }

}
