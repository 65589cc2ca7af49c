package org.pangeagraph.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.pangeagraph.change.SubscriptionLimits;
import org.pangeagraph.db.EmbeddedNeo4j;
import org.pangeagraph.db.SeedLoader;
import org.pangeagraph.ingest.ImportCommand;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.support.Await;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.RawGraphQl;
import org.pangeagraph.support.Subscription;
import org.pangeagraph.support.TestGraph;
import org.pangeagraph.support.TestTokens;
import org.pangeagraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Watches and alerts end to end, with real clients: an investigator watches a merchant account, and a new
 * storefront paying into it reaches them over graphql-ws and server-sent events, whoever wrote it (a
 * mutation, an import, a client on the Bolt port); nothing reaches them about an unwatched account or a
 * fact of a case they are not in, nor once they have left the case; the limits answer with their code.
 */
@IntegrationTest
class AlertsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final String ALERTS = """
            subscription { alertRaised { id summary owner subject { key kind } changes { user origin kind }
              evidence { type source grade from { key } to { key } } } }
            """;

    private static final String CREATE_WATCH = """
            mutation($input: WatchInput!) { createWatch(input: $input) { id name template targets { key } } }
            """;

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @Autowired
    EmbeddedNeo4j embedded;

    @Autowired
    SubscriptionLimits limits;

    @Value("${local.server.port}")
    int port;

    @Value("${spring.graphql.http.sse.keep-alive}")
    Duration keepAlive;

    String watchedAccount;

    String watchedIdentifier;

    @BeforeEach
    void seed() {
        this.graph.reset();
        ok(this.client, """
                mutation {
                  source: upsertSource(input: {key: "test-purchase", title: "A test purchase"}) { created }
                  shop: upsertWebsite(input: {domain: "network-a-shop.example"}) { created }
                  watched: upsertPaymentAccount(input: {identifier: "MID-WATCHED-1", kind: CARD_MERCHANT}) { created }
                  other: upsertPaymentAccount(input: {identifier: "MID-OTHER-1", kind: CARD_MERCHANT}) { created }
                  link(input: {type: ACCEPTS_PAYMENT_TO, from: {kind: WEBSITE, key: "network-a-shop.example"},
                    to: {kind: PAYMENT_ACCOUNT, key: "MID-WATCHED-1"}, source: "test-purchase", grade: "B2"}) { created }
                }
                """);
        var account = this.graph.read("MATCH (p:PaymentAccount) WHERE p.identifier STARTS WITH 'MIDWATCHED' OR p.identifier "
                + "STARTS WITH 'MID-WATCHED' RETURN p.id AS id, p.identifier AS identifier", Map.of()).get(0);
        this.watchedAccount = account.get("id").asString();
        this.watchedIdentifier = account.get("identifier").asString();
    }

    @Test
    void aNewStorefrontOnAWatchedAccountReachesTheOwnerOverBothTransportsWhoeverWroteIt(@TempDir Path scripts) throws Exception {
        String watch = createWatch(TestUsers.INVESTIGATOR_A, "Network A's merchant account");
        try (Subscription ws = Subscription.webSocket(this.port, GraphQlClient.basic(TestUsers.INVESTIGATOR_A), ALERTS, Map.of());
                Subscription sse = Subscription.serverSentEvents(this.port, GraphQlClient.basic(TestUsers.INVESTIGATOR_A), ALERTS, Map.of())) {
            awaitListening(TestUsers.INVESTIGATOR_A, 2);

            // An unwatched account, and a fact of a case the owner is not in: neither raises anything. They are
            // written first, so that the next alert each client receives would be theirs if they raised one.
            linkNewWebsite("unwatched-store.example", "MID-OTHER-1", null);
            linkNewWebsite("case-b-store.example", "MID-WATCHED-1", "CASE-B");
            linkNewWebsite("mutation-store.example", "MID-WATCHED-1", null);
            for (Subscription client : List.of(ws, sse)) {
                String alert = client.next(PATIENCE);
                assertThat(JsonPath.<String>read(alert, "$.subject.key")).as(alert).isEqualTo("mutation-store.example");
                assertThat(JsonPath.<String>read(alert, "$.owner")).isEqualTo(TestUsers.INVESTIGATOR_A);
                assertThat(JsonPath.<String>read(alert, "$.changes[0].origin")).isEqualTo("MUTATION");
                assertThat(JsonPath.<String>read(alert, "$.changes[0].user")).isEqualTo(TestUsers.ADMIN);
                assertThat(JsonPath.<String>read(alert, "$.evidence[0].type")).isEqualTo("ACCEPTS_PAYMENT_TO");
                assertThat(JsonPath.<String>read(alert, "$.evidence[0].source")).isEqualTo("test-purchase");
                assertThat(JsonPath.<String>read(alert, "$.evidence[0].to.key")).isEqualTo(this.watchedIdentifier);
            }

            Path script = scripts.resolve("new-storefront.cypher");
            Files.writeString(script, "MATCH (p:PaymentAccount {identifier: '" + this.watchedIdentifier + "'})\n"
                    + "MERGE (w:Website {domain: 'imported-store.example'})\n"
                    + "MERGE (w)-[:ACCEPTS_PAYMENT_TO {source: 'test-purchase', grade: 'B2'}]->(p);\n");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = ImportCommand.run(this.graph.db(), List.of(script.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
            for (Subscription client : List.of(ws, sse)) {
                String alert = client.next(PATIENCE);
                assertThat(JsonPath.<String>read(alert, "$.subject.key")).as(alert).isEqualTo("imported-store.example");
                assertThat(JsonPath.<String>read(alert, "$.changes[0].origin")).isEqualTo("IMPORT");
            }

            try (Driver driver = GraphDatabase.driver(this.embedded.boltUri(), this.embedded.authToken());
                    Session session = driver.session()) {
                session.run("MATCH (p:PaymentAccount {identifier: $identifier}) CREATE (w:Website {domain: 'bolt-store.example'})"
                        + "-[:ACCEPTS_PAYMENT_TO {source: 'shell', grade: 'C3'}]->(p)", Map.of("identifier", this.watchedIdentifier))
                    .consume();
            }
            for (Subscription client : List.of(ws, sse)) {
                String alert = client.next(PATIENCE);
                assertThat(JsonPath.<String>read(alert, "$.subject.key")).as(alert).isEqualTo("bolt-store.example");
                assertThat(JsonPath.<String>read(alert, "$.changes[0].origin")).isEqualTo("BOLT");
                assertThat(JsonPath.<String>read(alert, "$.changes[0].user")).isEqualTo("bolt");
                assertThat(JsonPath.<String>read(alert, "$.evidence[0].grade")).isEqualTo("C3");
            }
        }
        String mine = ok(this.client.as(TestUsers.INVESTIGATOR_A),
                "{ myAlerts { edges { node { watchId status subject { key } } } } myWatches { id } }");
        assertThat(JsonPath.<List<String>>read(mine, "$.data.myAlerts.edges[*].node.subject.key"))
            .containsExactly("bolt-store.example", "imported-store.example", "mutation-store.example");
        assertThat(JsonPath.<List<String>>read(mine, "$.data.myAlerts.edges[*].node.watchId")).containsOnly(watch);
        assertThat(JsonPath.<List<String>>read(ok(this.client.as(TestUsers.INVESTIGATOR_B), "{ myAlerts { edges { node { id } } } }"),
                "$.data.myAlerts.edges")).isEmpty();
        assertThat(this.graph.count("MATCH (a:Alert) WHERE a.summary CONTAINS 'case-b-store' OR a.summary CONTAINS 'unwatched' "
                + "RETURN count(a)")).isZero();
    }

    /**
     * A stream of server-sent events is answered at once, its headers before any event or keep-alive
     * comment: the explorer shows "following" when they come, and they once came with the first
     * keep-alive. The subscription is then listening; the events on such a stream are checked above. When
     * the client closes the stream, the server learns of it only by writing to it: the first keep-alive
     * comment after the close is taken by the client's system, which answers with a reset, and the second
     * fails. The subscription then ends and gives back its place among the user's, so that an explorer
     * reloaded a few times is not refused for streams it no longer holds.
     */
    @Test
    void aStreamOfServerSentEventsIsAnsweredAtOnceAndGivesBackItsPlaceWhenClosed() throws Exception {
        byte[] body = "{\"query\": \"subscription { alertRaised { id } }\"}".getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
            // Well before the first keep-alive comment, which once brought the headers.
            socket.setSoTimeout((int) this.keepAlive.toMillis() / 2);
            OutputStream out = socket.getOutputStream();
            out.write(RawGraphQl.postHead(GraphQlClient.basic(TestUsers.INVESTIGATOR_B), "text/event-stream", body.length, false));
            out.write(body);
            out.flush();
            StringBuilder headers = new StringBuilder();
            InputStream in = socket.getInputStream();
            while (headers.indexOf("\r\n\r\n") < 0) {
                int read = in.read();
                assertThat(read).as("the end of the headers, read so far: %s", headers).isNotNegative();
                headers.append((char) read);
            }
            assertThat(headers.toString()).startsWith("HTTP/1.1 200").containsIgnoringCase("Content-Type: text/event-stream");
            awaitListening(TestUsers.INVESTIGATOR_B, 1);
        }
        long closed = System.nanoTime();

        await(() -> this.limits.open(TestUsers.INVESTIGATOR_B) == 0);

        Duration took = Duration.ofNanos(System.nanoTime() - closed);
        assertThat(took).as("two keep-alives, and a margin for a busy machine").isLessThan(this.keepAlive.multipliedBy(2).plusSeconds(3));
        System.out.printf("A closed stream of server-sent events gave back its place after %d ms (keep-alive %d ms)%n",
                took.toMillis(), this.keepAlive.toMillis());
    }

    /** The README's worked example, on the seed: network A's merchant account, a new storefront paying into it. */
    @Test
    void theReadmesWorkedExampleOnTheSeed() throws Exception {
        new SeedLoader(this.graph.db(), "classpath:cypher/seed").seed();
        String account = JsonPath.read(ok(this.client.as(TestUsers.INVESTIGATOR_A),
                "{ paymentAccount(identifier: \"MID-EXAMPLE-RXP-0001\") { id } }"), "$.data.paymentAccount.id");
        ok(this.client.as(TestUsers.INVESTIGATOR_A), """
                mutation($account: ID!) {
                  createWatch(input: {name: "Rx Partners merchant account", template: NEW_WEBSITE_ON_ITEM, targets: [$account]}) { id }
                }
                """, Map.of("account", account));
        String document = "subscription { alertRaised { summary subject { key } evidence { type from { key } to { key } source grade } } }";
        try (Subscription ws = Subscription.webSocket(this.port, GraphQlClient.basic(TestUsers.INVESTIGATOR_A), document, Map.of())) {
            awaitListening(TestUsers.INVESTIGATOR_A, 1);
            ok(this.client, """
                    mutation {
                      site: upsertWebsite(input: {domain: "fresh-rx-outlet.example"}) { created }
                      link(input: {type: ACCEPTS_PAYMENT_TO, from: {kind: WEBSITE, key: "fresh-rx-outlet.example"},
                                   to: {kind: PAYMENT_ACCOUNT, key: "MID-EXAMPLE-RXP-0001"},
                                   source: "sample-test-purchases-2009", grade: "A2"}) { created }
                    }
                    """);
            String alert = ws.next(PATIENCE);
            assertThat(JsonPath.<String>read(alert, "$.summary")).as(alert).isEqualTo("fresh-rx-outlet.example is a new website on "
                    + "MID-EXAMPLE-RXP-0001 (payment account) (source sample-test-purchases-2009, grade A2)");
            assertThat(JsonPath.<String>read(alert, "$.subject.key")).isEqualTo("fresh-rx-outlet.example");
            assertThat(JsonPath.<List<String>>read(alert, "$.evidence[*].type")).containsExactly("ACCEPTS_PAYMENT_TO");
            assertThat(JsonPath.<String>read(alert, "$.evidence[0].from.key")).isEqualTo("fresh-rx-outlet.example");
            assertThat(JsonPath.<String>read(alert, "$.evidence[0].to.key")).isEqualTo("MID-EXAMPLE-RXP-0001");
            assertThat(JsonPath.<String>read(alert, "$.evidence[0].source")).isEqualTo("sample-test-purchases-2009");
            assertThat(JsonPath.<String>read(alert, "$.evidence[0].grade")).isEqualTo("A2");
        }
    }

    /**
     * The templates of a person and of a criminal network, on the seed: Carla, who operates storefronts of
     * her own network, opens another; a new storefront is paid into network A's account.
     */
    @Test
    void aPersonsNewLinkAndANetworksNewWebsiteRaiseTheirAlerts() {
        new SeedLoader(this.graph.db(), "classpath:cypher/seed").seed();
        ok(this.client, CREATE_WATCH, Map.of("input", Map.of("name", "Carla", "template", "NEW_LINK_OF_PERSON",
                "targets", List.of("sample-person-carla-fictitious"))));
        String network = ok(this.client, CREATE_WATCH, Map.of("input", Map.of("name", "Network A", "template", "NEW_WEBSITE_IN_NETWORK",
                "criminalNetwork", "maple-leaf-pharmacy.example")));
        assertThat(JsonPath.<String>read(network, "$.data.createWatch.template")).isEqualTo("NEW_WEBSITE_IN_NETWORK");
        String known = ok(this.client, "{ myWatches { name criminalNetwork knownWebsites { key } } }");
        assertThat(JsonPath.<List<String>>read(known, "$.data.myWatches[?(@.name == 'Network A')].knownWebsites[*].key"))
            .contains("maple-leaf-pharmacy.example").doesNotContain("rx-new-outlet.example");

        ok(this.client, """
                mutation {
                  carla: upsertWebsite(input: {domain: "carla-new-shop.example"}) { created }
                  operates: link(input: {type: OPERATES, from: {id: "sample-person-carla-fictitious"},
                    to: {kind: WEBSITE, key: "carla-new-shop.example"}, source: "sample-test-purchases-2009", grade: "B2"}) { created }
                  outlet: upsertWebsite(input: {domain: "rx-new-outlet.example"}) { created }
                  pays: link(input: {type: ACCEPTS_PAYMENT_TO, from: {kind: WEBSITE, key: "rx-new-outlet.example"},
                    to: {kind: PAYMENT_ACCOUNT, key: "MID-EXAMPLE-RXP-0001"}, source: "sample-test-purchases-2009", grade: "A2"}) { created }
                }
                """);
        await(() -> alerts(TestUsers.ADMIN).size() == 2);
        List<Map<String, Object>> alerts = alerts(TestUsers.ADMIN);
        Map<String, Object> carla = alerts.stream().filter(a -> a.get("watchName").equals("Carla")).findFirst().orElseThrow();
        assertThat((String) carla.get("summary")).contains("OPERATES").contains("carla-new-shop.example");
        Map<String, Object> joined = alerts.stream().filter(a -> a.get("watchName").equals("Network A")).findFirst().orElseThrow();
        assertThat((String) joined.get("summary")).startsWith("rx-new-outlet.example joined criminal network network:");
        assertThat(JsonPath.<List<String>>read(joined, "$.evidence[*].type")).contains("ACCEPTS_PAYMENT_TO");
        // Each link of the evidence names its ends by key (people have none), runs the way the model says, and is there once.
        List<Map<String, Object>> evidence = JsonPath.read(ok(this.client, "{ myAlerts(first: 100) { edges { node { watchName "
                + "evidence { type from { kind key } to { kind key } } } } } }"), "$.data.myAlerts.edges[*].node.evidence[*]");
        assertThat(evidence).isNotEmpty().doesNotHaveDuplicates().allSatisfy(link -> {
            for (String end : List.of("from", "to")) {
                if (NodeKind.valueOf(JsonPath.read(link, "$." + end + ".kind")).keyProperty() != null) {
                    assertThat(JsonPath.<String>read(link, "$." + end + ".key")).as(link.toString()).isNotNull();
                }
            }
            assertThat(RelationshipType.valueOf((String) link.get("type")).joins(NodeKind.valueOf(JsonPath.read(link, "$.from.kind")),
                    NodeKind.valueOf(JsonPath.read(link, "$.to.kind")))).as(link.toString()).isTrue();
        });
        String after = ok(this.client, "{ myWatches { name knownWebsites { key } } }");
        assertThat(JsonPath.<List<String>>read(after, "$.data.myWatches[?(@.name == 'Network A')].knownWebsites[*].key"))
            .contains("rx-new-outlet.example", "maple-leaf-pharmacy.example").doesNotContain("carla-new-shop.example");
    }

    @Test
    void anOwnerWhoLeavesACaseStopsGettingItsAlerts() {
        String member = TestTokens.token("subject-m", Map.of("preferred_username", "member.of.a", "roles", List.of("INVESTIGATOR"),
                "cases", List.of("CASE-A")));
        String former = TestTokens.token("subject-m", Map.of("preferred_username", "member.of.a", "roles", List.of("INVESTIGATOR"),
                "cases", List.of()));
        GraphQlClient asMember = this.client.withToken(member);
        String name = "member.of.a";
        ok(asMember, CREATE_WATCH, Map.of("input", Map.of("name", "while in case A", "template", "NEW_WEBSITE_ON_ITEM",
                "targets", List.of(this.watchedAccount))));
        linkNewWebsite("case-a-first.example", "MID-WATCHED-1", "CASE-A");
        await(() -> alertSubjects(asMember).contains("case-a-first.example"));
        // Reading the alert is recorded like reading the storefront: its id and its case.
        String site = this.graph.read("MATCH (w:Website {domain: 'case-a-first.example'}) RETURN w.id AS id", Map.of()).get(0)
            .get("id").asString();
        Map<String, Object> read = JsonPath.read(ok(this.client, "{ auditLog(user: \"member.of.a\", first: 1) { edges { node {"
                + " type operation entityIds cases outcome } } } }"), "$.data.auditLog.edges[0].node");
        assertThat(read).containsEntry("type", "QUERY").containsEntry("outcome", "OK").containsEntry("cases", List.of("CASE-A"));
        assertThat(read.get("entityIds")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains(site);

        // Signed in again without the case: from now on the watch matches with what they may see now.
        GraphQlClient asFormer = this.client.withToken(former);
        assertThat(alertSubjects(asFormer)).as("the case's alert is no longer listed").doesNotContain("case-a-first.example");
        linkNewWebsite("case-a-second.example", "MID-WATCHED-1", "CASE-A");
        linkNewWebsite("open-after-leaving.example", "MID-WATCHED-1", null);
        await(() -> alertSubjects(asFormer).contains("open-after-leaving.example"));
        assertThat(this.graph.count("MATCH (a:Alert {owner: '" + name + "'}) WHERE a.summary CONTAINS 'case-a-second' RETURN count(a)"))
            .isZero();
    }

    /**
     * Case B taking up a storefront that a member of case A watches changes nothing the owner sees, and
     * raises nothing for them; a change of a property that comes with a change of case B's tag names the
     * property alone.
     */
    @Test
    void anotherCaseTakingUpAWatchedStorefrontRaisesNothingForTheOwner() {
        ok(this.client, "mutation { upsertWebsite(input: {domain: \"followed-by-a.example\", cases: [\"CASE-A\"]}) { created } }");
        String site = this.graph.read("MATCH (w:Website {domain: 'followed-by-a.example'}) RETURN w.id AS id", Map.of()).get(0)
            .get("id").asString();
        GraphQlClient owner = this.client.as(TestUsers.INVESTIGATOR_A);
        ok(owner, CREATE_WATCH, Map.of("input", Map.of("name", "case A's storefront", "targets", List.of(site))));

        ok(this.client, "mutation { upsertWebsite(input: {domain: \"followed-by-a.example\", cases: [\"CASE-A\", \"CASE-B\"]}) { created } }");
        ok(this.client, "mutation { upsertWebsite(input: {domain: \"followed-by-a.example\", name: \"Renamed\", cases: [\"CASE-A\"]}) "
                + "{ created } }");

        String summaries = "$.data.myAlerts.edges[*].node.summary";
        String alerts = "{ myAlerts(first: 100) { edges { node { summary } } } }";
        await(() -> !JsonPath.<List<String>>read(ok(owner, alerts), summaries).isEmpty());
        assertThat(JsonPath.<List<String>>read(ok(owner, alerts), summaries)).containsExactly("followed-by-a.example changed (name)");
    }

    /**
     * An alert shows its facts as the reader may see them now: a storefront, or its link to the account, put
     * later in a case the owner is not in hides the alert from the owner, as if the alert had never been
     * raised; a member of that case who is assigned the alert sees it.
     */
    @Test
    void aFactPutInACaseAfterwardsHidesItsAlertFromThoseOutsideTheCase() {
        createWatch(TestUsers.INVESTIGATOR_A, "Network A's merchant account");
        linkNewWebsite("site-then-hidden.example", "MID-WATCHED-1", null);
        linkNewWebsite("link-then-hidden.example", "MID-WATCHED-1", null);
        linkNewWebsite("stays-open.example", "MID-WATCHED-1", null);
        GraphQlClient owner = this.client.as(TestUsers.INVESTIGATOR_A);
        await(() -> alertSubjects(owner).containsAll(List.of("site-then-hidden.example", "link-then-hidden.example", "stays-open.example")));
        String hiddenLater = JsonPath.<List<String>>read(ok(owner, "{ myAlerts(first: 100) { edges { node { id subject { key } } } } }"),
                "$.data.myAlerts.edges[?(@.node.subject.key == 'site-then-hidden.example')].node.id").get(0);
        ok(owner, "mutation($id: ID!) { updateAlert(input: {id: $id, assignee: \"investigator-b\"}) { id } }", Map.of("id", hiddenLater));

        ok(this.client, "mutation { upsertWebsite(input: {domain: \"site-then-hidden.example\", cases: [\"CASE-B\"]}) { created } }");
        this.graph.write("MATCH (:Website {domain: 'link-then-hidden.example'})-[r:ACCEPTS_PAYMENT_TO]->() SET r.cases = ['CASE-B']", Map.of());

        assertThat(alertSubjects(owner)).contains("stays-open.example")
            .doesNotContain("site-then-hidden.example", "link-then-hidden.example");
        assertThat((Object) JsonPath.read(ok(owner, "query($id: ID!) { alert(id: $id) { id } }", Map.of("id", hiddenLater)), "$.data.alert"))
            .isNull();
        assertThat(alertSubjects(this.client.as(TestUsers.INVESTIGATOR_B))).containsExactly("site-then-hidden.example");
    }

    @Test
    void aWatchOverItsAlertsPerMinuteSaysSoWithItsCode() {
        String watch = createWatch(TestUsers.INVESTIGATOR_A, "busy account");
        // 31 storefronts in one write: 30 alerts (the limit a minute), the 31st counted on the watch.
        this.graph.write("MATCH (p:PaymentAccount {id: $id}) UNWIND range(1, 31) AS i "
                + "CREATE (:Website {domain: 'burst-' + i + '.example'})-[:ACCEPTS_PAYMENT_TO {source: 'test-purchase'}]->(p)",
                Map.of("id", this.watchedAccount));
        await(() -> this.graph.count("MATCH (w:Watch) WHERE w.suppressed > 0 RETURN count(w)") > 0);
        String watches = ok(this.client.as(TestUsers.INVESTIGATOR_A), "{ myWatches { id limitExceeded { code limit suppressed } } }");
        assertThat(JsonPath.<String>read(watches, "$.data.myWatches[0].id")).isEqualTo(watch);
        assertThat(JsonPath.<String>read(watches, "$.data.myWatches[0].limitExceeded.code")).isEqualTo("LIMIT_EXCEEDED");
        assertThat(JsonPath.<Integer>read(watches, "$.data.myWatches[0].limitExceeded.suppressed")).isEqualTo(1);
        assertThat(this.graph.count("MATCH (a:Alert {watchId: '" + watch + "'}) RETURN count(a)")).isEqualTo(30);
    }

    @Test
    void watchesAndSubscriptionsPerUserAreLimitedWithTheirCode() throws Exception {
        for (int i = 0; i < 50; i++) {
            createWatch(TestUsers.INVESTIGATOR_AB, "watch " + i);
        }
        String refused = RawGraphQl.query(this.client.as(TestUsers.INVESTIGATOR_AB), CREATE_WATCH,
                Map.of("input", Map.of("name", "one too many", "targets", List.of(this.watchedAccount))));
        assertThat(RawGraphQl.errorCodes(refused)).containsExactly("LIMIT_EXCEEDED");
        assertThat(this.graph.count("MATCH (w:Watch {owner: 'investigator-ab'}) RETURN count(w)")).isEqualTo(50);

        List<Subscription> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                open.add(Subscription.serverSentEvents(this.port, GraphQlClient.basic(TestUsers.INVESTIGATOR_AB), ALERTS, Map.of()));
            }
            await(() -> this.limits.open(TestUsers.INVESTIGATOR_AB) == 4);
            try (Subscription fifth = Subscription.webSocket(this.port, GraphQlClient.basic(TestUsers.INVESTIGATOR_AB), ALERTS, Map.of())) {
                assertThat(fifth.next(PATIENCE)).contains("LIMIT_EXCEEDED");
            }
        }
        finally {
            for (Subscription subscriber : open) {
                subscriber.close();
            }
        }
    }

    @Test
    void aWatchNamesOnlyWhatItsOwnerMaySeeAndNeverFreeFormCypher() {
        String hidden = JsonPath.read(ok(this.client, """
                mutation { upsertPaymentAccount(input: {identifier: "MID-CASE-B-1", kind: CARD_MERCHANT, cases: ["CASE-B"]}) {
                  paymentAccount { id } } }
                """), "$.data.upsertPaymentAccount.paymentAccount.id");
        String refused = RawGraphQl.query(this.client.as(TestUsers.INVESTIGATOR_A), CREATE_WATCH,
                Map.of("input", Map.of("name", "not mine to see", "targets", List.of(hidden))));
        assertThat(RawGraphQl.errorCodes(refused)).containsExactly("INVALID_INPUT");
        assertThat(refused).contains("input.targets").doesNotContain("MID-CASE-B");
        String badGrade = RawGraphQl.query(this.client.as(TestUsers.INVESTIGATOR_A), CREATE_WATCH, Map.of("input",
                Map.of("name", "x", "targets", List.of(this.watchedAccount), "minGrade", "Z9' RETURN 1 //")));
        assertThat(RawGraphQl.errorCodes(badGrade)).containsExactly("INVALID_INPUT");
        assertThat(this.graph.count("MATCH (w:Watch) RETURN count(w)")).isZero();
    }

    private String createWatch(String user, String name) {
        String created = ok(this.client.as(user), CREATE_WATCH, Map.of("input", Map.of("name", name, "template", "NEW_WEBSITE_ON_ITEM",
                "targets", List.of(this.watchedAccount))));
        assertThat(JsonPath.<String>read(created, "$.data.createWatch.targets[0].key")).isEqualTo(this.watchedIdentifier);
        return JsonPath.read(created, "$.data.createWatch.id");
    }

    /** A new website linked to an account by a mutation of the administrator, both tagged with {@code caseNumber} if given. */
    private void linkNewWebsite(String domain, String account, String caseNumber) {
        String cases = caseNumber == null ? "" : ", cases: [\"" + caseNumber + "\"]";
        ok(this.client, """
                mutation {
                  site: upsertWebsite(input: {domain: "%1$s"%3$s}) { created }
                  link(input: {type: ACCEPTS_PAYMENT_TO, from: {kind: WEBSITE, key: "%1$s"}, to: {kind: PAYMENT_ACCOUNT, key: "%2$s"},
                    source: "test-purchase", grade: "B2"%3$s}) { created }
                }
                """.formatted(domain, account, cases));
    }

    /** The user's alerts: their watch's name, summary, subject and evidence. */
    private List<Map<String, Object>> alerts(String user) {
        return JsonPath.read(ok(this.client.as(user), "{ myAlerts(first: 100) { edges { node { watchName summary subject { key } "
                + "evidence { type from { key } to { key } } } } } }"), "$.data.myAlerts.edges[*].node");
    }

    private List<String> alertSubjects(GraphQlClient as) {
        return JsonPath.read(ok(as, "{ myAlerts(first: 100) { edges { node { subject { key } } } } }"),
                "$.data.myAlerts.edges[*].node.subject.key");
    }

    /**
     * Until the user's subscriptions listen. Counted by user: a stream a test closed goes on counting until
     * a keep-alive comment finds it closed.
     */
    private void awaitListening(String user, int subscriptions) {
        await(() -> this.limits.open(user) >= subscriptions);
    }

    private static void await(BooleanSupplier condition) {
        Await.until("the condition", PATIENCE, condition);
    }

    private static String ok(GraphQlClient as, String document) {
        return ok(as, document, Map.of());
    }

    private static String ok(GraphQlClient as, String document, Map<String, Object> variables) {
        String answer = RawGraphQl.query(as, document, variables);
        assertThat(RawGraphQl.errorCodes(answer)).as(answer).isEmpty();
        return answer;
    }

}
