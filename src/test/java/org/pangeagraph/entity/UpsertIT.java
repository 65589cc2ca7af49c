package org.pangeagraph.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pangeagraph.support.ApiErrors.expectError;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Every upsert mutation, through HTTP: keyed on the normalised key, idempotent, versioned, and
 * guarded by {@code expectedVersion}.
 */
@IntegrationTest
class UpsertIT {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @BeforeEach
    void emptyGraph() {
        this.graph.reset();
    }

    /**
     * One kind of entity: the mutation, an input with the key written the long way, the key in normal
     * form, a property particular to the kind as stored, and a change to one property.
     */
    record Kind(String label, String operation, Map<String, Object> input, String keyField, Object key,
            String property, Object value, String changed, Object changedTo) {

        @Override
        public String toString() {
            return this.label;
        }

        Map<String, Object> inputWith(String field, Object newValue) {
            Map<String, Object> copy = new HashMap<>(this.input);
            copy.put(field, newValue);
            return copy;
        }

    }

    static Stream<Kind> kinds() {
        return Stream.of(
                new Kind("Website", "upsertWebsite",
                        Map.of("domain", "HTTPS://WWW.Pharma-Direct.Example/shop?ref=1", "name", "Pharma Direct",
                                "status", "ACTIVE", "categories", List.of("LIFESTYLE", "PRESCRIPTION_ONLY"),
                                "firstSeen", "2009-10-01", "url", "https://www.pharma-direct.example/"),
                        "domain", "pharma-direct.example", "categories", List.of("LIFESTYLE", "PRESCRIPTION_ONLY"),
                        "name", "Pharma Direct Online"),
                new Kind("IpAddress", "upsertIpAddress", Map.of("address", "192.000.002.010", "asn", 64500, "country", "nl"),
                        "address", "192.0.2.10", "country", "NL", "asn", 64501),
                new Kind("HostingProvider", "upsertHostingProvider",
                        Map.of("name", "  Bullet  Proof Hosting ", "asn", 64502, "abuseEmail", " Abuse@BPH.Example"),
                        "nameKey", "bullet proof hosting", "abuseEmail", "abuse@bph.example", "country", "RU"),
                new Kind("Registrar", "upsertRegistrar", Map.of("name", "Example REGISTRAR Inc", "ianaId", 9999),
                        "nameKey", "example registrar inc", "ianaId", 9999, "ianaId", 9998),
                new Kind("EmailAddress", "upsertEmailAddress", Map.of("address", " Sales@Pharma-Direct.Example "),
                        "address", "sales@pharma-direct.example", "caption", "sales@pharma-direct.example",
                        "cases", List.of("CASE-2009-001")),
                new Kind("PhoneNumber", "upsertPhoneNumber", Map.of("number", "0044 (20) 7946-0321"),
                        "number", "+442079460321", "caption", "+442079460321", "cases", List.of("CASE-2009-001")),
                new Kind("PaymentAccount", "upsertPaymentAccount",
                        Map.of("identifier", "gb82 west 1234 5698 7654 32", "kind", "BANK_ACCOUNT", "provider", "West Bank"),
                        "identifier", "GB82WEST12345698765432", "kind", "BANK_ACCOUNT", "provider", "East Bank"),
                new Kind("Shipment", "upsertShipment",
                        Map.of("trackingNumber", " rr 123 456 789 gb", "inspectedOn", "2009-11-17", "seized", true,
                                "pillCount", 1200, "originCountry", "in", "declaredContent", "Gift"),
                        "trackingNumber", "RR123456789GB", "originCountry", "IN", "pillCount", 1300),
                new Kind("Courier", "upsertCourier", Map.of("name", "Express  Parcel Co"),
                        "nameKey", "express parcel co", "name", "Express  Parcel Co", "name", "Express Parcel Co"),
                new Kind("Product", "upsertProduct",
                        Map.of("name", "Sildenafil 100 MG", "activeIngredient", "sildenafil", "category", "LIFESTYLE",
                                "prescriptionOnly", true),
                        "nameKey", "sildenafil 100 mg", "activeIngredient", "sildenafil", "controlled", false),
                new Kind("Address", "upsertAddress", Map.of("text", " 12  High Street,  London ", "country", "gb"),
                        "key", "12 high street, london", "text", "12  High Street,  London", "country", "IE"),
                new Kind("Person", "upsertPerson",
                        Map.of("id", "NCA-2009-0042", "name", "John Doe", "aliases", List.of("Johnny D", "J. Doe"),
                                "nationality", "gb", "status", "SUSPECT"),
                        "id", "NCA-2009-0042", "aliases", List.of("Johnny D", "J. Doe"), "status", "ARRESTED"),
                new Kind("Company", "upsertCompany",
                        Map.of("name", "Pharma  Holdings Ltd", "country", "cy", "registrationNumber", "HE 123456"),
                        "nameKey", "pharma holdings ltd", "country", "CY", "registrationNumber", "HE 654321"),
                new Kind("Operation", "upsertOperation",
                        Map.of("code", "pangea-ii", "name", "Operation Pangea II", "startDate", "2009-11-16",
                                "endDate", "2009-11-20", "websitesTakenDown", 72, "pillsSeized", 167000),
                        "code", "PANGEA-II", "websitesTakenDown", 72, "pillsSeized", 167001),
                new Kind("Agency", "upsertAgency", Map.of("name", "World Customs  Organization", "acronym", "WCO"),
                        "nameKey", "world customs organization", "acronym", "WCO", "kind", "INTERNATIONAL"),
                new Kind("Country", "upsertCountry", Map.of("code", " nl", "name", "Netherlands"),
                        "code", "NL", "name", "Netherlands", "name", "The Netherlands"),
                new Kind("Case", "upsertCase",
                        Map.of("number", "case-2009-001", "title", "Pangea II follow-up", "status", "OPEN",
                                "openedOn", "2009-12-01"),
                        "number", "CASE-2009-001", "title", "Pangea II follow-up", "status", "CLOSED"),
                new Kind("Source", "upsertSource",
                        Map.of("key", " interpol-2009-pangea-ii ", "title", "Pangea II press release", "kind", "REPORT",
                                "url", "https://www.interpol.example/news/pangea-ii"),
                        "key", "interpol-2009-pangea-ii", "kind", "REPORT", "publishedOn", "2009-11-20"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void anUpsertCreatesOnceUpdatesOnChangeAndKeepsStillOtherwise(Kind kind) {
        OffsetDateTime start = OffsetDateTime.now();
        var first = upsert(kind.operation(), kind.input());
        first.path("upsert.created").entity(Boolean.class).isEqualTo(true);
        Map<String, Object> created = entity(first);
        assertThat(created.get(kind.keyField())).isEqualTo(kind.key());
        assertThat(created.get(kind.property())).isEqualTo(kind.value());
        assertThat((String) created.get("id")).matches(kind.label().equals("Person") ? "NCA-2009-0042" : UUID);
        assertThat(created.get("entityKind")).isNotNull();
        assertThat(created.get("version")).isEqualTo(1);
        OffsetDateTime createdAt = OffsetDateTime.parse((String) created.get("createdAt"));
        assertThat(createdAt).isAfterOrEqualTo(start.minusSeconds(1)).isBeforeOrEqualTo(OffsetDateTime.now());
        assertThat(created.get("updatedAt")).isEqualTo(created.get("createdAt"));
        assertThat(countOf(kind)).isEqualTo(1);
        String afterCreate = this.graph.snapshot();

        var again = upsert(kind.operation(), kind.input());
        again.path("upsert.created").entity(Boolean.class).isEqualTo(false);
        assertThat(entity(again)).isEqualTo(created);
        assertThat(countOf(kind)).isEqualTo(1);
        assertThat(this.graph.snapshot()).isEqualTo(afterCreate);

        var changed = upsert(kind.operation(), kind.inputWith(kind.changed(), kind.changedTo()));
        changed.path("upsert.created").entity(Boolean.class).isEqualTo(false);
        Map<String, Object> updated = entity(changed);
        assertThat(updated.get(kind.changed())).isEqualTo(kind.changedTo());
        assertThat(updated.get("id")).isEqualTo(created.get("id"));
        assertThat(updated.get(kind.keyField())).isEqualTo(kind.key());
        assertThat(updated.get("createdAt")).isEqualTo(created.get("createdAt"));
        if (kind.changed().equals("cases")) {
            // Kinds with no property but their key: a change of the cases alone raises no version and keeps updatedAt.
            assertThat(updated.get("version")).isEqualTo(1);
            assertThat(updated.get("updatedAt")).isEqualTo(created.get("updatedAt"));
        }
        else {
            assertThat(updated.get("version")).isEqualTo(2);
            assertThat(OffsetDateTime.parse((String) updated.get("updatedAt"))).isAfter(createdAt);
        }
        assertThat(countOf(kind)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aStaleExpectedVersionIsAConflictAndWritesNothing(Kind kind) {
        upsert(kind.operation(), kind.input());
        // A change of the cases alone (the kinds with no property but their key) raises no version.
        int second = kind.changed().equals("cases") ? 1 : 2;
        upsert(kind.operation(), kind.inputWith(kind.changed(), kind.changedTo())).path("upsert.entity.version")
            .entity(Integer.class).isEqualTo(second);
        String before = this.graph.snapshot();

        Map<String, Object> change = kind.inputWith("cases", List.of("CASE-2009-002"));
        change.put("expectedVersion", second - 1);
        expectError(upsert(kind.operation(), change), "CONFLICT", "input.expectedVersion");
        assertThat(this.graph.snapshot()).isEqualTo(before);

        change.put("expectedVersion", second);
        var current = upsert(kind.operation(), change);
        current.path("upsert.entity.cases").entityList(String.class).containsExactly("CASE-2009-002");
        // The input sets the changed property back where it has it, which raises the version; a change of the
        // cases alone does not (another case taking the entity up must not show to its other readers).
        current.path("upsert.entity.version").entity(Integer.class).isEqualTo(kind.input().containsKey(kind.changed()) ? second + 1 : second);
    }

    @Test
    void anExpectedVersionForAnEntityThatDoesNotExistIsAConflictAndCreatesNothing() {
        expectError(upsert("upsertWebsite", Map.of("domain", "gone.example", "expectedVersion", 1)), "CONFLICT",
                "input.expectedVersion");
        assertThat(this.graph.count("MATCH (n) WHERE NOT (" + TestGraph.BOOKKEEPING + ") RETURN count(n)")).isZero();
    }

    @Test
    void aPersonWithoutIdIsANewPersonEachTime() {
        Map<String, Object> input = Map.of("name", "John Doe");
        String first = upsert("upsertPerson", input).path("upsert.entity.id").entity(String.class).get();
        var second = upsert("upsertPerson", input);
        second.path("upsert.created").entity(Boolean.class).isEqualTo(true);
        String secondId = second.path("upsert.entity.id").entity(String.class).get();

        assertThat(first).matches(UUID);
        assertThat(secondId).matches(UUID).isNotEqualTo(first);
        assertThat(this.graph.count("MATCH (p:Person {name: 'John Doe'}) RETURN count(p)")).isEqualTo(2);
    }

    @Test
    void aPersonIsUpdatedByTheIdTheUpsertReturned() {
        String id = upsert("upsertPerson", Map.of("name", "John Doe")).path("upsert.entity.id").entity(String.class).get();

        var update = upsert("upsertPerson", Map.of("id", id, "status", "CHARGED"));
        update.path("upsert.created").entity(Boolean.class).isEqualTo(false);
        update.path("upsert.entity.name").entity(String.class).isEqualTo("John Doe");
        update.path("upsert.entity.status").entity(String.class).isEqualTo("CHARGED");
        assertThat(this.graph.count("MATCH (p:Person) RETURN count(p)")).isEqualTo(1);
    }

    @Test
    void aPersonCannotTakeTheIdOfAnotherEntity() {
        String websiteId = upsert("upsertWebsite", Map.of("domain", "shop.example")).path("upsert.entity.id")
            .entity(String.class).get();
        String before = this.graph.snapshot();

        expectError(upsert("upsertPerson", Map.of("id", websiteId, "name", "John Doe")), "CONFLICT", "input");

        assertThat(this.graph.snapshot()).isEqualTo(before);
    }

    @Test
    void aCompanyIsKeyedOnItsNameAndCountryTogether() {
        upsert("upsertCompany", Map.of("name", "Global Pharma Ltd", "country", "GB")).path("upsert.created")
            .entity(Boolean.class).isEqualTo(true);
        upsert("upsertCompany", Map.of("name", "Global Pharma Ltd", "country", "CY")).path("upsert.created")
            .entity(Boolean.class).isEqualTo(true);
        upsert("upsertCompany", Map.of("name", "GLOBAL pharma  ltd", "country", "gb")).path("upsert.created")
            .entity(Boolean.class).isEqualTo(false);

        assertThat(this.graph.read("MATCH (c:Company) RETURN c.nameKey AS key, c.country AS country ORDER BY country",
                Map.of()).stream().map(r -> r.get("key").asString() + "/" + r.get("country").asString()).toList())
            .containsExactly("global pharma ltd/CY", "global pharma ltd/GB");
    }

    @Test
    void upsertsNameOnlySourcesThatExist() {
        upsert("upsertSource", Map.of("key", "whois-2009", "kind", "WHOIS"));

        upsert("upsertWebsite", Map.of("domain", "shop.example", "sources", List.of(" whois-2009", "whois-2009")))
            .path("upsert.entity.sources").entity(new ParameterizedTypeReference<List<String>>() { })
            .isEqualTo(List.of("whois-2009"));
    }

    private GraphQlTester.Response upsert(String operation, Map<String, Object> input) {
        return this.client.tester().documentName("upserts").operationName(operation).variable("input", input).execute();
    }

    private static Map<String, Object> entity(GraphQlTester.Response response) {
        return response.path("upsert.entity").entity(new ParameterizedTypeReference<Map<String, Object>>() { }).get();
    }

    private long countOf(Kind kind) {
        // The label comes from the test's own table.
        return this.graph.count("MATCH (n:" + kind.label() + ") RETURN count(n)");
    }

}
