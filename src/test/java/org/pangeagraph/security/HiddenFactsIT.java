package org.pangeagraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pangeagraph.change.ChangeFeed;
import org.pangeagraph.db.GraphNormaliser;
import org.pangeagraph.db.GraphVersion;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.pangeagraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Facts of a case the reader is not in change nothing in the reader's answers (issue 15, finding 1):
 * one test per place where an ordering, a cut, a score or a count used to depend on them. Each asks
 * the same question as an investigator of CASE-A before and after an administrator adds (or removes)
 * facts of CASE-B, and compares the answers byte for byte.
 *
 * <p>Several of these leaks showed through the order in which the database holds an entity's links:
 * a node with fifty links or more is kept in groups by type, so hidden links added to a visible entity
 * reorder its visible ones. {@link #HIDDEN_LINKS} hidden links are enough to make any node dense.
 */
@IntegrationTest
class HiddenFactsIT {

    /** More hidden links to one entity than Neo4j keeps in one chain (50): its links are regrouped. */
    static final int HIDDEN_LINKS = 60;

    private static final String READER = TestUsers.INVESTIGATOR_A;

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @Autowired
    ChangeFeed feed;

    @BeforeEach
    void emptyGraph() {
        this.graph.reset();
    }

    /**
     * p leads to a-1 and b-1, with {@code companies} companies each that the reader sees; a-1 comes
     * before b-1 by id when both have as many links.
     */
    private void twoAssociates(int companies) {
        given("""
                CREATE (p:Person {id: 'p', name: 'Start'})
                CREATE (a:Person {id: 'a-1', name: 'A'}), (b:Person {id: 'b-1', name: 'B'})
                CREATE (p)-[:ASSOCIATE_OF]->(a), (p)-[:ASSOCIATE_OF]->(b)
                WITH a, b
                UNWIND range(1, $companies) AS i
                CREATE (a)-[:OFFICER_OF]->(:Company {id: 'c-a' + i, name: 'A ' + i, country: 'GB'})
                CREATE (b)-[:OFFICER_OF]->(:Company {id: 'c-b' + i, name: 'B ' + i, country: 'GB'})
                """, Map.of("companies", companies));
    }

    /** Two companies of CASE-B that a-1 is an officer of. */
    private static final String HIDDEN_COMPANIES_OF_A = """
            MATCH (a:Person {id: 'a-1'})
            CREATE (a)-[:OFFICER_OF {cases: ['CASE-B']}]->(:Company {name: 'Hidden One', country: 'GB', cases: ['CASE-B']})
            CREATE (a)-[:OFFICER_OF {cases: ['CASE-B']}]->(:Company {name: 'Hidden Two', country: 'GB', cases: ['CASE-B']})
            """;

    @Test
    void aTruncatedNetworkKeepsTheSameEntitiesWhenHiddenLinksAreAdded() {
        // With room for two entities at depth 2, a-1's companies are kept; hidden links made a-1 look
        // busier than b-1, whose companies then came first.
        twoAssociates(2);
        String network = "{ network(ids: [\"p\"], depth: 2, maxNodes: 5) { nodes { id } edges { id } truncated } }";

        unchangedBy(HIDDEN_COMPANIES_OF_A, () -> ask(network));
    }

    @Test
    void aTruncatedNetworkKeepsTheSameEntitiesWhenHiddenLinksAreRemoved() {
        twoAssociates(1);
        given(HIDDEN_COMPANIES_OF_A);
        String network = "{ network(ids: [\"p\"], depth: 2, maxNodes: 4) { nodes { id } edges { id } truncated } }";

        unchangedBy("MATCH (:Person {id: 'a-1'})-[r {cases: ['CASE-B']}]->() DELETE r", () -> ask(network));
    }

    @Test
    void theEntitiesOfOneAtTheCutDoNotDependOnHowTheDatabaseHoldsItsLinks() {
        // One website, five neighbours of three types, room for two: which two must not depend on the
        // order of the website's links in the store, which hidden links change.
        given("""
                CREATE (w:Website {id: 'w', domain: 'w.example'})
                CREATE (w)-[:HOSTED_AT]->(:IpAddress {id: 'n-5', address: '192.0.2.5'})
                CREATE (w)-[:ACCEPTS_PAYMENT_TO]->(:PaymentAccount {id: 'n-1', identifier: 'WALLET-1', kind: 'E_WALLET'})
                CREATE (w)-[:HOSTED_AT]->(:IpAddress {id: 'n-4', address: '192.0.2.4'})
                CREATE (w)-[:LISTS_CONTACT]->(:EmailAddress {id: 'n-2', address: 'shop@w.example'})
                CREATE (w)-[:HOSTED_AT]->(:IpAddress {id: 'n-3', address: '192.0.2.3'})
                """);
        String network = "{ network(ids: [\"w\"], depth: 1, maxNodes: 3) { nodes { id } edges { id } truncated } }";

        unchangedBy(hiddenLinksTo("Website", "w"), () -> ask(network));
    }

    @Test
    void aTruncatedNetworkExportKeepsTheSameEntities() {
        twoAssociates(1);

        unchangedBy(HIDDEN_COMPANIES_OF_A, () -> export("/export/network.graphml?ids=p&depth=2&maxNodes=4"));
    }

    @Test
    void aTruncatedCriminalNetworkKeepsTheSameRoutes() {
        // Two storefronts of one network, bound by an account, an operator and a registrant; room for the
        // websites and one of the three.
        given(storefronts(6) + """
                MATCH (w1:Website {id: 'w-1'}), (w2:Website {id: 'w-2'})
                CREATE (pa:PaymentAccount {id: 'pa-1', identifier: 'WALLET-1', kind: 'E_WALLET'})
                CREATE (op:Person {id: 'op-1', name: 'Operator'})
                CREATE (em:EmailAddress {id: 'em-1', address: 'registrant@w.example'})
                CREATE (w1)-[:REGISTERED_BY]->(em), (op)-[:OPERATES]->(w1), (w1)-[:ACCEPTS_PAYMENT_TO]->(pa)
                CREATE (w2)-[:ACCEPTS_PAYMENT_TO]->(pa), (op)-[:OPERATES]->(w2), (w2)-[:REGISTERED_BY]->(em)
                """);

        unchangedBy(hiddenLinksTo("Website", "w-1"),
                () -> export("/export/criminal-network.graphml?containing=w1.example&maxNodes=3")
                        + ask("{ criminalNetworks { edges { node { subgraph(maxNodes: 3) { nodes { id } edges { id } } } } } }"));
    }

    @Test
    void theRoutesShownForASharedItemDoNotDependOnHiddenLinks() {
        // w-1's seven parcels all go by one courier that w-2's parcel goes by too: five of the seven routes
        // are shown, on both sides.
        given(storefronts(6) + """
                MATCH (w1:Website {id: 'w-1'}), (w2:Website {id: 'w-2'})
                CREATE (c:Courier {id: 'courier', name: 'Courier'})
                CREATE (:Shipment {id: 's-2', trackingNumber: 'S2'})-[:ORDERED_FROM]->(w2)
                WITH w1, c
                UNWIND range(1, 7) AS i
                CREATE (s:Shipment {id: 's-1-' + i, trackingNumber: 'S1X' + i})-[:ORDERED_FROM]->(w1)
                CREATE (s)-[:CARRIED_BY]->(c)
                WITH DISTINCT c
                MATCH (s:Shipment {id: 's-2'}) CREATE (s)-[:CARRIED_BY]->(c)
                """);
        String shared = """
                { a: sharedInfrastructure(domain: "w1.example") { website { id } score sharedItems { kind weight
                     routesFromWebsite { via { id } links { id } } routesFromOther { via { id } links { id } } } }
                  b: sharedInfrastructure(domain: "w2.example") { website { id } score sharedItems { kind weight
                     routesFromWebsite { via { id } links { id } } routesFromOther { via { id } links { id } } } } }""";

        unchangedBy(hiddenLinksTo("Website", "w-1") + hiddenLinksTo("Courier", "courier"), () -> ask(shared));
    }

    @Test
    void searchFindsAndScoresTheSameVisibleEntitiesWhateverHiddenOnesMatch() {
        given("""
                CREATE (:PaymentAccount {id: 'pa-1', identifier: 'WALLET-VISIBLE', kind: 'E_WALLET'})
                CREATE (:Person {id: 'p-1', name: 'Walter Wallet'})
                """);

        unchangedBy("""
                UNWIND range(1, 12) AS i
                CREATE (:Person {name: 'Wallet Wallet ' + i, cases: ['CASE-B']})
                """, () -> ask("{ search(text: \"wallet\", first: 1) { node { id } score } }")
                        + ask("{ search(text: \"wallet walter\") { node { id } score } }"));
    }

    @Test
    void aTimelineOrdersEventsOfOneDayTheSameWay() {
        given("""
                CREATE (w:Website {id: 'w', domain: 'w.example'})
                CREATE (w)-[:HOSTED_AT {validFrom: date('2020-01-01')}]->(:IpAddress {id: 'ip-1', address: '192.0.2.1'})
                CREATE (w)-[:HOSTED_AT {validFrom: date('2020-01-01')}]->(:IpAddress {id: 'ip-3', address: '192.0.2.3'})
                CREATE (w)-[:ACCEPTS_PAYMENT_TO {validFrom: date('2020-01-01')}]->(:PaymentAccount {id: 'pa', identifier: 'W-1', kind: 'E_WALLET'})
                CREATE (w)-[:HOSTED_AT {validFrom: date('2020-01-01')}]->(:IpAddress {id: 'ip-2', address: '192.0.2.2'})
                """);

        unchangedBy(hiddenLinksTo("Website", "w"), () -> ask("{ timeline(ids: [\"w\"]) { date kind related { id } link { id } } }"));
    }

    @Test
    void aListFilteredByACaseTheReaderIsNotInIsEmpty() {
        // An entity of CASE-A that CASE-B also looks at: the reader of CASE-A sees it, but must not find it
        // by CASE-B, which would tell them that CASE-B exists and what it looks into.
        given("CREATE (:Website {id: 'w', domain: 'w.example', cases: ['CASE-A']})");

        unchangedBy("MATCH (w:Website {id: 'w'}) SET w.cases = ['CASE-A', 'CASE-B']",
                () -> ask("{ websites(filter: {case: \"CASE-B\"}) { totalCount edges { node { id } } } }"));
    }

    @Test
    void theShortestPathIsChosenTheSameWayAmongPathsOfOneLength() {
        // Two paths of two links from w to x, through ip-1 and through pa-1: which one is "the" shortest
        // path must not depend on the order of w's links in the store.
        given("""
                CREATE (w:Website {id: 'w', domain: 'w.example'}), (x:Website {id: 'x', domain: 'x.example'})
                CREATE (ip:IpAddress {id: 'ip-1', address: '192.0.2.1'})
                CREATE (pa:PaymentAccount {id: 'pa-1', identifier: 'W-1', kind: 'E_WALLET'})
                CREATE (em:EmailAddress {id: 'em-1', address: 'a@x.example'})
                CREATE (w)-[:ACCEPTS_PAYMENT_TO]->(pa), (x)-[:ACCEPTS_PAYMENT_TO]->(pa)
                CREATE (w)-[:HOSTED_AT]->(ip), (x)-[:HOSTED_AT]->(ip)
                CREATE (w)-[:LISTS_CONTACT]->(em), (x)-[:LISTS_CONTACT]->(em)
                """);
        String paths = """
                { one: paths(from: "w", to: "x") { nodes { id } edges { id } }
                  all: paths(from: "w", to: "x", mode: ALL_SHORTEST) { nodes { id } edges { id } }
                  two: paths(from: "w", to: "x", mode: K_SHORTEST, k: 2) { nodes { id } edges { id } } }""";

        unchangedBy(hiddenLinksTo("Website", "w") + hiddenLinksTo("Website", "x"), () -> ask(paths));
    }

    /** A storefront, its address and the link between them, as a member of CASE-A alone sees them, with the feed since {@code %d}. */
    private static final String TAKEN_UP = """
            { website(domain: "shared-case.example") { id version updatedAt cases
                ipAddresses { node { id version updatedAt cases } link { id recordedAt cases } } }
              changesSince(sequence: %d, first: 50) { changes { sequence kind properties entity { id cases } link { id cases } } } }""";

    /**
     * Case B taking up a storefront that case A follows, with its address and the link between them, and
     * leaving them again, changes nothing a member of A alone sees: not the storefront's version or
     * {@code updatedAt}, not the link, not the change feed. Written as an import writes them.
     */
    @Test
    void anotherCaseTakingUpFactsAndLeavingThemChangesNoAnswer() {
        given("""
                CREATE (w:Website {domain: 'shared-case.example', cases: ['CASE-A']})
                CREATE (i:IpAddress {address: '198.51.100.7', cases: ['CASE-A']})
                CREATE (w)-[:HOSTED_AT {cases: ['CASE-A']}]->(i)
                """);
        long start = this.feed.head();
        Supplier<String> answer = () -> ask(TAKEN_UP.formatted(start));
        assertThat(answer.get()).contains("\"version\":0", "\"cases\":[\"CASE-A\"]").doesNotContain("errors");

        unchangedBy("""
                MATCH (w:Website {domain: 'shared-case.example'})-[r:HOSTED_AT]->(i)
                SET w.cases = ['CASE-A', 'CASE-B'], r.cases = ['CASE-B', 'CASE-A'], i.cases = ['CASE-A', 'CASE-C']
                """, answer);
        unchangedBy("""
                MATCH (w:Website {domain: 'shared-case.example'})-[r:HOSTED_AT]->(i)
                SET w.cases = ['CASE-A'], r.cases = ['CASE-A'], i.cases = ['CASE-A']
                """, answer);
        assertThat(this.feed.head()).as("the feed recorded the changes of cases").isGreaterThan(start);
    }

    /**
     * The same through the API: a member of both cases tags the storefront and its hosting link with B
     * too. The member of A alone is told nothing; the member of both sees both cases and the change of
     * cases in the feed, at the version the storefront had, which a change of a property then raises.
     * Of a change of both a property and case B's tag, the member of A alone is told the property.
     */
    @Test
    void aMemberOfBothCasesTakingUpFactsMovesNoVersionTheOtherCaseSees() {
        GraphQlClient both = this.client.as(TestUsers.INVESTIGATOR_AB);
        both.send("mutation { upsertWebsite(input: {domain: \"shared-case.example\", cases: [\"CASE-A\"]}) { created } }");
        both.send("mutation { upsertIpAddress(input: {address: \"198.51.100.7\", cases: [\"CASE-A\"]}) { created } }");
        String link = "mutation { link(input: {type: HOSTED_AT, from: {kind: WEBSITE, key: \"shared-case.example\"}, "
                + "to: {kind: IP_ADDRESS, key: \"198.51.100.7\"}, cases: %s}) { created } }";
        assertThat(both.send(link.formatted("[\"CASE-A\"]"))).contains("\"created\":true");
        long start = this.feed.head();
        String before = ask(TAKEN_UP.formatted(start));
        String version = "$.data.website.version";
        int seen = JsonPath.read(before, version);

        assertThat(both.send("mutation { upsertWebsite(input: {domain: \"shared-case.example\", cases: [\"CASE-A\", \"CASE-B\"]}) "
                + "{ website { version cases } } }")).contains("\"version\":" + seen, "\"cases\":[\"CASE-A\",\"CASE-B\"]");
        assertThat(both.send(link.formatted("[\"CASE-A\", \"CASE-B\"]"))).contains("\"created\":false");

        assertThat(ask(TAKEN_UP.formatted(start))).as("the answer after case B took the facts up").isEqualTo(before);
        String bothSee = both.send(TAKEN_UP.formatted(start));
        assertThat(JsonPath.<Integer>read(bothSee, version)).isEqualTo(seen);
        assertThat(JsonPath.<List<String>>read(bothSee, "$.data.website.ipAddresses[0].link.cases")).containsExactly("CASE-A", "CASE-B");
        assertThat(JsonPath.<List<Object>>read(bothSee, "$.data.changesSince.changes[*].properties"))
            .containsExactly(List.of("cases"), List.of("cases"));

        // A name given with case B taken off again: the member of A alone is told of the name only.
        long renamed = this.feed.head();
        String changed = both.send("mutation { upsertWebsite(input: {domain: \"shared-case.example\", name: \"Shared\", "
                + "cases: [\"CASE-A\"]}) { website { version updatedAt } } }");
        assertThat(JsonPath.<Integer>read(changed, "$.data.upsertWebsite.website.version")).isEqualTo(seen + 1);
        assertThat(JsonPath.<String>read(changed, "$.data.upsertWebsite.website.updatedAt"))
            .isGreaterThan(JsonPath.<String>read(before, "$.data.website.updatedAt"));
        String properties = "$.data.changesSince.changes[*].properties";
        assertThat(JsonPath.<List<Object>>read(ask(TAKEN_UP.formatted(renamed)), properties)).containsExactly(List.of("name"));
        assertThat(JsonPath.<List<Object>>read(both.send(TAKEN_UP.formatted(renamed)), properties)).containsExactly(List.of("cases", "name"));
    }

    /** Asks twice, before and after the hidden facts are written, and compares the answers. */
    private void unchangedBy(String hiddenFacts, Supplier<String> answer) {
        String before = answer.get();
        given(hiddenFacts);
        String after = answer.get();
        assertThat(after).as("the answer after facts of CASE-B were written").isEqualTo(before);
    }

    /** Writes facts as an import would: then the post-import pass, and a new graph version. */
    private void given(String cypher) {
        given(cypher, Map.of());
    }

    private void given(String cypher, Map<String, Object> parameters) {
        this.graph.write(cypher, parameters);
        new GraphNormaliser(this.graph.db()).run();
        new GraphVersion(this.graph.db()).bump();
    }

    /**
     * {@link #HIDDEN_LINKS} links of CASE-B between the entity and entities of CASE-B, in a statement of
     * their own (to append to another): e-mail addresses a website lists, or parcels a courier carries.
     */
    private static String hiddenLinksTo(String label, String id) {
        String link = switch (label) {
            case "Website" -> "CREATE (n)-[:LISTS_CONTACT {cases: ['CASE-B']}]->(:EmailAddress "
                    + "{address: 'hidden-' + i + '-' + n.id + '@b.example', cases: ['CASE-B']})";
            case "Courier" -> "CREATE (:Shipment {trackingNumber: 'HIDDEN' + i + toUpper(n.id), cases: ['CASE-B']})"
                    + "-[:CARRIED_BY {cases: ['CASE-B']}]->(n)";
            default -> throw new IllegalArgumentException(label);
        };
        return """
                WITH count(*) AS before
                MATCH (n:%s {id: '%s'})
                UNWIND range(1, %d) AS i
                %s
                """.formatted(label, id, HIDDEN_LINKS, link);
    }

    /** {@code n} websites w-1..w-n (w1.example...), so that an item two of them share weighs ln(n / 2) &gt; 1. */
    private static String storefronts(int n) {
        return "UNWIND range(1, " + n + ") AS i CREATE (:Website {id: 'w-' + i, domain: 'w' + i + '.example'})\n"
                + "WITH count(*) AS websites\n";
    }

    private String ask(String document) {
        return this.client.as(READER).send(document);
    }

    private String export(String uri) {
        return this.client.as(READER).webClient().get().uri(uri).accept(MediaType.ALL).exchange().expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();
    }

}
