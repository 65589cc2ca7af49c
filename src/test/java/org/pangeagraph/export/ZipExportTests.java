package org.pangeagraph.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pangeagraph.model.GraphEdge;
import org.pangeagraph.model.GraphNode;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.model.Subgraph;

/** The same subgraph is the same zip, byte for byte, whenever it is exported. */
class ZipExportTests {

    @Test
    void theSameSubgraphIsTheSameZipAtAnotherTime() throws InterruptedException {
        Subgraph subgraph = new Subgraph(
                List.of(GraphNode.of(NodeKind.WEBSITE, Map.of("id", "w", "domain", "w.example")),
                        GraphNode.of(NodeKind.IP_ADDRESS, Map.of("id", "ip", "address", "192.0.2.1"))),
                List.of(GraphEdge.of(RelationshipType.HOSTED_AT, "w", "ip", Map.of("id", "l", "source", "whois"))), false);

        byte[] first = SubgraphWriter.write(subgraph, ExportFormat.CSV);
        // A zip entry's time is kept to two seconds.
        Thread.sleep(2_100);
        byte[] second = SubgraphWriter.write(subgraph, ExportFormat.CSV);

        assertThat(second).isEqualTo(first);
    }

}
