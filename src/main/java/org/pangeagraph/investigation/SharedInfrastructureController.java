package org.pangeagraph.investigation;

import java.time.LocalDate;
import java.util.List;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.pangeagraph.model.Caller;
import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.projection.SameAsClusters;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Which websites share infrastructure with a website, and on what evidence. */
@Controller
class SharedInfrastructureController {

    private final SharedInfrastructureQuery query;

    private final SameAsClusters clusters;

    SharedInfrastructureController(SharedInfrastructureQuery query, SameAsClusters clusters) {
        this.query = query;
        this.clusters = clusters;
    }

    @QueryMapping
    List<SharedInfrastructureQuery.Sibling> sharedInfrastructure(@Argument String domain,
            @Argument List<InfrastructureKind> kinds, @Argument Double minScore, @Argument LocalDate asOf,
            @Argument int first, @Argument boolean resolve, @ContextValue Caller caller, DataFetchingFieldSelectionSet selection) {
        // Routes are collected only when asked for: a list of siblings and their scores is answered
        // without walking hundreds of the other websites' links or mapping the website's own.
        return this.query.find(domain, kinds, minScore, asOf, first, selection.contains("sharedItems/routesFromWebsite"),
                selection.contains("sharedItems/routesFromOther"), resolve ? this.clusters.clusters(caller.visibility()) : null,
                caller.visibility());
    }

}
