package org.pangeagraph.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.Yaml;

/**
 * Docker is not available on every build machine, so the compose file is checked by reading it: the
 * Neo4j server it runs is the version the application embeds, and the application is pointed at it.
 */
class DockerComposeTests {

    @Test
    @SuppressWarnings("unchecked")
    void composeRunsTheEmbeddedNeo4jVersionAndPointsTheApplicationAtIt() throws Exception {
        Map<String, Object> compose;
        try (InputStream in = Files.newInputStream(Path.of("docker-compose.yml"))) {
            compose = new Yaml().load(in);
        }
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> neo4j = (Map<String, Object>) services.get("neo4j");
        Map<String, Object> app = (Map<String, Object>) services.get("app");

        assertThat((String) neo4j.get("image")).isEqualTo("neo4j:" + embeddedNeo4jVersion() + "-community");
        assertThat(neo4j).containsKey("healthcheck");
        assertThat(((Map<String, Object>) neo4j.get("healthcheck")).get("test").toString()).contains("cypher-shell");
        assertThat(neo4j.get("volumes").toString()).contains("/data", "./cypher:/cypher:ro");
        Map<String, Object> environment = (Map<String, Object>) app.get("environment");
        assertThat(environment).containsEntry("NEO4J_URI", "bolt://neo4j:7687").containsKey("NEO4J_PASSWORD");
        assertThat(app.get("depends_on").toString()).contains("service_healthy");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theClusterFileRunsThreeEnterprisePrimariesOfTheSameVersionBehindARoutingUri() throws Exception {
        Map<String, Object> compose;
        try (InputStream in = Files.newInputStream(Path.of("docker-compose.cluster.yml"))) {
            compose = new Yaml().load(in);
        }
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        for (String primary : java.util.List.of("primary1", "primary2", "primary3")) {
            Map<String, Object> service = (Map<String, Object>) services.get(primary);
            assertThat((String) service.get("image")).isEqualTo("neo4j:" + embeddedNeo4jVersion() + "-enterprise");
            Map<String, Object> environment = (Map<String, Object>) service.get("environment");
            assertThat(environment.get("NEO4J_ACCEPT_LICENSE_AGREEMENT").toString()).startsWith("${NEO4J_ACCEPT_LICENSE_AGREEMENT:?");
            assertThat(environment).containsEntry("NEO4J_initial_server_mode__constraint", "PRIMARY");
        }
        Map<String, Object> app = (Map<String, Object>) services.get("app");
        assertThat(((Map<String, Object>) app.get("environment")).get("NEO4J_URI").toString()).startsWith("neo4j://");
    }

    private static String embeddedNeo4jVersion() throws IOException {
        try {
            Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
            return pom.getElementsByTagName("neo4j.version").item(0).getTextContent().strip();
        }
        catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException ex) {
            throw new IOException(ex);
        }
    }

}
