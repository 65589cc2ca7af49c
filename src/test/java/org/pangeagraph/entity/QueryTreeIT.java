package org.pangeagraph.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.RawGraphQl;
import org.pangeagraph.support.TestGraph;
import org.pangeagraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A kind's lookup or list with a tree of relationship fields under it is read in one statement, whatever
 * the tree's depth ({@link QueryTree}), and answers exactly what the batched read answers: the same links
 * in the same order, cut at the same {@code first}, held on the same {@code asOf}, with the same provenance,
 * and none of a case the reader is not in. The batched read is {@code node(id:)}, whose fields still load a
 * level at a time. The fixture is {@code fixtures/query-trees.cypher}; its header says what each link is for.
 */
@IntegrationTest
class QueryTreeIT {

    /** Three levels of relationship fields under a website, a field of two kinds among them. */
    private static final String TREE = """
            domain
            ipAddresses%s {
              link { id source grade validFrom validTo cases }
              node { address
                hostingProviders { link { id source grade cases } node { name
                  ipAddresses(first: 2) { node { address } } } } } }
            paymentAccounts { node { identifier
              holders { link { source } node { caption entityKind ... on Person { operates { node { domain } } } } } } }
            """;

    /**
     * Every relationship field of a website, of its IP addresses and of its payment accounts: sixteen, the
     * most one statement reads ({@link TreeStatement#MAX_FIELDS}); {@code %s} is room for a seventeenth.
     */
    private static final String SIXTEEN = """
            domain
            ipAddresses { node { address hostingProviders { node { name %s } } websites { node { domain } } locatedIn { node { id } } } }
            registrars { node { id } } registrants { node { id } } contacts { node { id } } nameServers { node { id } }
            paymentAccounts { node { identifier websites { node { domain } } holders { node { id } } } }
            redirectsTo { node { id } } redirectedFrom { node { id } } shipments { node { id } } operators { node { id } }
            takenDownBy { node { id } }
            """;

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @BeforeEach
    void trees() {
        this.graph.startWith("query-trees");
    }

