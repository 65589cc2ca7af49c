package org.pangeagraph.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every kind of key is found however an investigator writes it: the lookup normalises the key as the
 * upsert did.
 */
@IntegrationTest
class NormalisationIT {

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @BeforeEach
    void emptyGraph() {
        this.graph.reset();
    }

    /**
     * An entity written one way and looked up in other ways.
     *
     * @param upsert the upsert operation and its input
     * @param lookup the lookup operation, its key argument and any other arguments
     * @param keyField the field holding the stored key
     * @param stored the key as stored
     * @param written ways of writing the key that must find the entity
     */
    record Case(String name, String upsert, Map<String, Object> input, String lookup, String argument,
            Map<String, Object> otherArguments, String keyField, String stored, List<String> written) {

        @Override
        public String toString() {
            return this.name;
        }

    }

    static Stream<Case> cases() {
        return Stream.of(
                keyed("a domain", "upsertWebsite", Map.of("domain", "https://www.Pharma-Direct.example/"), "website",
                        "domain", "domain", "pharma-direct.example",
                        List.of("pharma-direct.example", "PHARMA-DIRECT.EXAMPLE", "www.pharma-direct.example",
                                "https://WWW.Pharma-Direct.Example/buy?x=1#top", "http://pharma-direct.example:8080/",
                                "pharma-direct.example.", "  pharma-direct.example ", "ftp://user@pharma-direct.example/")),
                keyed("an international domain", "upsertWebsite", Map.of("domain", "apotheke-münchen.example"), "website",
                        "domain", "domain", "xn--apotheke-mnchen-8vb.example",
                        List.of("APOTHEKE-MÜNCHEN.example", "https://www.apotheke-münchen.example/shop",
                                "xn--apotheke-mnchen-8vb.example")),
                keyed("an IPv4 address", "upsertIpAddress", Map.of("address", "192.0.2.10"), "ipAddress", "address",
                        "address", "192.0.2.10", List.of("192.000.002.010", " 192.0.2.10 ", "192.0.2.010")),
                keyed("an IPv6 address", "upsertIpAddress", Map.of("address", "2001:0db8:0:0:0:0:0:0001"), "ipAddress",
                        "address", "address", "2001:db8::1",
                        List.of("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:DB8::1", "[2001:db8::1]",
                                "2001:db8:0:0:0:0:0:1")),
                keyed("a hosting provider's name", "upsertHostingProvider", Map.of("name", "Bullet Proof Hosting"),
                        "hostingProvider", "name", "nameKey", "bullet proof hosting",
                        List.of("bullet proof hosting", "  BULLET   proof\tHosting ")),
                keyed("a registrar's name", "upsertRegistrar", Map.of("name", "Example Registrar Inc"), "registrar",
                        "name", "nameKey", "example registrar inc", List.of("EXAMPLE registrar  INC")),
                keyed("an e-mail address", "upsertEmailAddress", Map.of("address", "Sales@Pharma-Direct.example"),
                        "emailAddress", "address", "address", "sales@pharma-direct.example",
                        List.of("sales@pharma-direct.example", " SALES@PHARMA-DIRECT.EXAMPLE ", "mailto:Sales@pharma-direct.example")),
                keyed("a phone number", "upsertPhoneNumber", Map.of("number", "+44 20 7946 0321"), "phoneNumber", "number",
                        "number", "+442079460321",
                        List.of("+442079460321", "+44 (20) 7946-0321", "0044 20 7946 0321", "+44-20-7946-0321")),
                keyed("an IBAN", "upsertPaymentAccount", Map.of("identifier", "GB82WEST12345698765432"), "paymentAccount",
                        "identifier", "identifier", "GB82WEST12345698765432",
                        List.of("gb82 west 1234 5698 7654 32", "GB82-WEST-1234-5698-7654-32", " GB82WEST12345698765432 ")),
                keyed("a merchant account", "upsertPaymentAccount", Map.of("identifier", "merchant-4711"), "paymentAccount",
                        "identifier", "identifier", "merchant-4711", List.of("  merchant-4711 ")),
                keyed("a tracking number", "upsertShipment", Map.of("trackingNumber", "RR123456789GB"), "shipment",
                        "trackingNumber", "trackingNumber", "RR123456789GB", List.of("rr 123 456 789 gb", " RR123456789gb ")),
                keyed("a courier's name", "upsertCourier", Map.of("name", "Express Parcel Co"), "courier", "name", "nameKey",
                        "express parcel co", List.of("EXPRESS parcel  co")),
                keyed("a product's name", "upsertProduct", Map.of("name", "Sildenafil 100 mg"), "product", "name", "nameKey",
                        "sildenafil 100 mg", List.of("SILDENAFIL 100 MG", " sildenafil  100 mg")),
                keyed("an address's text", "upsertAddress", Map.of("text", "12 High Street, London"), "address", "text",
                        "key", "12 high street, london", List.of("12 high street, london", "  12  HIGH street,   London ")),
                keyed("an agency's name", "upsertAgency", Map.of("name", "World Customs Organization"), "agency", "name",
                        "nameKey", "world customs organization", List.of("WORLD customs organization")),
                keyed("an operation code", "upsertOperation", Map.of("code", "PANGEA-II"), "operation", "code", "code",
                        "PANGEA-II", List.of("pangea-ii", " Pangea-II ")),
                keyed("a case number", "upsertCase", Map.of("number", "CASE-2009-001"), "case", "number", "number",
                        "CASE-2009-001", List.of("case-2009-001", " Case-2009-001")),
                keyed("a country code", "upsertCountry", Map.of("code", "NL"), "country", "code", "code", "NL",
                        List.of("nl", " Nl ")),
                keyed("a source key", "upsertSource", Map.of("key", "whois-2009"), "source", "key", "key", "whois-2009",
                        List.of(" whois-2009 ")),
                new Case("a company's name, with its country", "upsertCompany",
                        Map.of("name", "Pharma Holdings Ltd", "country", "CY"), "company", "name", Map.of("country", "cy"),
                        "nameKey", "pharma holdings ltd", List.of("PHARMA  holdings ltd", " pharma holdings LTD ")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aKeyIsFoundHoweverItIsWritten(Case c) {
        var upserted = this.client.tester().documentName("upserts").operationName(c.upsert()).variable("input", c.input())
            .execute();
        upserted.path("upsert.entity." + c.keyField()).entity(String.class).isEqualTo(c.stored());
        String id = upserted.path("upsert.entity.id").entity(String.class).get();

        for (String written : c.written()) {
            Map<String, Object> arguments = new HashMap<>(c.otherArguments());
            arguments.put(c.argument(), written);
            var found = this.client.tester().documentName("lookups").operationName(c.lookup()).variables(arguments).execute();
            assertDoesNotThrow(() -> {
                found.path(c.lookup() + ".id").entity(String.class).isEqualTo(id);
                found.path(c.lookup() + "." + c.keyField()).entity(String.class).isEqualTo(c.stored());
            }, () -> "looked up as '" + written + "'");
        }
        assertThat(this.graph.count("MATCH (n:Entity) RETURN count(n)")).isEqualTo(1);
    }

    private static Case keyed(String name, String upsert, Map<String, Object> input, String lookup, String argument,
            String keyField, String stored, List<String> written) {
        return new Case(name, upsert, input, lookup, argument, Map.of(), keyField, stored, written);
    }

}
