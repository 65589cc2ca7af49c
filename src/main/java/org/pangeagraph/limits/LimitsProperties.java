package org.pangeagraph.limits;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one request may ask of the API ({@code pangea.limits.*}). A request over a limit is refused
 * with code {@code LIMIT_EXCEEDED} and {@code extensions.limit} naming the limit, before it runs.
 *
 * @param depth the deepest nesting of fields, outside schema introspection
 * @param introspectionDepth the deepest nesting of fields under {@code __schema} or {@code __type}
 * (GraphiQL's own introspection query reaches 14)
 * @param complexity the most a query may cost (see {@link QueryCost})
 * @param fields the most fields a document may select, counting a fragment once per use (a document
 * asking for every relationship of every kind, each link with its provenance, selects about 1,100)
 * @param aliases the most aliased fields a document may select
 * @param duplicateFields the most times one selection set may ask for one response key (field
 * duplication: {@code __typename} five hundred times); a selection on an interface that names a field
 * once for each of the 18 kinds of entity asks for it 18 times
 * @param directives the most directives a document may use
 * @param tokens the most grammar tokens a document may have
 * @param requestTimeout the longest a GraphQL request may take, from its arrival; it is then answered
 * with code {@code TIMEOUT}
 * @param requestsPerMinute how many requests to {@code /graphql} and {@code /export/} one user may
 * make a minute, in bursts of as many
 * @param concurrentRequestsPerUser how many requests of one user may run at once
 * @param fieldCosts what a field costs by its coordinate ({@code Query.network}), beside the defaults
 * of {@link #DEFAULT_FIELD_COSTS}
 */
@ConfigurationProperties("pangea.limits")
public record LimitsProperties(
        @DefaultValue("10") int depth,
        @DefaultValue("15") int introspectionDepth,
        @DefaultValue("1000") int complexity,
        @DefaultValue("2000") int fields,
        @DefaultValue("30") int aliases,
        @DefaultValue("20") int duplicateFields,
        @DefaultValue("50") int directives,
        @DefaultValue("15000") int tokens,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("600") int requestsPerMinute,
        @DefaultValue("8") int concurrentRequestsPerUser,
        Map<String, Integer> fieldCosts) {

    /**
     * The traversals, which read much of the graph or compute on it: a field costs 1 unless named here
     * or a scalar, which costs nothing.
     */
    public static final Map<String, Integer> DEFAULT_FIELD_COSTS = Map.ofEntries(
            Map.entry("Query.search", 10),
            Map.entry("Query.timeline", 20),
            Map.entry("Query.sharedInfrastructure", 50),
            Map.entry("Query.network", 50),
            Map.entry("Query.paths", 50),
            Map.entry("Query.criminalNetworks", 50),
            Map.entry("Query.criminalNetwork", 50),
            Map.entry("Query.keyInfrastructure", 100),
            Map.entry("Query.takedownImpact", 100),
            Map.entry("Query.resolutionCandidates", 50),
            Map.entry("Query.resolutionCandidatesFor", 20),
            Map.entry("Query.sameAsCluster", 10),
            Map.entry("Query.resolutionConflicts", 20),
            Map.entry("CriminalNetwork.subgraph", 20),
            Map.entry("Operation.figuresFromGraph", 10));

    public LimitsProperties {
        Map<String, Integer> costs = new LinkedHashMap<>(DEFAULT_FIELD_COSTS);
        if (fieldCosts != null) {
            costs.putAll(fieldCosts);
        }
        fieldCosts = Map.copyOf(costs);
    }

}
