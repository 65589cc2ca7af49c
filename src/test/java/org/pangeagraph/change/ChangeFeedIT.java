package org.pangeagraph.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.pangeagraph.db.EmbeddedNeo4j;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.RawGraphQl;
import org.pangeagraph.support.Subscription;
import org.pangeagraph.support.TestGraph;
import org.pangeagraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The change feed records every committed write, whoever made it: a mutation (attributed to its user), a
 * client writing straight through the embedded Bolt port (to {@code bolt}), an import (to its run); a
 * write that rolls back records nothing; sequences follow one another without gaps; each reader sees only
 * the changes of facts they may see.
 */
@IntegrationTest
class ChangeFeedIT {

    private static final String CHANGES = """
            query($s: Long!, $n: Int) { changesSince(sequence: $s, first: $n) { lastSequence hasMore
              changes { sequence kind user origin importRun graphVersion properties
                entity { id kind key caption cases }
                link { id type source grade validFrom recordedAt recordedBy cases from { id kind key } to { id kind key } } } } }
            """;

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @Autowired
    ChangeFeed feed;

    @Autowired
    EmbeddedNeo4j embedded;

    @Value("${local.server.port}")
    int port;

    long start;

    @BeforeEach
    void emptyGraph() {
        this.graph.reset();
        this.start = this.feed.head();
    }

    @Test
    void aMutationIsRecordedAsItsUsersWithTheLinksProvenance() {
        String answer = RawGraphQl.query(this.client.as(TestUsers.INVESTIGATOR_A), """
                mutation {
                  source: upsertSource(input: {key: "test-purchase-1", title: "A test purchase"}) { created }
                  site: upsertWebsite(input: {domain: "feed-one.example"}) { created }
                  account: upsertPaymentAccount(input: {identifier: "MID-FEED-1", kind: CARD_MERCHANT}) { created }
                  link(input: {type: ACCEPTS_PAYMENT_TO, from: {kind: WEBSITE, key: "feed-one.example"},
                    to: {kind: PAYMENT_ACCOUNT, key: "MID-FEED-1"}, source: "test-purchase-1", grade: "B2", validFrom: "2024-03-01"}) { created }
                }
                """);
        assertThat(RawGraphQl.errorCodes(answer)).isEmpty();
        String page = changes(TestUsers.ADMIN, this.start, 10);
        List<Map<String, Object>> changes = JsonPath.read(page, "$.data.changesSince.changes");
        assertThat(changes).extracting(c -> c.get("kind"))
            .containsExactly("ENTITY_CREATED", "ENTITY_CREATED", "ENTITY_CREATED", "LINK_CREATED");
        assertThat(changes).extracting(c -> c.get("user")).containsOnly(TestUsers.INVESTIGATOR_A);
        assertThat(changes).extracting(c -> c.get("origin")).containsOnly("MUTATION");
        assertThat(changes).extracting(c -> ((Number) c.get("sequence")).longValue())
            .containsExactly(this.start + 1, this.start + 2, this.start + 3, this.start + 4);
        assertThat(JsonPath.<List<Object>>read(page, "$.data.changesSince.changes[*].entity.key"))
            .containsExactlyInAnyOrder("test-purchase-1", "feed-one.example", "MID-FEED-1");
        assertThat(JsonPath.<List<Object>>read(page, "$.data.changesSince.changes[*].entity.id")).hasSize(3).doesNotContainNull();
        Map<String, Object> link = JsonPath.read(page, "$.data.changesSince.changes[3].link");
        assertThat(link).containsEntry("type", "ACCEPTS_PAYMENT_TO").containsEntry("source", "test-purchase-1")
            .containsEntry("grade", "B2").containsEntry("validFrom", "2024-03-01").containsEntry("recordedBy", TestUsers.INVESTIGATOR_A);
        assertThat(JsonPath.<String>read(page, "$.data.changesSince.changes[3].link.from.key")).isEqualTo("feed-one.example");
        assertThat(JsonPath.<String>read(page, "$.data.changesSince.changes[3].link.to.key")).isEqualTo("MID-FEED-1");
        assertThat(JsonPath.<Boolean>read(page, "$.data.changesSince.hasMore")).isFalse();
        assertThat(JsonPath.<Number>read(page, "$.data.changesSince.lastSequence").longValue()).isEqualTo(this.start + 4);
    }

