package org.pangeagraph.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.neo4j.driver.Record;
import org.neo4j.driver.Values;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.pangeagraph.support.TestUsers;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * The statement log ({@code org.pangeagraph.cypher} at DEBUG) prints every statement an investigator's
 * queries run, and what it prints is runnable as it stands: each {@code :param} line, evaluated as Neo4j
 * Browser evaluates it, gives back the parameter the application sent, and the printed statement with
 * those parameters gives the rows the application got: the traversals' statements, and a lookup's and a
 * list's with the tree of relationship fields they read, and entity resolution's.
 */
@IntegrationTest
// The statement log is the JVM's: nothing may run statements beside this class.
@Isolated
class CypherLogIT {

    /** Queries of a case member over facts of two cases, with dates, lists, maps and quotes in the parameters. */
    private static final List<String> QUERIES = List.of("""
            { paths(from: "pub-w1", to: "pub-w2", mode: K_SHORTEST, k: 3, maxHops: 4, asOf: "2009-06-01",
                    relationshipTypes: [HOSTED_AT, ACCEPTS_PAYMENT_TO]) { length } }""",
            """
            { sharedInfrastructure(domain: "pub1.example", asOf: "2009-06-01") {
                website { domain } score sharedItems { kind routesFromOther { links { type } } } } }""",
            """
            { criminalNetworks(minWebsites: 2) { totalCount edges { node { size websites { domain } } } } }""",
            """
            { search(text: "O'Brien \\\\ pub1") { kind caption } }""",
            """
            { network(ids: ["pub-w1"], depth: 2, maxNodes: 50) { nodes { id } edges { type } truncated } }""",
            """
            { website(domain: "pub1.example") { domain ipAddresses(asOf: "2009-06-01") { link { source } node { address
                websites(first: 5) { node { domain } } } } paymentAccounts { node { identifier holders { node { caption } } } } } }""",
            """
            { websites(filter: {text: "pub"}, first: 3) { edges { node { domain operators { node { caption } } } } } }""",
            """
            { resolutionCandidates(minScore: 0, first: 5) { totalCount edges { node { score a { id } b { id } } } } }""",
            """
            { sameAsCluster(id: "pub-w1") { members { id } } }""");

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    private final Logger log = (Logger) LoggerFactory.getLogger(CypherLog.CATEGORY);

    private final ListAppender<ILoggingEvent> printed = new ListAppender<>();

    private final List<Ran> ran = Collections.synchronizedList(new ArrayList<>());

    private final GraphDb.TransactionObserver observer = new GraphDb.TransactionObserver() {
        @Override
        public void opened(org.neo4j.driver.AccessMode mode) {
        }

        @Override
        public void ran(String cypher, Map<String, Object> parameters) {
            if (!TestGraph.inBackground()) {
                CypherLogIT.this.ran.add(new Ran(cypher, new LinkedHashMap<>(parameters)));
            }
        }
    };

    private Level levelBefore;

    record Ran(String cypher, Map<String, Object> parameters) {
    }

    @BeforeEach
    void listen() {
        this.graph.startWith("need-to-know");
        this.levelBefore = this.log.getLevel();
        this.log.setLevel(Level.DEBUG);
        this.printed.start();
        this.log.addAppender(this.printed);
        this.graph.db().addObserver(this.observer);
    }

    @AfterEach
    void stop() {
        this.graph.db().removeObserver(this.observer);
        this.log.detachAppender(this.printed);
        this.log.setLevel(this.levelBefore);
    }

    @Test
    void everyStatementIsPrintedReadyToRunAgainWithTheSameRows() {
        for (String query : QUERIES) {
            assertThat(this.client.as(TestUsers.INVESTIGATOR_A).send(query)).doesNotContain("\"errors\"");
        }
        stop();
        // The application's work in the background (the change feed, the alerts) runs statements of its own meanwhile.
        List<String> logged = this.printed.list.stream().filter(event -> !TestGraph.isBackground(event.getThreadName()))
            .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(logged).allSatisfy(text -> assertThat(text).startsWith("\n"));
        logged = logged.stream().map(text -> text.substring(1)).toList();
        List<Ran> sent = List.copyOf(this.ran);
        assertThat(sent).hasSizeGreaterThan(QUERIES.size());
        assertThat(logged).as("one printed statement for each statement run").hasSameSizeAs(sent);
        assertThat(logged).anySatisfy(text -> assertThat(text).contains(":param asOf => date('2009-06-01');"))
            .anySatisfy(text -> assertThat(text).contains(":param levels => {").contains("asOf1: date('2009-06-01')").contains("COLLECT {"))
            .anySatisfy(text -> assertThat(text).contains(":param caller => {myCases: ['CASE-A']};"))
            // Entity resolution's: the evidence of a page of candidate pairs (a list of maps), and the judgements.
            .anySatisfy(text -> assertThat(text).contains(":param pairs => [{").contains("UNWIND $pairs AS pair"))
            .anySatisfy(text -> assertThat(text).contains("[j:SAME_AS|NOT_SAME_AS|UNSURE_SAME_AS]->(b:Entity)"));

        for (String text : logged) {
            Printed parsed = parse(text);
            Map<String, Object> evaluated = evaluate(parsed.parameters());
            Ran original = sent.stream()
                .filter(r -> r.cypher().strip().equals(parsed.statement()) && normal(r.parameters()).equals(evaluated))
                .findFirst().orElse(null);
            assertThat(original).as("a statement run with exactly the printed parameters:%n%s", text).isNotNull();
            assertThat(rows(parsed.statement(), evaluated)).as("rows of%n%s", text)
                .containsExactlyInAnyOrderElementsOf(rows(original.cypher(), original.parameters()));
        }
    }

    private record Printed(Map<String, String> parameters, String statement) {
    }

    /** The {@code :param} lines (name to literal) and the statement, without its final semicolon. */
    private static Printed parse(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String rest = text;
        while (rest.startsWith(":param ")) {
            int end = rest.indexOf(";\n");
            String line = rest.substring(":param ".length(), end);
            int arrow = line.indexOf(" => ");
            parameters.put(line.substring(0, arrow), line.substring(arrow + 4));
            rest = rest.substring(end + 2);
        }
        assertThat(rest).endsWith(";");
        return new Printed(parameters, rest.substring(0, rest.length() - 1));
    }

    /** Each literal evaluated by the database, as Neo4j Browser evaluates {@code :param name => literal}. */
    private Map<String, Object> evaluate(Map<String, String> literals) {
        Map<String, Object> values = new LinkedHashMap<>();
        literals.forEach((name, literal) -> values.put(name,
                this.graph.read("RETURN " + literal + " AS value", Map.of()).get(0).get("value").asObject()));
        return values;
    }

    private List<Map<String, Object>> rows(String cypher, Map<String, Object> parameters) {
        return this.graph.db().read(tx -> tx.run(cypher, parameters)).stream().map(Record::asMap).map(CypherLogIT::normal)
            .toList();
    }

    /** A map of values as the driver gives them back (every integer a long, every array a list). */
    private static Map<String, Object> normal(Map<String, Object> values) {
        return Values.value(values).asMap(v -> v.asObject());
    }

}
