package org.pangeagraph.investigation;

import java.time.LocalDate;
import java.util.List;

import org.pangeagraph.export.ExportFormat;
import org.pangeagraph.export.SubgraphExport;
import org.pangeagraph.model.CallerResolver;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.model.Visibility;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The subgraph of the GraphQL query {@code network}, with the same arguments, as a file for a
 * link-analysis tool: {@code GET /export/network.graphml?ids=...&depth=2}.
 */
@RestController
class NetworkExportController {

    private final NeighbourhoodQuery neighbourhood;

    private final CallerResolver callers;

    NetworkExportController(NeighbourhoodQuery neighbourhood, CallerResolver callers) {
        this.neighbourhood = neighbourhood;
        this.callers = callers;
    }

    @GetMapping("/export/network.{format}")
    ResponseEntity<byte[]> network(@PathVariable String format, @RequestParam List<String> ids,
            @RequestParam(defaultValue = "2") int depth, @RequestParam(required = false) List<RelationshipType> relationshipTypes,
            @RequestParam(required = false) List<NodeKind> kinds,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(defaultValue = "500") int maxNodes) {
        ExportFormat exportFormat = ExportFormat.ofExtension(format);
        var request = new NeighbourhoodQuery.Request(ids, depth, relationshipTypes, kinds, asOf, maxNodes);
        Visibility visibility = this.callers.current().visibility();
        return SubgraphExport.response(this.neighbourhood.expand(request, visibility).shownTo(visibility), exportFormat,
                "network");
    }

}