    @Test
    void aWriteStraightThroughTheBoltPortIsRecordedAsBoltAndCompleted() {
        try (Driver driver = GraphDatabase.driver(this.embedded.boltUri(), this.embedded.authToken());
                Session session = driver.session()) {
            session.run("CREATE (w:Website {domain: 'bolt-written.example'})-[:HOSTED_AT {source: 'shell', grade: 'C3'}]->"
                    + "(:IpAddress {address: '198.51.100.77'})").consume();
        }
        String page = changes(TestUsers.ADMIN, this.start, 10);
        List<Map<String, Object>> changes = JsonPath.read(page, "$.data.changesSince.changes");
        assertThat(changes).extracting(c -> c.get("kind")).containsExactly("ENTITY_CREATED", "ENTITY_CREATED", "LINK_CREATED");
        assertThat(changes).extracting(c -> c.get("user")).containsOnly("bolt");
        assertThat(changes).extracting(c -> c.get("origin")).containsOnly("BOLT");
        // Completed in the same transaction: the entities have ids at once, the link the time it was recorded.
        assertThat(JsonPath.<String>read(page, "$.data.changesSince.changes[2].link.from.id")).isNotBlank();
        assertThat(JsonPath.<String>read(page, "$.data.changesSince.changes[2].link.recordedAt")).isNotBlank();
        assertThat(this.graph.count("MATCH (:Website {domain: 'bolt-written.example'})-[r:HOSTED_AT]->() "
                + "WHERE r.recordedAt IS NOT NULL RETURN count(r)")).isEqualTo(1);
    }

    @Test
    void aWriteThatRollsBackRecordsNothingAndSequencesHaveNoGaps() {
        String refused = RawGraphQl.query(this.client, """
                mutation {
                  site: upsertWebsite(input: {domain: "rolled-back.example"}) { created }
                  bad: upsertWebsite(input: {domain: "not a domain"}) { created }
                }
                """);
        assertThat(RawGraphQl.errorCodes(refused)).contains("INVALID_INPUT");
        assertThat(this.feed.head()).isEqualTo(this.start);
        RawGraphQl.query(this.client, "mutation { upsertWebsite(input: {domain: \"kept.example\"}) { created } }");
        String page = changes(TestUsers.ADMIN, this.start, 10);
        assertThat(JsonPath.<List<Object>>read(page, "$.data.changesSince.changes[*].entity.key")).containsExactly("kept.example");
        assertThat(JsonPath.<Number>read(page, "$.data.changesSince.changes[0].sequence").longValue()).isEqualTo(this.start + 1);
    }

    @Test
    void aReaderSeesOnlyTheChangesOfFactsTheyMaySee() {
        RawGraphQl.query(this.client, """
                mutation {
                  open: upsertWebsite(input: {domain: "open-site.example"}) { created }
                  hidden: upsertWebsite(input: {domain: "case-b-site.example", cases: ["CASE-B"]}) { created }
                  a: upsertWebsite(input: {domain: "case-a-site.example", cases: ["CASE-A"]}) { created }
                }
                """);
        assertThat(JsonPath.<List<Object>>read(changes(TestUsers.VIEWER, this.start, 10), "$.data.changesSince.changes[*].entity.key"))
            .containsExactly("open-site.example");
        String investigator = changes(TestUsers.INVESTIGATOR_A, this.start, 10);
        // One transaction's entities created have no order among themselves.
        assertThat(JsonPath.<List<Object>>read(investigator, "$.data.changesSince.changes[*].entity.key"))
            .containsExactlyInAnyOrder("open-site.example", "case-a-site.example");
        assertThat(JsonPath.<List<Object>>read(investigator,
                "$.data.changesSince.changes[?(@.entity.key == 'case-a-site.example')].entity.cases[*]")).containsExactly("CASE-A");
        assertThat(JsonPath.<List<Object>>read(changes(TestUsers.ADMIN, this.start, 10), "$.data.changesSince.changes[*].entity.key"))
            .hasSize(3);
    }

