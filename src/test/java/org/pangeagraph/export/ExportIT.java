package org.pangeagraph.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports for link-analysis tools, over real HTTP GET, checked against the GraphQL answer for the
 * same arguments: the GraphML parses with the JDK's XML parser, the Cytoscape.js JSON with Jackson, the
 * CSV zip with the JDK's zip reader, and each holds the same nodes and edges.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportIT {

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @BeforeEach
    void loadFixtures() {
        this.graph.startWith("investigation");
    }

    @Test
    void graphmlRoundTripsWithTheSameNodesAndEdgesAsTheGraphQlNetwork() throws Exception {
        int nodes = this.client.tester().documentName("network").variable("ids", List.of("p-viktor")).variable("depth", 2)
            .execute().path("network.nodes").entityList(Object.class).get().size();
        int edges = this.client.tester().documentName("network").variable("ids", List.of("p-viktor")).variable("depth", 2)
            .execute().path("network.edges").entityList(Object.class).get().size();

        EntityExchangeResult<byte[]> result = get("/export/network.graphml?ids=p-viktor&depth=2");
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("application/graphml+xml"));
        assertThat(result.getResponseHeaders().getContentDisposition().getFilename()).isEqualTo("network.graphml");
        assertThat(result.getResponseHeaders().getContentDisposition().isAttachment()).isTrue();

        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(result.getResponseBody()));
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("graphml");
        assertThat(xml.getElementsByTagNameNS("http://graphml.graphdrawing.org/xmlns", "node").getLength()).isEqualTo(nodes).isEqualTo(9);
        assertThat(xml.getElementsByTagNameNS("http://graphml.graphdrawing.org/xmlns", "edge").getLength()).isEqualTo(edges).isEqualTo(11);
        assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8))
            .contains("attr.name=\"domain\"", ">main.example<", "attr.name=\"recordedAt\"", ">TOOK_DOWN<");
        assertEveryDataKeyIsDeclaredOnce(xml);
    }

    @Test
    void cytoscapeJsonHoldsElementsWithTheirData() {
        EntityExchangeResult<byte[]> result = get("/export/network.cyjs?ids=p-viktor&depth=1");
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(result.getResponseHeaders().getContentDisposition().getFilename()).isEqualTo("network.cyjs");

        JsonNode json = JsonMapper.builder().build().readTree(result.getResponseBody());
        assertThat(json.get("elements").get("nodes").size()).isEqualTo(4);
        assertThat(json.get("elements").get("edges").size()).isEqualTo(4);
        JsonNode marta = null;
        for (JsonNode node : json.get("elements").get("nodes")) {
            if (node.get("data").get("id").asString().equals("p-marta")) {
                marta = node.get("data");
            }
        }
        assertThat(marta).isNotNull();
        assertThat(marta.get("label").asString()).isEqualTo("Marta Example");
        assertThat(marta.get("kind").asString()).isEqualTo("PERSON");
        for (JsonNode edge : json.get("elements").get("edges")) {
            assertThat(edge.get("data").has("source")).isTrue();
            assertThat(edge.get("data").has("target")).isTrue();
        }
    }

    @Test
    void csvZipHoldsANodeTableAndAnEdgeTableGephiCanImport() throws IOException {
        EntityExchangeResult<byte[]> result = get("/export/network.csv.zip?ids=p-viktor&depth=2");
        assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.parseMediaType("application/zip"));
        Map<String, String> files = unzip(result.getResponseBody());

        assertThat(files).containsOnlyKeys("nodes.csv", "edges.csv");
        List<String> nodeRows = files.get("nodes.csv").lines().toList();
        List<String> edgeRows = files.get("edges.csv").lines().toList();
        assertThat(nodeRows).hasSize(1 + 9);
        assertThat(edgeRows).hasSize(1 + 11);
        assertThat(nodeRows.get(0)).startsWith("Id,Label,Kind,");
        assertThat(edgeRows.get(0)).startsWith("Id,Source,Target,Type,Label");
        assertThat(files.get("nodes.csv")).contains("p-viktor,Viktor Example,PERSON");

        EntityExchangeResult<byte[]> edgesOnly = get("/export/network.edges.csv?ids=p-viktor&depth=2");
        assertThat(edgesOnly.getResponseHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
        assertThat(new String(edgesOnly.getResponseBody(), StandardCharsets.UTF_8).lines()).hasSize(12);
    }

    @Test
    @Order(TestGraph.WRITES)
    void aCriminalNetworkExportsWithItsBindingItemsAndTheRoutesToThem() throws Exception {
        this.graph.startWith("networks");
        EntityExchangeResult<byte[]> result = get("/export/criminal-network.graphml?containing=x2.example");
        assertThat(result.getResponseHeaders().getContentDisposition().getFilename()).isEqualTo("network_x1.example.graphml");

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new ByteArrayInputStream(result.getResponseBody()));
        assertThat(xml.getElementsByTagName("node").getLength()).isEqualTo(5);
        assertThat(xml.getElementsByTagName("edge").getLength()).isEqualTo(4);

        this.client.tester().document("{ criminalNetwork(containing: \"x1.example\") { subgraph { nodes { id } edges { type } } } }")
            .execute().path("criminalNetwork.subgraph.nodes[*].id").entityList(String.class)
            .containsExactly("w-x1", "w-x2", "w-x3", "pa-mx", "co-x");
    }

    @Test
    @Order(TestGraph.WRITES)
    void badRequestsAreTypedErrorsWithTheRightStatus() {
        this.graph.load("networks");
        this.client.webClient().get().uri("/export/network.pdf?ids=p-viktor").exchange().expectStatus().isBadRequest()
            .expectBody().jsonPath("$.code").isEqualTo("INVALID_INPUT").jsonPath("$.field").isEqualTo("format");
        this.client.webClient().get().uri("/export/network.graphml?ids=p-viktor&depth=5").exchange().expectStatus()
            .isBadRequest().expectBody().jsonPath("$.code").isEqualTo("LIMIT_EXCEEDED").jsonPath("$.field").isEqualTo("depth");
        this.client.webClient().get().uri("/export/network.graphml?ids=nobody").exchange().expectStatus().isNotFound()
            .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        this.client.webClient().get().uri("/export/network.graphml").exchange().expectStatus().isBadRequest()
            .expectBody().jsonPath("$.field").isEqualTo("ids");
        this.client.webClient().get().uri("/export/criminal-network.cyjs?containing=z1.example").exchange().expectStatus()
            .isNotFound();
    }

    /** What Gephi and yEd need: unique key ids, and every data element naming a declared key. */
    @Test
    @Order(TestGraph.WRITES)
    void exportsStayWellFormedWhateverTextAnImportStored() throws Exception {
        // As an import would store it, past the API's refusal: a NUL, other controls, a right-to-left override,
        // a non-character and half a surrogate pair, in a property, a property name and a link.
        String name = "Viktor\u0000\u0001\u001B[31m\u202Eliamg\uFFFE\uD800 end";
        this.graph.write("MATCH (p:Person {id: 'p-viktor'}) SET p.name = $name, p.`odd\u0007name` = 'x' "
                + "WITH p MATCH (p)-[r]-() SET r.role = $name", Map.of("name", name));

        byte[] graphml = get("/export/network.graphml?ids=p-viktor&depth=1").getResponseBody();
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(graphml));
        assertThat(xml.getDocumentElement().getTextContent()).contains("Viktor\uFFFD\uFFFD\uFFFD[31m\u202Eliamg\uFFFD");

        JsonNode cyjs = JsonMapper.builder().build().readTree(get("/export/network.cyjs?ids=p-viktor&depth=1").getResponseBody());
        List<String> labels = new java.util.ArrayList<>();
        for (JsonNode node : cyjs.get("elements").get("nodes")) {
            labels.add(node.get("data").get("label").asString());
        }
        assertThat(labels).anySatisfy(label -> assertThat(label).startsWith("Viktor\u0000\u0001\u001B[31m\u202Eliamg\uFFFE"));

        Map<String, String> csv = unzip(get("/export/network.csv.zip?ids=p-viktor&depth=1").getResponseBody());
        assertThat(csv.get("nodes.csv")).contains("Viktor\uFFFD\uFFFD\uFFFD[31m").doesNotContain("\u0000");
        assertThat(csv.get("edges.csv")).contains("Viktor\uFFFD").doesNotContain("\u0000");
        assertThat(new String(get("/export/network.nodes.csv?ids=p-viktor&depth=1").getResponseBody(), StandardCharsets.UTF_8))
            .isEqualTo(csv.get("nodes.csv"));
    }

    /** A spreadsheet opening the CSV shows a stored formula as text and does not run it; the other formats keep it. */
    @Test
    @Order(TestGraph.WRITES)
    void aNameASpreadsheetWouldRunIsExportedToCsvAsText() throws Exception {
        String formula = "=HYPERLINK(\"http://evil.example\",\"Viktor\")";
        this.graph.write("MATCH (p:Person {id: 'p-viktor'}) SET p.name = $name", Map.of("name", formula));

        String nodes = new String(get("/export/network.nodes.csv?ids=p-viktor&depth=1").getResponseBody(), StandardCharsets.UTF_8);
        assertThat(nodes.lines()).anySatisfy(row -> assertThat(row)
            .startsWith("p-viktor,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Viktor\"\")\",PERSON,"));
        assertThat(nodes).doesNotContain(",\"=HYPERLINK");
        assertThat(new String(get("/export/network.graphml?ids=p-viktor&depth=1").getResponseBody(), StandardCharsets.UTF_8))
            .contains("=HYPERLINK(").doesNotContain("'=HYPERLINK");
    }

    private static void assertEveryDataKeyIsDeclaredOnce(Document xml) {
        java.util.Set<String> declared = new java.util.HashSet<>();
        var keys = xml.getElementsByTagNameNS("*", "key");
        for (int i = 0; i < keys.getLength(); i++) {
            assertThat(declared.add(((org.w3c.dom.Element) keys.item(i)).getAttribute("id"))).as("unique key ids").isTrue();
        }
        var data = xml.getElementsByTagNameNS("*", "data");
        for (int i = 0; i < data.getLength(); i++) {
            assertThat(declared).contains(((org.w3c.dom.Element) data.item(i)).getAttribute("key"));
        }
    }

    private EntityExchangeResult<byte[]> get(String uri) {
        return this.client.webClient().get().uri(uri).exchange().expectStatus().isOk().expectBody(byte[].class).returnResult();
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

}
