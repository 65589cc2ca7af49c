package org.pangeagraph.analytics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import org.pangeagraph.model.Caller;
import org.pangeagraph.model.InfrastructureKind;
import org.pangeagraph.model.Subgraph;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Criminal networks: all of them a page at a time, or the one a website belongs to, and each as a
 * subgraph. The subgraphs of a page are read in one statement (a batch loader keyed by network and
 * {@code maxNodes}, since {@code @BatchMapping} cannot take field arguments).
 */
@Controller
class CriminalNetworksController {

    private final CriminalNetworks networks;

    CriminalNetworksController(CriminalNetworks networks, NetworkSubgraphs subgraphs, BatchLoaderRegistry registry) {
        this.networks = networks;
        registry.forTypePair(SubgraphRequest.class, Subgraph.class).registerMappedBatchLoader((requests, env) -> Mono
            .fromCallable(() -> load(subgraphs, requests, ((GraphQLContext) env.getContext()).get(Caller.CONTEXT_KEY))));
    }

    /** A network's subgraph as asked for. */
    record SubgraphRequest(NetworkDetails.CriminalNetwork network, int maxNodes) {
    }

    @QueryMapping
    CriminalNetworks.CriminalNetworkConnection criminalNetworks(@Argument Integer minWebsites, @Argument Double minLinkScore,
            @Argument List<InfrastructureKind> kinds, @Argument LocalDate asOf, @Argument int first, @Argument String after,
            @Argument boolean resolve, @ContextValue Caller caller) {
        var criteria = CriminalNetworks.Criteria.of(minWebsites, minLinkScore, kinds, asOf).resolving(resolve);
        return this.networks.page(criteria, first, after, caller.visibility());
    }

    @QueryMapping
    NetworkDetails.CriminalNetwork criminalNetwork(@Argument String containing, @ContextValue Caller caller) {
        return this.networks.containing(containing, caller.visibility());
    }

    @SchemaMapping(typeName = "CriminalNetwork")
    CompletableFuture<Subgraph> subgraph(NetworkDetails.CriminalNetwork network, @Argument int maxNodes,
            DataLoader<SubgraphRequest, Subgraph> loader) {
        return loader.load(new SubgraphRequest(network, maxNodes));
    }

    private static Map<SubgraphRequest, Subgraph> load(NetworkSubgraphs subgraphs, Set<SubgraphRequest> requests,
            Caller caller) {
        Map<SubgraphRequest, Subgraph> result = new HashMap<>();
        Map<Integer, List<SubgraphRequest>> byBudget = requests.stream()
            .collect(Collectors.groupingBy(SubgraphRequest::maxNodes));
        byBudget.forEach((maxNodes, group) -> {
            Map<String, Subgraph> byId = subgraphs.of(group.stream().map(SubgraphRequest::network).toList(), maxNodes,
                    caller.visibility());
            group.forEach(r -> result.put(r, byId.get(r.network().id())));
        });
        return result;
    }

}