    /**
     * A storefront and its hosting recorded in the open, then the storefront put in case B: a reader outside
     * the case no longer reads of it in the feed, neither its creation nor its link, as if it had never been
     * open; a member of the case does. A link put in the case later is hidden the same way.
     */
    @Test
    void changesOfFactsPutSinceInAnotherCaseAreLeftOut() throws Exception {
        String written = RawGraphQl.query(this.client, """
                mutation {
                  source: upsertSource(input: {key: "test-purchase", title: "A test purchase"}) { created }
                  site: upsertWebsite(input: {domain: "later-b.example"}) { created }
                  ip: upsertIpAddress(input: {address: "198.51.100.7"}) { created }
                  link(input: {type: HOSTED_AT, from: {kind: WEBSITE, key: "later-b.example"}, to: {kind: IP_ADDRESS, key: "198.51.100.7"},
                    source: "test-purchase", grade: "B2"}) { created }
                  other: upsertWebsite(input: {domain: "stays-open.example"}) { created }
                  otherLink: link(input: {type: HOSTED_AT, from: {kind: WEBSITE, key: "stays-open.example"},
                    to: {kind: IP_ADDRESS, key: "198.51.100.7"}, source: "test-purchase", grade: "B2"}) { created }
                }
                """);
        assertThat(RawGraphQl.errorCodes(written)).as(written).isEmpty();
        long recorded = this.feed.head();
        assertThat(JsonPath.<List<Object>>read(changes(TestUsers.VIEWER, this.start, 10), "$.data.changesSince.changes[*].kind"))
            .hasSize(6);

        assertThat(RawGraphQl.errorCodes(RawGraphQl.query(this.client,
                "mutation { upsertWebsite(input: {domain: \"later-b.example\", cases: [\"CASE-B\"]}) { created } }"))).isEmpty();
        this.graph.write("MATCH (:Website {domain: 'stays-open.example'})-[r:HOSTED_AT]->() SET r.cases = ['CASE-B']", Map.of());

        String viewer = changes(TestUsers.VIEWER, this.start, 10);
        assertThat(JsonPath.<List<Object>>read(viewer, "$.data.changesSince.changes[?(@.sequence <= " + recorded + ")].entity.key"))
            .containsExactlyInAnyOrder("test-purchase", "198.51.100.7", "stays-open.example");
        assertThat(viewer).doesNotContain("later-b.example");
        assertThat(JsonPath.<List<Object>>read(viewer, "$.data.changesSince.changes[*].link")).allMatch(java.util.Objects::isNull);
        String member = changes(TestUsers.INVESTIGATOR_B, this.start, 10);
        assertThat(JsonPath.<List<Object>>read(member, "$.data.changesSince.changes[?(@.sequence <= " + recorded + ")].kind")).hasSize(6);

        // The replay of a subscription the same.
        try (Subscription replay = Subscription.serverSentEvents(this.port, GraphQlClient.basic(TestUsers.VIEWER),
                "subscription($s: Long) { graphChanges(sinceSequence: $s) { sequence kind entity { key } } }", Map.of("s", this.start))) {
            // A later change the viewer sees closes the replay: whatever came before it was replayed.
            RawGraphQl.query(this.client, "mutation { upsertWebsite(input: {domain: \"after-replay.example\"}) { created } }");
            List<String> replayed = new java.util.ArrayList<>();
            String key;
            while (!"after-replay.example".equals(key = JsonPath.read(replay.next(Duration.ofSeconds(30)), "$.entity.key"))) {
                replayed.add(key);
            }
            assertThat(replayed).containsExactlyInAnyOrder("test-purchase", "198.51.100.7", "stays-open.example");
        }
    }

