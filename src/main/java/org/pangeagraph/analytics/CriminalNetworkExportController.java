package org.pangeagraph.analytics;

import java.util.List;

import org.pangeagraph.export.ExportFormat;
import org.pangeagraph.export.SubgraphExport;
import org.pangeagraph.model.CallerResolver;
import org.pangeagraph.model.NotFoundException;
import org.pangeagraph.model.Visibility;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The subgraph of the criminal network a website belongs to, as a file for a link-analysis tool:
 * {@code GET /export/criminal-network.graphml?containing=shop.example}.
 */
@RestController
class CriminalNetworkExportController {

    private final CriminalNetworks networks;

    private final NetworkSubgraphs subgraphs;

    private final CallerResolver callers;

    CriminalNetworkExportController(CriminalNetworks networks, NetworkSubgraphs subgraphs, CallerResolver callers) {
        this.networks = networks;
        this.subgraphs = subgraphs;
        this.callers = callers;
    }

    @GetMapping("/export/criminal-network.{format}")
    ResponseEntity<byte[]> criminalNetwork(@PathVariable String format, @RequestParam String containing,
            @RequestParam(defaultValue = "500") int maxNodes) {
        ExportFormat exportFormat = ExportFormat.ofExtension(format);
        Visibility visibility = this.callers.current().visibility();
        NetworkDetails.CriminalNetwork network = this.networks.containing(containing, visibility);
        if (network == null) {
            throw new NotFoundException("containing", "criminal network containing " + containing);
        }
        return SubgraphExport.response(this.subgraphs.of(List.of(network), maxNodes, visibility).get(network.id()).shownTo(visibility),
                exportFormat, network.id());
    }

}
