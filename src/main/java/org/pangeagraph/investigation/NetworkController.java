package org.pangeagraph.investigation;

import java.time.LocalDate;
import java.util.List;

import org.pangeagraph.model.Caller;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.model.Subgraph;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Neighbourhoods and paths, for link charts. */
@Controller
class NetworkController {

    private final NeighbourhoodQuery neighbourhood;

    private final PathQuery paths;

    NetworkController(NeighbourhoodQuery neighbourhood, PathQuery paths) {
        this.neighbourhood = neighbourhood;
        this.paths = paths;
    }

    @QueryMapping
    Subgraph network(@Argument List<String> ids, @Argument int depth, @Argument List<RelationshipType> relationshipTypes,
            @Argument List<NodeKind> kinds, @Argument LocalDate asOf, @Argument int maxNodes, @ContextValue Caller caller) {
        var request = new NeighbourhoodQuery.Request(ids, depth, relationshipTypes, kinds, asOf, maxNodes);
        return this.neighbourhood.expand(request, caller.visibility());
    }

    @QueryMapping
    List<PathQuery.Path> paths(@Argument String from, @Argument String to, @Argument int maxHops,
            @Argument PathQuery.Mode mode, @Argument Integer k, @Argument List<RelationshipType> relationshipTypes,
            @Argument LocalDate asOf, @ContextValue Caller caller) {
        return this.paths.find(from, to, maxHops, mode, k, relationshipTypes, asOf, caller.visibility());
    }

}
