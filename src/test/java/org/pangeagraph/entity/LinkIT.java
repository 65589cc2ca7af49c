package org.pangeagraph.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pangeagraph.support.ApiErrors.expectError;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.RelationshipType;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.pangeagraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * {@code link}, {@code unlink} and {@code deleteEntity} through HTTP, for every relationship type of
 * the data contract and every pair of kinds it may join.
 */
@IntegrationTest
class LinkIT {

    /**
     * Every pair of kinds a relationship type joins, from the model (the README's relationship table says
     * the same, ReadmeTests checks it): one row per type and pair.
     */
    static final List<Pair> PAIRS = Arrays.stream(RelationshipType.values())
        .flatMap(t -> t.from().stream().flatMap(f -> t.to().stream().map(to -> new Pair(t.name(), f.name(), to.name()))))
        .toList();

    /**
     * How a link names each entity of the fixture one-of-each.cypher: by key written loosely, or by id for
     * people. A kind a relationship type joins needs an entity there and a reference here.
     */
    static final Map<String, Map<String, Object>> REFS = Map.ofEntries(
            Map.entry("WEBSITE", Map.of("kind", "WEBSITE", "key", "https://www.Pharma-Direct.example/shop")),
            Map.entry("IP_ADDRESS", Map.of("kind", "IP_ADDRESS", "key", "192.0.2.010")),
            Map.entry("HOSTING_PROVIDER", Map.of("kind", "HOSTING_PROVIDER", "key", "Bullet Proof  HOSTING")),
            Map.entry("REGISTRAR", Map.of("kind", "REGISTRAR", "key", "Example Registrar Inc")),
            Map.entry("NAME_SERVER", Map.of("kind", "NAME_SERVER", "key", "NS1.Bullet-Proof-Hosting.example.")),
            Map.entry("EMAIL_ADDRESS", Map.of("kind", "EMAIL_ADDRESS", "key", "Sales@Pharma-Direct.Example")),
            Map.entry("PHONE_NUMBER", Map.of("kind", "PHONE_NUMBER", "key", "+44 20 7946 0321")),
            Map.entry("PAYMENT_ACCOUNT", Map.of("kind", "PAYMENT_ACCOUNT", "key", "gb82 west 1234 5698 7654 32")),
            Map.entry("SHIPMENT", Map.of("kind", "SHIPMENT", "key", "rr 123456789 gb")),
            Map.entry("COURIER", Map.of("kind", "COURIER", "key", "EXPRESS PARCEL CO")),
            Map.entry("PRODUCT", Map.of("kind", "PRODUCT", "key", "sildenafil 100 MG")),
            Map.entry("ADDRESS", Map.of("kind", "ADDRESS", "key", "12 High Street, London")),
            Map.entry("PERSON", Map.of("id", "person-a")),
            Map.entry("COMPANY", Map.of("kind", "COMPANY", "key", "Pharma Holdings Ltd", "country", "cy")),
            Map.entry("OPERATION", Map.of("kind", "OPERATION", "key", "pangea-ii")),
            Map.entry("AGENCY", Map.of("kind", "AGENCY", "key", "INTERPOL")),
            Map.entry("COUNTRY", Map.of("kind", "COUNTRY", "key", "nl")),
            Map.entry("CASE", Map.of("kind", "CASE", "key", "case-2009-001")));

    /** The other entity of a kind, for the types that join a kind to itself. */
    static final Map<String, Map<String, Object>> SECOND_REFS = Map.of(
            "WEBSITE", Map.of("kind", "WEBSITE", "key", "CHEAP-MEDS.example"),
            "PERSON", Map.of("id", "person-b"));

    /** The properties particular to a type (the model's {@code RelationshipType.properties()}), as sent and as read back. */
    static final Map<String, Map<String, Object>> PARTICULAR = Map.of(
            "CONTAINED", Map.of("quantity", 500, "counterfeit", true),
            "OFFICER_OF", Map.of("role", "director"),
            "TOOK_DOWN", Map.of("date", "2009-11-19"));

    record Pair(String type, String from, String to) {

