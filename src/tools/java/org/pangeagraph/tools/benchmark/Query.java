package org.pangeagraph.tools.benchmark;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The requests measured, each with the GraphQL document an investigator's tool would send. */
enum Query {

    /**
     * What a request costs either way before any data: { __typename } reads nothing, and the API sends
     * no statement for it, so its Cypher side is an empty read transaction. Not one of the issue's
     * requests: it shows the fixed cost of HTTP, security, the audit record and GraphQL on one side,
     * of Bolt and a transaction on the other.
     */
    FLOOR("no data ({ __typename }; Cypher: an empty read transaction)", false, """
            query floor { __typename }"""),

    LOOKUP("website lookup", true, """
            query lookup($domain: String!) { website(domain: $domain) { id domain name status firstSeen lastSeen } }"""),

    NESTED("nested website (IPs, accounts, shipments)", true, """
            query nested($domain: String!) {
              website(domain: $domain) {
                domain
                ipAddresses { node { address } link { validFrom validTo } }
                paymentAccounts { node { identifier kind } }
                shipments(first: 20) { node { trackingNumber inspectedOn seized } }
              }
            }"""),

    /**
     * The nested read, two levels deep: the website, its IPs and their providers, its accounts and
     * their holders, 10 parcels and their couriers. No Library side (its type definitions stop a level higher).
     */
    NESTED_DEEP("nested two levels (IPs and providers, accounts and holders, 10 parcels and couriers)", true, """
            query nestedDeep($domain: String!) {
              website(domain: $domain) {
                domain
                ipAddresses { node { address hostingProviders { node { name } } } link { validFrom validTo } }
                paymentAccounts { node { identifier kind holders { node { caption } } } }
                shipments(first: 10) { node { trackingNumber couriers { node { name } } } }
              }
            }"""),

    /** A page of 20 websites, each with its IPs and accounts. */
    LIST("list: 20 websites with IPs and accounts", true, """
            query list { websites(first: 20) { edges { node { domain ipAddresses { node { address } } paymentAccounts { node { identifier } } } } } }"""),

    SHARED_INFRASTRUCTURE("sharedInfrastructure (top 10)", true, """
            query siblings($domain: String!) {
              sharedInfrastructure(domain: $domain, first: 10) { website { domain } score sharedItems { kind weight websiteCount } }
            }"""),

    NETWORK("network depth 2, maxNodes 500", false, """
            query network($id: ID!) { network(ids: [$id], depth: 2, maxNodes: 500) { nodes { id kind } edges { id type } truncated } }"""),

    PATHS("paths maxHops 6", false, """
            query paths($from: ID!, $to: ID!) { paths(from: $from, to: $to, maxHops: 6) { length nodes { id } } }"""),

    CRIMINAL_NETWORKS_CACHED("criminalNetworks (cached)", false, Query.NETWORKS),

    CRIMINAL_NETWORKS_COLD("criminalNetworks (cold)", false, Query.NETWORKS),

    KEY_INFRASTRUCTURE("keyInfrastructure (top 10)", false, """
            query key { keyInfrastructure(first: 10) { rank kind item { id } networksServed betweenness } }""");

    private static final String NETWORKS = """
            query networks { criminalNetworks(first: 20) { totalCount edges { node { id size bindingItems { kind weight } } } } }""";

    /** The mutation the benchmark bumps the graph version with, and the soak writes with. */
    static final String RENAME_WEBSITE = """
            mutation rename($domain: String!, $name: String!) { upsertWebsite(input: {domain: $domain, name: $name}) { created } }""";

    /**
     * The requests to measure: those named in {@code bench.queries} (comma-separated, e.g.
     * {@code LOOKUP,NESTED}), or all when it is empty or absent.
     */
    static List<Query> selected() {
        String names = System.getProperty("bench.queries", "").strip();
        return names.isEmpty() ? List.of(values())
                : Arrays.stream(names.split(",")).map(n -> valueOf(n.strip().toUpperCase(Locale.ROOT))).sorted().toList();
    }

    final String title;

    /** Whether the throughput and added-latency targets apply (else the heavier traversals' p50 ratio). */
    final boolean light;

    final String document;

    Query(String title, boolean light, String document) {
        this.title = title;
        this.light = light;
        this.document = document;
    }

}
