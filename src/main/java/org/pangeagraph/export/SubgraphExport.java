package org.pangeagraph.export;

import java.nio.charset.StandardCharsets;

import org.pangeagraph.model.Subgraph;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** An HTTP response carrying a subgraph as a file to download. */
public final class SubgraphExport {

    private SubgraphExport() {
    }

    /**
     * The subgraph in {@code format}, as a download named {@code baseName} with the format's extension.
     * The subgraph is left in the request's {@link Subgraph#DISCLOSED_ATTRIBUTE}, where the audit trail
     * finds what the file disclosed.
     */
    public static ResponseEntity<byte[]> response(Subgraph subgraph, ExportFormat format, String baseName) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(Subgraph.DISCLOSED_ATTRIBUTE, subgraph, RequestAttributes.SCOPE_REQUEST);
        }
        String fileName = baseName.replaceAll("[^A-Za-z0-9._-]", "_") + "." + format.extension();
        return ResponseEntity.ok()
            .contentType(format.mediaType())
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
            .header("X-Subgraph-Truncated", String.valueOf(subgraph.truncated()))
            .body(SubgraphWriter.write(subgraph, format));
    }

}