        @Override
        public String toString() {
            return this.from + " -" + this.type + "-> " + this.to;
        }

        Map<String, Object> fromRef() {
            return REFS.get(this.from);
        }

        Map<String, Object> toRef() {
            return this.from.equals(this.to) ? SECOND_REFS.get(this.to) : REFS.get(this.to);
        }

    }

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    GraphQlClient client;

    @BeforeEach
    void oneOfEachKind() {
        this.graph.startWith("one-of-each");
    }

    static Stream<Pair> pairs() {
        return PAIRS.stream();
    }

    @Test
    void theFixtureHasAnEntityOfEveryKindALinkJoinsAndValuesForEveryPropertyParticularToAType() {
        for (RelationshipType type : RelationshipType.values()) {
            for (NodeKind kind : type.from()) {
                assertThat(REFS).as("an entity of %s in one-of-each.cypher and REFS, for %s", kind, type).containsKey(kind.name());
            }
            for (NodeKind kind : type.to()) {
                assertThat(REFS).as("an entity of %s in one-of-each.cypher and REFS, for %s", kind, type).containsKey(kind.name());
            }
            assertThat(PARTICULAR.getOrDefault(type.name(), Map.of()).keySet()).as("PARTICULAR values for %s", type)
                .containsExactlyInAnyOrderElementsOf(type.properties().stream().map(p -> p.name()).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void aLinkIsWrittenOnceShownOnBothEndsWithItsProvenanceAndRemovedById(Pair pair) {
        Map<String, Object> input = provenance(pair, "whois-2009", "2009-11-01");

        var first = link(input);
        first.path("link.created").entity(Boolean.class).isEqualTo(true);
        Map<String, Object> written = map(first, "link.link");
        assertThat(written).containsEntry("type", pair.type()).containsEntry("source", "whois-2009")
            .containsEntry("grade", "B2").containsEntry("validFrom", "2009-11-01").containsEntry("validTo", "2009-11-30")
            .containsEntry("recordedBy", TestUsers.ADMIN).containsAllEntriesOf(PARTICULAR.getOrDefault(pair.type(), Map.of()));
        assertThat(written.get("recordedAt")).isNotNull();
        String fromId = first.path("link.from.id").entity(String.class).get();
        String toId = first.path("link.to.id").entity(String.class).get();
        first.path("link.from.entityKind").entity(String.class).isEqualTo(pair.from());
        first.path("link.to.entityKind").entity(String.class).isEqualTo(pair.to());

        String afterFirst = this.graph.snapshot();
        var again = link(input);
        again.path("link.created").entity(Boolean.class).isEqualTo(false);
        again.path("link.link.id").entity(String.class).isEqualTo((String) written.get("id"));
        assertThat(linksBetween(fromId, toId, pair.type())).isEqualTo(1);
        assertThat(this.graph.snapshot()).isEqualTo(afterFirst);

        assertThat(relationField(fromId, pair.from(), outgoingField(pair))).singleElement().satisfies(linked -> {
            assertThat(linked).extractingByKey("node").isEqualTo(Map.of("id", toId, "entityKind", pair.to()));
            assertThat(linked).extractingByKey("link").isEqualTo(written);
        });
        assertThat(relationField(toId, pair.to(), incomingField(pair))).singleElement().satisfies(linked -> {
            assertThat(linked).extractingByKey("node").isEqualTo(Map.of("id", fromId, "entityKind", pair.from()));
            assertThat(linked).extractingByKey("link").isEqualTo(written);
        });

        unlink(Map.of("linkId", written.get("id"))).path("unlink.removed").entity(Integer.class).isEqualTo(1);
        assertThat(linksBetween(fromId, toId, pair.type())).isZero();
    }

    @Test
    void anotherSourceOrAnotherPeriodIsALinkOfItsOwnAndUnlinkRemovesExactlyThoseNamed() {
        Pair hosted = pair("HOSTED_AT", "WEBSITE", "IP_ADDRESS");
        link(provenance(hosted, "whois-2009", "2009-11-01")).path("link.created").entity(Boolean.class).isEqualTo(true);
        link(provenance(hosted, "passive-dns-2009", "2009-11-01")).path("link.created").entity(Boolean.class).isEqualTo(true);
        link(provenance(hosted, "whois-2009", "2009-12-01")).path("link.created").entity(Boolean.class).isEqualTo(true);
        assertThat(this.graph.count("MATCH (:Website)-[r:HOSTED_AT]->(:IpAddress) RETURN count(r)")).isEqualTo(3);

        Map<String, Object> byPassiveDns = Map.of("type", "HOSTED_AT", "from", hosted.fromRef(), "to", hosted.toRef(),
                "source", "passive-dns-2009");
        unlink(byPassiveDns).path("unlink.removed").entity(Integer.class).isEqualTo(1);
        assertThat(this.graph.read("MATCH (:Website)-[r:HOSTED_AT]->() RETURN r.source AS s, toString(r.validFrom) AS v "
                + "ORDER BY v", Map.of()).stream().map(r -> r.get("s").asString() + " " + r.get("v").asString()).toList())
            .containsExactly("whois-2009 2009-11-01", "whois-2009 2009-12-01");

        unlink(Map.of("type", "HOSTED_AT", "from", hosted.fromRef(), "to", hosted.toRef())).path("unlink.removed")
            .entity(Integer.class).isEqualTo(2);
        assertThat(this.graph.count("MATCH ()-[r]->() RETURN count(r)")).isZero();
    }

    @Test
    void aRelationshipFieldAnswersTheLinksThatHeldOnADayAndAtMostFirstOfThem() {
        Pair hosted = pair("HOSTED_AT", "WEBSITE", "IP_ADDRESS");
        link(provenance(hosted, "whois-2009", "2009-11-01"));
        Map<String, Object> openEnded = new HashMap<>(provenance(hosted, "passive-dns-2009", "2009-12-01"));
        openEnded.remove("validTo");
        link(openEnded);

        assertThat(sourcesOfIpAddresses("2009-11-15", null)).containsExactly("whois-2009");
        assertThat(sourcesOfIpAddresses("2009-11-30", null)).containsExactly("whois-2009");
        assertThat(sourcesOfIpAddresses("2010-06-01", null)).containsExactly("passive-dns-2009");
        assertThat(sourcesOfIpAddresses("2009-10-31", null)).isEmpty();
        assertThat(sourcesOfIpAddresses(null, null)).containsExactlyInAnyOrder("whois-2009", "passive-dns-2009");
        assertThat(sourcesOfIpAddresses(null, 1)).hasSize(1);
        expectError(ipAddressesOfWebsite(null, 501), "LIMIT_EXCEEDED", "first");
    }

    @Test
    void theSameLinkSentAgainWithANewGradeUpdatesItsProvenance() {
        Pair hosted = pair("HOSTED_AT", "WEBSITE", "IP_ADDRESS");
        String id = link(provenance(hosted, "whois-2009", "2009-11-01")).path("link.link.id").entity(String.class).get();
        Map<String, Object> regraded = new HashMap<>(provenance(hosted, "whois-2009", "2009-11-01"));
        regraded.put("grade", "a1");

        var again = link(regraded);
        again.path("link.created").entity(Boolean.class).isEqualTo(false);
        again.path("link.link.id").entity(String.class).isEqualTo(id);
        again.path("link.link.grade").entity(String.class).isEqualTo("A1");
        assertThat(this.graph.count("MATCH ()-[r:HOSTED_AT]->() RETURN count(r)")).isEqualTo(1);
    }

    @Test
    void aLinkBetweenKindsItsTypeDoesNotJoinIsRefusedAndWritesNothing() {
        String before = this.graph.snapshot();

        expectError(link(Map.of("type", "HOSTED_AT", "from", REFS.get("SHIPMENT"), "to", REFS.get("IP_ADDRESS"))),
                "INVALID_INPUT", "input.type");
        expectError(link(Map.of("type", "HOSTED_AT", "from", REFS.get("IP_ADDRESS"), "to", REFS.get("WEBSITE"))),
                "INVALID_INPUT", "input.type");
        expectError(link(Map.of("type", "LOCATED_IN", "from", REFS.get("WEBSITE"), "to", REFS.get("COUNTRY"))),
                "INVALID_INPUT", "input.type");

        assertThat(this.graph.snapshot()).isEqualTo(before);
    }

    @Test
    void aLinkToOrFromAMissingEntityIsNotFoundAndWritesNothing() {
        String before = this.graph.snapshot();

        expectError(link(Map.of("type", "HOSTED_AT", "from", REFS.get("WEBSITE"),
                "to", Map.of("kind", "IP_ADDRESS", "key", "192.0.2.99"))), "NOT_FOUND", "input.to");
        expectError(link(Map.of("type", "HOSTED_AT", "from", Map.of("id", "no-such-entity"),
                "to", REFS.get("IP_ADDRESS"))), "NOT_FOUND", "input.from");

        assertThat(this.graph.snapshot()).isEqualTo(before);
    }

    @Test
    void aPropertyOfAnotherTypeIsRefused() {
        String before = this.graph.snapshot();

        Map<String, Object> input = new HashMap<>(provenance(pair("HOSTED_AT", "WEBSITE", "IP_ADDRESS"), "whois-2009", null));
        input.put("quantity", 10);
        expectError(link(input), "INVALID_INPUT", "input.quantity");

        assertThat(this.graph.snapshot()).isEqualTo(before);
    }

    @Test
    void unlinkingWhatIsNotThereRemovesNothing() {
        String before = this.graph.snapshot();

        unlink(Map.of("linkId", "no-such-link")).path("unlink.removed").entity(Integer.class).isEqualTo(0);
        unlink(Map.of("type", "HOSTED_AT", "from", REFS.get("WEBSITE"), "to", REFS.get("IP_ADDRESS")))
            .path("unlink.removed").entity(Integer.class).isEqualTo(0);

        assertThat(this.graph.snapshot()).isEqualTo(before);
    }

    @Test
    void deletingAnEntityRemovesItWithItsLinksAndNothingElse() {
        for (Pair pair : List.of(pair("HOSTED_AT", "WEBSITE", "IP_ADDRESS"), pair("REGISTERED_WITH", "WEBSITE", "REGISTRAR"), pair("ORDERED_FROM", "SHIPMENT", "WEBSITE"))) {
            link(provenance(pair, "whois-2009", null));
        }
        link(provenance(pair("ALLOCATED_TO", "IP_ADDRESS", "HOSTING_PROVIDER"), "whois-2009", null));
        String id = this.graph.read("MATCH (w:Website {domain: 'pharma-direct.example'}) RETURN w.id AS id", Map.of())
            .get(0).get("id").asString();
        long entities = this.graph.count("MATCH (n:Entity) RETURN count(n)");

        var deleted = this.client.tester().documentName("links").operationName("deleteEntity").variable("id", id).execute();
        deleted.path("deleteEntity.id").entity(String.class).isEqualTo(id);
        deleted.path("deleteEntity.entityKind").entity(String.class).isEqualTo("WEBSITE");
        deleted.path("deleteEntity.caption").entity(String.class).isEqualTo("pharma-direct.example");
        deleted.path("deleteEntity.linksRemoved").entity(Integer.class).isEqualTo(3);

        assertThat(this.graph.count("MATCH (n:Entity) RETURN count(n)")).isEqualTo(entities - 1);
        assertThat(this.graph.count("MATCH (w:Website {domain: 'pharma-direct.example'}) RETURN count(w)")).isZero();
        assertThat(this.graph.read("MATCH ()-[r]->() RETURN type(r) AS t", Map.of()).stream()
            .map(r -> r.get("t").asString()).toList()).containsExactly("ALLOCATED_TO");
    }

    @Test
    void deletingAnUnknownIdIsNotFoundAndWritesNothing() {
        String before = this.graph.snapshot();

        expectError(this.client.tester().documentName("links").operationName("deleteEntity").variable("id", "no-such-id")
            .execute(), "NOT_FOUND", "id");

        assertThat(this.graph.snapshot()).isEqualTo(before);
    }

    /** The row of {@link #PAIRS} for a type and two kinds. */
    private static Pair pair(String type, String from, String to) {
        Pair pair = new Pair(type, from, to);
        assertThat(PAIRS).as("the model joins %s", pair).contains(pair);
        return pair;
    }

    private static Map<String, Object> provenance(Pair pair, String source, String validFrom) {
        Map<String, Object> input = new HashMap<>();
        input.put("type", pair.type());
        input.put("from", pair.fromRef());
        input.put("to", pair.toRef());
        input.put("source", source);
        input.put("grade", "b2");
        if (validFrom != null) {
            input.put("validFrom", validFrom);
            input.put("validTo", "2009-11-30".compareTo(validFrom) >= 0 ? "2009-11-30" : "2009-12-31");
        }
        input.putAll(PARTICULAR.getOrDefault(pair.type(), Map.of()));
        return input;
    }

    /** The field of the link's start that lists it, e.g. {@code Website.ipAddresses}. */
    private String outgoingField(Pair pair) {
        return field(pair.from(), pair.type(), EnumSet.of(RelationField.Direction.OUTGOING, RelationField.Direction.BOTH));
    }

    /** The field of the link's end that lists it, e.g. {@code IpAddress.websites}. */
    private String incomingField(Pair pair) {
        return field(pair.to(), pair.type(), EnumSet.of(RelationField.Direction.INCOMING, RelationField.Direction.BOTH));
    }

    private String field(String kind, String type, Set<RelationField.Direction> directions) {
        List<String> fields = RelationField.inSchema(this.graphQlSource.schema()).stream()
            .filter(f -> f.owner() == NodeKind.valueOf(kind) && f.type().name().equals(type)
                    && directions.contains(f.direction()))
            .map(RelationField::field).toList();
        assertThat(fields).as("the relationship field of %s for %s %s", kind, type, directions).hasSize(1);
        return fields.get(0);
    }

    /**
     * The relationship field {@code field} of the entity {@code id} of {@code kind}, each entry with the entity
     * at the other end and the link as the link mutation answers it (links.graphql). Asked for the one field
     * the schema has, so that no document lists the model's fields again.
     */
    private List<Map<String, Object>> relationField(String id, String kind, String field) {
        String document = """
                query relations($id: ID!) {
                  node(id: $id) {
                    ... on %s {
                      %s { node { id entityKind } link { id type source grade validFrom validTo recordedAt recordedBy cases quantity counterfeit role date } }
                    }
                  }
                }""".formatted(NodeKind.valueOf(kind).label(), field);
        return this.client.tester().document(document).variable("id", id).execute().path("node." + field)
            .entity(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).get();
    }

    private List<String> sourcesOfIpAddresses(String asOf, Integer first) {
        return ipAddressesOfWebsite(asOf, first).path("website.ipAddresses[*].link.source").entityList(String.class).get();
    }

    private GraphQlTester.Response ipAddressesOfWebsite(String asOf, Integer first) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("domain", "pharma-direct.example");
        variables.put("asOf", asOf);
        variables.put("first", first);
        return this.client.tester().documentName("links").operationName("websiteIpAddresses").variables(variables).execute();
    }

    private long linksBetween(String fromId, String toId, String type) {
        return this.graph.read("MATCH (a:Entity {id: $a})-[r]->(b:Entity {id: $b}) WHERE type(r) = $type RETURN count(r) AS n",
                Map.of("a", fromId, "b", toId, "type", type)).get(0).get("n").asLong();
    }

    private GraphQlTester.Response link(Map<String, Object> input) {
        return this.client.tester().documentName("links").operationName("link").variable("input", input).execute();
    }

    private GraphQlTester.Response unlink(Map<String, Object> input) {
        return this.client.tester().documentName("links").operationName("unlink").variable("input", input).execute();
    }

    private static Map<String, Object> map(GraphQlTester.Response response, String path) {
        return response.path(path).entity(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
    }

}
