package org.pangeagraph.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.schema.GraphQLFieldDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import org.pangeagraph.change.ChangeFeed;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Against a cluster, read transactions go to secondaries: so every query of the schema must open read
 * transactions only. Every transaction the application opens is recorded with its access mode while
 * each field of Query runs on the seed; a test checks that the list below covers every field of Query,
 * so a new query cannot skip this check.
 */
@IntegrationTest
class ReadTransactionsIT {

    private static final Pattern FIELD = Pattern.compile("^\\s*\\{?\\s*(\\w+)");

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @Autowired
    GraphQlSource graphQlSource;

    private final List<AccessMode> modes = Collections.synchronizedList(new ArrayList<>());

    @Autowired
    ChangeFeed feed;

    /** The transactions the requests open, not those of the application's work in the background. */
    private final GraphDb.TransactionObserver observer = mode -> {
        if (!TestGraph.inBackground()) {
            this.modes.add(mode);
        }
    };

    @BeforeEach
    void seed() {
        this.graph.startWithTheSeed();
        this.graph.db().addObserver(this.observer);
    }

    @AfterEach
    void stopRecording() {
        this.graph.db().removeObserver(this.observer);
    }

    @Test
    void everyQueryRunsInReadTransactionsOnly() {
        String website = id("{ website(domain: \"steroid-depot.example\") { id } }", "website.id");
        String carla = "sample-person-carla-fictitious";
        String account = id("{ paymentAccount(identifier: \"MID-EXAMPLE-RXP-0001\") { id } }", "paymentAccount.id");
        List<String> queries = queries(website, carla, account, this.feed.oldest() - 1);
        this.modes.clear();

        for (String query : queries) {
            this.client.tester().document(query).execute().errors().verify();
        }

        assertThat(this.modes).isNotEmpty().containsOnly(AccessMode.READ);
        Set<String> covered = new TreeSet<>();
        queries.forEach(q -> {
            Matcher m = FIELD.matcher(q);
            if (m.find()) {
                covered.add(m.group(1));
            }
        });
        Set<String> schema = new TreeSet<>(this.graphQlSource.schema().getQueryType().getFieldDefinitions().stream()
            .map(GraphQLFieldDefinition::getName).toList());
        assertThat(covered).as("every field of Query is exercised").containsAll(schema);
    }

    @Test
    void theRecordingSeesWriteTransactionsToo() {
        this.modes.clear();
        this.client.tester().document("mutation { upsertCountry(input: {code: \"fr\", name: \"France\"}) { created } }")
            .execute().errors().verify();
        assertThat(this.modes).contains(AccessMode.WRITE);
    }

    private String id(String query, String path) {
        return this.client.tester().document(query).execute().path(path).entity(String.class).get();
    }

    private static List<String> queries(String website, String person, String account, long keptFrom) {
        List<String> queries = new ArrayList<>(List.of(
                "{ node(id: \"" + website + "\") { id caption } }",
                "{ website(domain: \"steroid-depot.example\") { id ipAddresses { node { websites { node { domain } } } } "
                        + "registrars { node { name } } registrants { node { caption } } contacts { node { caption } } "
                        + "paymentAccounts { node { holders { node { caption } } } } redirectsTo { node { domain } } "
                        + "redirectedFrom { node { domain } } shipments { node { couriers { node { name } } contents { link { quantity } } } } "
                        + "operators { node { caption } } takenDownBy { node { code } } } }",
                "{ ipAddress(address: \"203.0.113.10\") { hostingProviders { node { name } } } }",
                "{ hostingProvider(name: \"ironclad hosting example\") { ipAddresses { node { address } } } }",
                "{ registrar(name: \"worldnames registrar example\") { websites(first: 3) { node { domain } } } }",
                "{ emailAddress(address: \"domains@rx-partners.example\") { registeredWebsites { node { domain } } } }",
                "{ phoneNumber(number: \"+441614960555\") { listedOn { node { domain } } usedBy { node { caption } } } }",
                "{ paymentAccount(identifier: \"MID-EXAMPLE-RXP-0001\") { holders { node { caption } } } }",
                "{ shipment(trackingNumber: \"sample-0007\") { websites { node { domain } } seizedBy { node { code } } } }",
                "{ courier(name: \"national post example\") { shipments(first: 3) { node { trackingNumber } } } }",
                "{ product(name: \"tramadol 50 mg\") { id } }",
                "{ address(text: \"nowhere\") { id } }",
                "{ person(id: \"" + person + "\") { operates { node { domain } } associates { node { caption } } investigatedBy { node { caption } } } }",
                "{ company(name: \"rx partners ltd\", country: \"CY\") { holds { node { identifier } } officers { node { caption } } } }",
                "{ operation(code: \"pangea-ii\") { figuresFromGraph { pillsSeized } participants { node { name } } } }",
                "{ agency(name: \"interpol\") { coordinated { node { code } } } }",
                "{ country(code: \"gb\") { operations { node { code } } located { node { caption } } } }",
                "{ case(number: \"sample-2009-001\") { investigates { node { caption } } } }",
                "{ source(key: \"interpol-pangea-ii-results-2009\") { title } }",
                "{ nameServer(hostName: \"ns1.nowhere.example\") { websites { node { domain } } } }",
                "{ search(text: \"steroid\") { caption } }",
                "{ sharedInfrastructure(domain: \"steroid-depot.example\") { score } }",
                "{ network(ids: [\"" + website + "\"]) { nodes { id } } }",
                "{ paths(from: \"" + person + "\", to: \"" + website + "\", mode: ALL_SHORTEST) { length } }",
                "{ timeline(ids: [\"" + website + "\"]) { date } }",
                "{ criminalNetworks { edges { node { id subgraph { truncated } } } } }",
                "{ criminalNetwork(containing: \"steroid-depot.example\") { size } }",
                "{ keyInfrastructure { rank } }",
                "{ takedownImpact(ids: [\"" + account + "\"]) { websitesWithoutPaymentCount } }",
                "{ resolutionCandidates { totalCount edges { node { score } } } }",
                "{ resolutionCandidatesFor(id: \"" + person + "\") { score } }",
                "{ sameAsCluster(id: \"" + person + "\") { members { id } } }",
                "{ resolutionConflicts { judgement { id } } }",
                "{ myWatches { id name } }",
                "{ myAlerts(status: [OPEN], first: 5) { edges { node { id summary } } } }",
                "{ alert(id: \"no-such-alert\") { id } }",
                "{ changesSince(sequence: " + keptFrom + ", first: 5) { lastSequence changes { kind } } }",
                // Reads the audit files, not the graph: it must open no transaction at all, least of all a write.
                "{ auditLog(first: 3) { edges { node { operation } } } }"));
        for (String list : List.of("websites", "ipAddresses", "hostingProviders", "registrars", "emailAddresses", "phoneNumbers",
                "paymentAccounts", "shipments", "couriers", "products", "addresses", "people", "companies", "operations",
                "agencies", "countries", "cases", "sources", "nameServers")) {
            queries.add("{ " + list + "(first: 3) { totalCount edges { node { id caption } } } }");
        }
        return queries;
    }

}