    /**
     * Each event a subscription pushes is in the audit trail before it is sent, with the entity and the case
     * it showed, as a page of changesSince is: the subscription's start alone tells an auditor nothing of what
     * the reader went on to see.
     */
    @Test
    void eachEventASubscriptionPushesIsRecordedWithWhatItShowed() throws Exception {
        RawGraphQl.query(this.client, "mutation { upsertWebsite(input: {domain: \"pushed-a.example\", cases: [\"CASE-A\"]}) { created } }");
        String id = this.graph.read("MATCH (w:Website {domain: 'pushed-a.example'}) RETURN w.id AS id", Map.of()).get(0).get("id")
            .asString();
        try (Subscription replay = Subscription.serverSentEvents(this.port, GraphQlClient.basic(TestUsers.INVESTIGATOR_A),
                "subscription pushed($s: Long) { graphChanges(sinceSequence: $s) { kind entity { key } } }", Map.of("s", this.start))) {
            assertThat(JsonPath.<String>read(replay.next(Duration.ofSeconds(30)), "$.entity.key")).isEqualTo("pushed-a.example");
        }

        String trail = RawGraphQl.query(this.client, "{ auditLog(user: \"" + TestUsers.INVESTIGATOR_A + "\", first: 10) { edges { node {"
                + " type operation entityIds cases outcome } } } }");
        List<Map<String, Object>> records = JsonPath.read(trail, "$.data.auditLog.edges[*].node");
        assertThat(records).as(trail).filteredOn(r -> "SUBSCRIPTION_EVENT".equals(r.get("type"))).first()
            .isEqualTo(Map.of("type", "SUBSCRIPTION_EVENT", "operation", "pushed", "entityIds", List.of(id), "cases", List.of("CASE-A"),
                    "outcome", "OK"));
        assertThat(records).as(trail).filteredOn(r -> "SUBSCRIPTION".equals(r.get("type"))).first()
            .satisfies(r -> assertThat(r).containsEntry("operation", "pushed").containsEntry("entityIds", List.of()));
    }

    /**
     * Case B taking up a storefront that case A follows changes nothing a member of A alone sees: no change
     * in their feed; a member of both reads it, with both cases.
     */
    @Test
    void anotherCaseTakingUpAnEntityIsNoChangeToThoseOutsideIt() {
        for (String cases : List.of("[\"CASE-A\"]", "[\"CASE-A\", \"CASE-B\"]")) {
            assertThat(RawGraphQl.errorCodes(RawGraphQl.query(this.client,
                    "mutation { upsertWebsite(input: {domain: \"shared-case.example\", cases: " + cases + "}) { created } }"))).isEmpty();
        }
        assertThat(JsonPath.<List<Object>>read(changes(TestUsers.INVESTIGATOR_A, this.start, 10), "$.data.changesSince.changes[*].kind"))
            .containsExactly("ENTITY_CREATED");
        String both = changes(TestUsers.INVESTIGATOR_AB, this.start, 10);
        assertThat(JsonPath.<List<Object>>read(both, "$.data.changesSince.changes[*].kind")).containsExactly("ENTITY_CREATED", "ENTITY_CHANGED");
        assertThat(JsonPath.<List<Object>>read(both, "$.data.changesSince.changes[1].entity.cases")).containsExactlyInAnyOrder("CASE-A", "CASE-B");
    }

    /** A sequence the feed has not reached, or below zero, is refused naming it: a poller would otherwise wait for ever. */
    @Test
    void aSequenceAheadOfTheFeedIsRefusedNamingIt() {
        long head = this.feed.head();
        String ahead = RawGraphQl.query(this.client, CHANGES, Map.of("s", head + 1000, "n", 10));
        assertThat(JsonPath.<List<String>>read(ahead, "$.errors[*].extensions.code")).containsExactly("INVALID_INPUT");
        assertThat(JsonPath.<List<String>>read(ahead, "$.errors[*].extensions.field")).containsExactly("sequence");
        assertThat(JsonPath.<List<String>>read(ahead, "$.errors[*].message")).singleElement().asString()
            .contains("is " + (head + 1000) + ", but the newest change is " + head);
        String negative = RawGraphQl.query(this.client, CHANGES, Map.of("s", -1, "n", 10));
        assertThat(JsonPath.<List<String>>read(negative, "$.errors[*].extensions.field")).containsExactly("sequence");
        assertThat(RawGraphQl.errorCodes(RawGraphQl.query(this.client, CHANGES, Map.of("s", head, "n", 10)))).isEmpty();
    }

    private String changes(String user, long since, int first) {
        String answer = RawGraphQl.query(this.client.as(user), CHANGES, Map.of("s", since, "n", first));
        assertThat(RawGraphQl.errorCodes(answer)).as(answer).isEmpty();
        return answer;
    }

}
