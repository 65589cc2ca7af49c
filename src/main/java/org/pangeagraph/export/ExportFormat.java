package org.pangeagraph.export;

import java.util.Arrays;
import java.util.Locale;

import org.pangeagraph.model.InvalidInputException;
import org.springframework.http.MediaType;

/** The formats a subgraph is exported in, by the file extension of the request. */
public enum ExportFormat {

    /** Cytoscape.js elements JSON, which Cytoscape desktop also opens. */
    CYJS("cyjs", MediaType.APPLICATION_JSON),
    /** GraphML, for Gephi, yEd and most graph tools. */
    GRAPHML("graphml", MediaType.parseMediaType("application/graphml+xml")),
    /** A zip of nodes.csv and edges.csv. */
    CSV("csv.zip", MediaType.parseMediaType("application/zip")),
    /** The node table alone. */
    NODES_CSV("nodes.csv", MediaType.parseMediaType("text/csv")),
    /** The edge table alone. */
    EDGES_CSV("edges.csv", MediaType.parseMediaType("text/csv"));

    private final String extension;

    private final MediaType mediaType;

    ExportFormat(String extension, MediaType mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return this.extension;
    }

    public MediaType mediaType() {
        return this.mediaType;
    }

    /** The format of a file extension such as {@code graphml} or {@code nodes.csv}. */
    public static ExportFormat ofExtension(String extension) {
        String wanted = extension.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extension.equals(wanted)).findFirst()
            .orElseThrow(() -> new InvalidInputException("format", "'" + extension + "' is not an export format; use one of "
                    + String.join(", ", Arrays.stream(values()).map(ExportFormat::extension).toList())));
    }

}
