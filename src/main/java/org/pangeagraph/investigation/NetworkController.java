package org.pangeagraph.investigation;

import java.time.LocalDate;
import java.util.List;

import org.pangeagraph.model.Caller;
import org.pangeagraph.model.GraphEdge;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.model.Subgraph;
import org.pangeagraph.projection.SameAsClusters;
import org.pangeagraph.projection.SameAsStep;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Neighbourhoods and paths, for link charts. */
@Controller
class NetworkController {

    private final NeighbourhoodQuery neighbourhood;

    private final PathQuery paths;

    private final SameAsClusters clusters;

    NetworkController(NeighbourhoodQuery neighbourhood, PathQuery paths, SameAsClusters clusters) {
        this.neighbourhood = neighbourhood;
        this.paths = paths;
        this.clusters = clusters;
    }

    @QueryMapping
    Subgraph network(@Argument List<String> ids, @Argument int depth, @Argument List<RelationshipType> relationshipTypes,
            @Argument List<NodeKind> kinds, @Argument LocalDate asOf, @Argument int maxNodes, @Argument boolean resolve,
            @ContextValue Caller caller) {
        var request = new NeighbourhoodQuery.Request(ids, depth, relationshipTypes, kinds, asOf, maxNodes);
        return this.neighbourhood.expand(request, resolve ? this.clusters.clusters(caller.visibility()) : null, caller.visibility());
    }

    @QueryMapping
    List<PathQuery.Path> paths(@Argument String from, @Argument String to, @Argument int maxHops,
            @Argument PathQuery.Mode mode, @Argument Integer k, @Argument List<RelationshipType> relationshipTypes,
            @Argument LocalDate asOf, @Argument boolean resolve, @ContextValue Caller caller) {
        return this.paths.find(from, to, maxHops, mode, k, relationshipTypes, asOf, resolve, caller.visibility());
    }

    /** The judgement behind a step through a SAME_AS cluster, from the properties it carries; null for a link. */
    @SchemaMapping(typeName = "GraphEdge")
    SameAsStep sameAs(GraphEdge edge) {
        if (!edge.isSameAs()) {
            return null;
        }
        return SameAsStep.of(edge.id(), edge.source(), edge.target(), edge.properties());
    }

}