    @Test
    void aLookupWithThreeLevelsOfRelationsRunsOneStatementAndAnswersWhatTheGraphHolds() {
        long before = this.graph.statementsRun();

        Map<String, Object> website = data(TestUsers.INVESTIGATOR_A, "{ website(domain: \"tree1.example\") { "
                + TREE.formatted("") + " } }", "website");

        assertThat(this.graph.statementsRun() - before).isEqualTo(1);
        assertThat(website).isEqualTo(json("""
                {"domain": "tree1.example",
                 "ipAddresses": [
                   {"link": {"id": "tree-l-w1-ip1", "source": "dns-1", "grade": "A", "validFrom": "2018-01-01", "validTo": null, "cases": []},
                    "node": {"address": "203.0.113.1", "hostingProviders": [
                      {"link": {"id": "tree-l-ip1-host1", "source": "whois-1", "grade": "B", "cases": []},
                       "node": {"name": "Host One", "ipAddresses": [{"node": {"address": "203.0.113.1"}}, {"node": {"address": "203.0.113.4"}}]}}]}},
                   {"link": {"id": "tree-l-w1-ip2", "source": "dns-2", "grade": "C", "validFrom": "2019-01-01", "validTo": "2020-06-30", "cases": []},
                    "node": {"address": "203.0.113.2", "hostingProviders": []}}],
                 "paymentAccounts": [{"node": {"identifier": "TREE-WALLET", "holders": [
                   {"link": {"source": "bank-2"}, "node": {"caption": "Tree Company (NL)", "entityKind": "COMPANY"}},
                   {"link": {"source": "bank-1"}, "node": {"caption": "Tree Person", "entityKind": "PERSON",
                     "operates": [{"node": {"domain": "tree1.example"}}, {"node": {"domain": "tree2.example"}}]}}]}}]}
                """));
    }

    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = { TestUsers.VIEWER, TestUsers.INVESTIGATOR_A, TestUsers.INVESTIGATOR_B, TestUsers.ADMIN })
    void aLookupsTreeAnswersWhatTheBatchedReadAnswers(String user) {
        for (String arguments : List.of("", "(asOf: \"2021-01-01\")", "(asOf: \"2019-06-01\", first: 1)", "(first: 2)")) {
            String tree = TREE.formatted(arguments);
            long before = this.graph.statementsRun();
            Map<String, Object> compiled = data(user, "{ website(domain: \"tree1.example\") { " + tree + " } }", "website");
            long compiledStatements = this.graph.statementsRun() - before;
            before = this.graph.statementsRun();
            Map<String, Object> batched = data(user, "{ node(id: \"tree-w1\") { ... on Website { " + tree + " } } }", "node");
            long batchedStatements = this.graph.statementsRun() - before;

            assertThat(compiled).as(user + " " + arguments).isEqualTo(batched);
            assertThat(compiledStatements).isEqualTo(1);
            assertThat(batchedStatements).as("the batched read, a statement per field and level").isGreaterThan(3);
        }
    }

    @Test
    void whatACaseMemberSeesInTheTreeAndWhatAnotherDoesNot() {
        String document = "{ website(domain: \"tree1.example\") { ipAddresses { node { address "
                + "hostingProviders { node { name } } } } } }";

        assertThat(JsonPath.<List<String>>read(RawGraphQl.query(this.client.as(TestUsers.INVESTIGATOR_B), document),
                "$.data.website.ipAddresses[*].node.address")).containsExactly("203.0.113.1", "203.0.113.2", "203.0.113.3");
        assertThat(JsonPath.<List<String>>read(RawGraphQl.query(this.client.as(TestUsers.INVESTIGATOR_B), document),
                "$.data.website.ipAddresses[0].node.hostingProviders[*].node.name")).containsExactly("Host One", "Host Secret");
        assertThat(JsonPath.<List<String>>read(RawGraphQl.query(this.client.as(TestUsers.INVESTIGATOR_A), document),
                "$.data.website.ipAddresses[*].node.address")).containsExactly("203.0.113.1", "203.0.113.2");
        assertThat(JsonPath.<List<String>>read(RawGraphQl.query(this.client.as(TestUsers.INVESTIGATOR_A), document),
                "$.data.website.ipAddresses[0].node.hostingProviders[*].node.name")).containsExactly("Host One");
    }

    @ParameterizedTest(name = "as {0}")
    @ValueSource(strings = { TestUsers.INVESTIGATOR_A, TestUsers.INVESTIGATOR_B })
    void aPageWithThreeLevelsOfRelationsRunsOneStatementAndAnswersWhatTheBatchedReadAnswersForEach(String user) {
        String tree = TREE.formatted("(asOf: \"2019-06-01\")");
        long before = this.graph.statementsRun();

        Map<String, Object> page = data(user, "{ websites(filter: {text: \"tree\"}, first: 5) { edges { node { id "
                + tree + " } } } }", "websites");

        assertThat(this.graph.statementsRun() - before).isEqualTo(1);
        List<Map<String, Object>> nodes = JsonPath.read(page, "$.edges[*].node");
        assertThat(nodes).extracting(n -> n.get("domain")).containsExactly("tree1.example", "tree2.example");
        for (Map<String, Object> node : nodes) {
            Map<String, Object> batched = data(user, "{ node(id: \"" + node.get("id") + "\") { ... on Website { id " + tree
                    + " } } }", "node");
            assertThat(node).isEqualTo(batched);
        }
        assertThat(JsonPath.<List<String>>read(page, "$.edges[1].node.ipAddresses[*].node.hostingProviders[*].node.name"))
            .containsExactly("Host One");
    }

    @Test
    void aLookupByIdOfAKindWithoutKeyReadsItsTreeInOneStatement() {
        long before = this.graph.statementsRun();

        Map<String, Object> person = data(TestUsers.VIEWER, "{ person(id: \"tree-person\") { name operates { node { domain "
                + "ipAddresses { node { address hostingProviders { node { name } } } } } } } }", "person");

        assertThat(this.graph.statementsRun() - before).isEqualTo(1);
        assertThat(person).isEqualTo(json("""
                {"name": "Tree Person", "operates": [
                  {"node": {"domain": "tree1.example", "ipAddresses": [
                    {"node": {"address": "203.0.113.1", "hostingProviders": [{"node": {"name": "Host One"}}]}},
                    {"node": {"address": "203.0.113.2", "hostingProviders": []}}]}},
                  {"node": {"domain": "tree2.example", "ipAddresses": [
                    {"node": {"address": "203.0.113.4", "hostingProviders": [{"node": {"name": "Host One"}}]}}]}}]}
                """));
        assertThat(data(TestUsers.VIEWER, "{ person(id: \"tree-w1\") { name operates { node { domain } } } }", "person"))
            .as("a website's id is no person").isNull();
    }

    @Test
    void aTreeThatDoesNotCompileIsReadInBatchesWithTheSameAnswersAndErrors() {
        // first out of bounds: the field has its error, as in the batched read.
        String tooMany = RawGraphQl.query(this.client.as(TestUsers.VIEWER),
                "{ website(domain: \"tree1.example\") { domain ipAddresses(first: 501) { node { address } } } }");
        assertThat(RawGraphQl.errorCodes(tooMany)).containsExactly("LIMIT_EXCEEDED");
        assertThat(JsonPath.<List<Object>>read(tooMany, "$.errors[0].path")).containsExactly("website", "ipAddresses");
        // One response key for two different fields of the same entity, under two aliases of node.
        String aliases = RawGraphQl.query(this.client.as(TestUsers.VIEWER), """
                { website(domain: "tree1.example") { ipAddresses {
                    a: node { address x: hostingProviders { node { name } } }
                    b: node { x: websites { node { domain } } } } } }""");
        assertThat(JsonPath.<List<Object>>read(aliases, "$.data.website.ipAddresses[*].a.x[*].node.name")).containsExactly("Host One");
        assertThat(JsonPath.<List<Object>>read(aliases, "$.data.website.ipAddresses[*].b.x[*].node.domain"))
            .containsExactly("tree1.example", "tree1.example");
    }

    @Test
    void aTreeOfSixteenFieldsIsOneStatementAndOfSeventeenLoadsInBatchesWithTheSameAnswers() {
        String sixteen = SIXTEEN.formatted("");
        String seventeen = SIXTEEN.formatted("ipAddresses { node { address } }");

        long before = this.graph.statementsRun();
        Map<String, Object> compiled = data(TestUsers.INVESTIGATOR_A, "{ website(domain: \"tree1.example\") { " + sixteen + " } }",
                "website");
        long compiledStatements = this.graph.statementsRun() - before;
        before = this.graph.statementsRun();
        Map<String, Object> batched = data(TestUsers.INVESTIGATOR_A, "{ website(domain: \"tree1.example\") { " + seventeen
                + " } }", "website");
        long batchedStatements = this.graph.statementsRun() - before;

        assertThat(compiledStatements).isEqualTo(1);
        assertThat(batchedStatements).as("the root, then a statement per field and level").isGreaterThanOrEqualTo(12);
        assertThat(compiled).isEqualTo(data(TestUsers.INVESTIGATOR_A, "{ node(id: \"tree-w1\") { ... on Website { "
                + sixteen + " } } }", "node"));
        assertThat(batched).isEqualTo(data(TestUsers.INVESTIGATOR_A, "{ node(id: \"tree-w1\") { ... on Website { "
                + seventeen + " } } }", "node"));
        assertThat(JsonPath.<List<String>>read(batched, "$.ipAddresses[0].node.hostingProviders[0].node.ipAddresses[*].node.address"))
            .containsExactly("203.0.113.1", "203.0.113.4", "203.0.113.5");
        assertThat(JsonPath.<List<String>>read(compiled, "$.paymentAccounts[*].node.identifier")).containsExactly("TREE-WALLET");
    }

    /**
     * Whoever asks (no case, one, two, all) and whichever day each field is asked on, a tree is one plan in
     * Neo4j's plan cache: the reader's cases and the fields' values are in map parameters, whose content
     * the cache does not key on. Counted as the entries {@code db.clearQueryCaches()} clears
     * ({@link TestGraph#plansOf}): after one reader's request, and after the same request by every reader with
     * days given to some fields and not to others.
     */
    @Test
    void aTreeIsOnePlanWhoeverAsksAndWhicheverDayEachFieldIsAskedOn() {
        String document = "{ website(domain: \"tree1.example\") { domain ipAddresses%s { node { address hostingProviders%s {"
                + " node { name } } } } paymentAccounts%s { node { identifier } } } }";
        String none = document.formatted("", "", "");
        long one = this.graph.plansOf(() -> data(TestUsers.VIEWER, none, "website"));
        long all = this.graph.plansOf(() -> {
            data(TestUsers.VIEWER, none, "website");
            data(TestUsers.INVESTIGATOR_A, document.formatted("(asOf: \"2021-01-01\")", "", ""), "website");
            data(TestUsers.INVESTIGATOR_AB, document.formatted("", "(asOf: \"2019-06-01\")", "(first: 1)"), "website");
            data(TestUsers.ADMIN, document.formatted("(asOf: \"2020-01-01\")", "(asOf: \"2020-01-01\")", "(asOf: \"2020-01-01\")"),
                    "website");
        });

        assertThat(one).as("the plans one request needs").isPositive();
        assertThat(all).as("the plans of the same tree asked by four readers on other days").isEqualTo(one);
    }

    /** An answer written out by hand. */
    private static Map<String, Object> json(String text) {
        return JsonPath.parse(text).json();
    }

    private Map<String, Object> data(String user, String document, String field) {
        String body = RawGraphQl.query(this.client.as(user), document);
        assertThat(RawGraphQl.errorCodes(body)).as(body).isEmpty();
        return JsonPath.read(body, "$.data." + field);
    }

}
