package org.pangeagraph.analytics;

import java.time.LocalDate;
import java.util.List;

import org.pangeagraph.model.Caller;
import org.pangeagraph.model.InfrastructureKind;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Criminal networks: all of them a page at a time, or the one a website belongs to. */
@Controller
class CriminalNetworksController {

    private final CriminalNetworks networks;

    CriminalNetworksController(CriminalNetworks networks) {
        this.networks = networks;
    }

    @QueryMapping
    CriminalNetworks.CriminalNetworkConnection criminalNetworks(@Argument Integer minWebsites, @Argument Double minLinkScore,
            @Argument List<InfrastructureKind> kinds, @Argument LocalDate asOf, @Argument int first, @Argument String after,
            @ContextValue Caller caller) {
        var criteria = CriminalNetworks.Criteria.of(minWebsites, minLinkScore, kinds, asOf);
        return this.networks.page(criteria, first, after, caller.visibility());
    }

    @QueryMapping
    NetworkDetails.CriminalNetwork criminalNetwork(@Argument String containing, @ContextValue Caller caller) {
        return this.networks.containing(containing, caller.visibility());
    }

}
