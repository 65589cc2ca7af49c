package org.pangeagraph.security.invariance;

import java.util.ArrayList;
import java.util.List;

import org.pangeagraph.export.ExportFormat;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.security.invariance.CaseGraph.Entity;

/** The export requests of the property, for both export endpoints and every format. */
public final class ExportCalls {

    private ExportCalls() {
    }

    /**
     * A network from each start of {@link SchemaCalls#starts}, every maxNodes up, as GraphML, and in full
     * in every format; the criminal network of each storefront the reader sees, in every format, and cut.
     */
    public static List<String> uris(SchemaCalls.Context context) {
        List<String> uris = new ArrayList<>();
        for (List<String> ids : SchemaCalls.starts(context)) {
            String query = "ids=" + String.join("&ids=", ids) + "&depth=2";
            for (int maxNodes = 1; maxNodes <= context.reach(ids, 2); maxNodes++) {
                uris.add("/export/network.graphml?" + query + "&maxNodes=" + maxNodes);
            }
            for (ExportFormat format : ExportFormat.values()) {
                uris.add("/export/network." + format.extension() + "?" + query);
            }
        }
        for (Entity website : context.visible(NodeKind.WEBSITE)) {
            for (ExportFormat format : ExportFormat.values()) {
                uris.add("/export/criminal-network." + format.extension() + "?containing=" + website.key());
            }
        }
        for (Entity website : context.some(context.visible(NodeKind.WEBSITE), 2)) {
            for (int maxNodes = 1; maxNodes <= 5; maxNodes++) {
                uris.add("/export/criminal-network.cyjs?containing=" + website.id() + "&maxNodes=" + maxNodes);
            }
        }
        return uris;
    }

}
