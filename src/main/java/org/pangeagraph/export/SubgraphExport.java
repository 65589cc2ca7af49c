package org.pangeagraph.export;

import java.nio.charset.StandardCharsets;

import org.pangeagraph.model.Subgraph;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** An HTTP response carrying a subgraph as a file to download. */
public final class SubgraphExport {

    private SubgraphExport() {
    }

    /** The subgraph in {@code format}, as a download named {@code baseName} with the format's extension. */
    public static ResponseEntity<byte[]> response(Subgraph subgraph, ExportFormat format, String baseName) {
        String fileName = baseName.replaceAll("[^A-Za-z0-9._-]", "_") + "." + format.extension();
        return ResponseEntity.ok()
            .contentType(format.mediaType())
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
            .header("X-Subgraph-Truncated", String.valueOf(subgraph.truncated()))
            .body(SubgraphWriter.write(subgraph, format));
    }

}
