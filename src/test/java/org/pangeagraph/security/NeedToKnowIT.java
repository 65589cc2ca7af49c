package org.pangeagraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.TestGraph;
import org.pangeagraph.support.TestTokens;
import org.pangeagraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The need-to-know matrix: every query of the schema, and both exports, asked by five readers (no
 * case, case A, case B, both, administrator), signed in with a password and with a bearer token, over
 * fixtures/need-to-know.cypher. Two checks per answer: nothing of a case the reader is not in shows
 * anywhere in it (no id, caption or case number: the fixture names every restricted fact after its
 * case), and the answer is the one worked out by hand for that reader, counts and scores included.
 * Adding a query is adding a row to {@link #rows()}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeedToKnowIT {

    private static final Configuration JSON = Configuration.defaultConfiguration()
        .addOptions(Option.DEFAULT_PATH_LEAF_TO_NULL, Option.SUPPRESS_EXCEPTIONS);

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    /** Read-only queries: the fixture is loaded once for the whole matrix. */
    @BeforeAll
    void loadFixture() {
        this.graph.startWith("need-to-know");
    }

    /** Who asks. */
    enum Reader {
        VIEWER(TestUsers.VIEWER, "VIEWER", false, false),
        INVESTIGATOR_A(TestUsers.INVESTIGATOR_A, "INVESTIGATOR", true, false),
        INVESTIGATOR_B(TestUsers.INVESTIGATOR_B, "INVESTIGATOR", false, true),
        INVESTIGATOR_AB(TestUsers.INVESTIGATOR_AB, "INVESTIGATOR", true, true),
        ADMIN(TestUsers.ADMIN, "ADMIN", false, false);

        final String user;

        final String role;

        final boolean caseA;

        final boolean caseB;

        Reader(String user, String role, boolean caseA, boolean caseB) {
            this.user = user;
            this.role = role;
            this.caseA = caseA;
            this.caseB = caseB;
        }

        boolean admin() {
            return this == ADMIN;
        }

        /** Whether this reader may see the fact an id or caption names, by the fixture's naming. */
        boolean sees(String name) {
            String text = name.toLowerCase(Locale.ROOT);
            boolean a = admin() || this.caseA;
            boolean b = admin() || this.caseB;
            if (text.contains("charlie")) {
                return a || b;
            }
            return (a || !text.contains("alfa") && !text.contains("case-a")) && (b || !text.contains("bravo") && !text.contains("case-b"));
        }

        /** The words of the cases this reader is not in that occur in a response. */
        List<String> leaksIn(String body) {
            String text = body.toLowerCase(Locale.ROOT);
            return Stream.of("alfa", "case-a", "bravo", "case-b", "charlie").filter(text::contains).filter(w -> !sees(w)).toList();
        }

        /** The same reader's claims in a token from the identity provider. */
        String token() {
            List<String> cases = new ArrayList<>();
            if (this.caseA) {
                cases.add("CASE-A");
            }
            if (this.caseB) {
                cases.add("CASE-B");
            }
            return TestTokens.token("subject-of-" + this.user,
                    Map.of("preferred_username", this.user, "roles", List.of(this.role), "cases", cases));
        }
    }

    enum SignIn {
        PASSWORD, TOKEN
    }

    /** A query and what each reader must get from it. */
    record Row(String name, Function<GraphQlClient, String> request, Function<String, Object> answer,
            Map<Reader, Object> expected) {

        @Override
        public String toString() {
            return this.name;
        }

    }

    /**
     * Every row for every reader, signed in with a password or a token by turns, so that each row is
     * asked both ways and each reader signs in both ways, in half the requests of asking everything twice.
     */
    Stream<Arguments> matrix() {
        List<Row> rows = rows().toList();
        return java.util.stream.IntStream.range(0, rows.size()).boxed().flatMap(i -> Arrays.stream(Reader.values())
            .map(reader -> Arguments.of(rows.get(i), reader, SignIn.values()[(i + reader.ordinal()) % 2])));
    }

    @ParameterizedTest(name = "{0} as {1} ({2})")
    @MethodSource("matrix")
    void eachReaderSeesExactlyWhatTheirCasesAllow(Row row, Reader reader, SignIn signIn) {
        String body = row.request().apply(client(reader, signIn));

        assertThat(reader.leaksIn(body)).as("words of cases %s is not in, in %s", reader, body).isEmpty();
        assertThat(row.answer().apply(body)).as(body).isEqualTo(row.expected().get(reader));
    }

    /** A question about something the reader may not see, and the same about something that does not exist. */
    record Probe(String name, String hidden, String missing, Function<String, Function<GraphQlClient, String>> request) {

        @Override
        public String toString() {
            return this.name;
        }

    }

    Stream<Arguments> probes() {
        Function<String, Function<GraphQlClient, String>> node = id -> graphQl("{ node(id: \"" + id + "\") { id } }");
        Function<String, Function<GraphQlClient, String>> website = d -> graphQl("{ website(domain: \"" + d + "\") { id } }");
        Function<String, Function<GraphQlClient, String>> network = id -> graphQl("{ network(ids: [\"" + id + "\"]) { nodes { id } } }");
        Function<String, Function<GraphQlClient, String>> paths = id -> graphQl("{ paths(from: \"pub-w1\", to: \"" + id + "\") { length } }");
        Function<String, Function<GraphQlClient, String>> timeline = id -> graphQl("{ timeline(ids: [\"" + id + "\"]) { kind } }");
        Function<String, Function<GraphQlClient, String>> takedown = id -> graphQl("{ takedownImpact(ids: [\"" + id + "\"]) { websitesWithoutPaymentCount } }");
        Function<String, Function<GraphQlClient, String>> shared = d -> graphQl("{ sharedInfrastructure(domain: \"" + d + "\") { score } }");
        Function<String, Function<GraphQlClient, String>> network2 = d -> graphQl("{ criminalNetwork(containing: \"" + d + "\") { id } }");
        Function<String, Function<GraphQlClient, String>> export = id -> get("/export/network.cyjs?ids=" + id);
        Function<String, Function<GraphQlClient, String>> export2 = d -> get("/export/criminal-network.cyjs?containing=" + d);
        List<Probe> probes = List.of(new Probe("node", "bravo-w", "nosuch-w", node),
                new Probe("website", "bravo.example", "nosuch.example", website),
                new Probe("network", "bravo-w", "nosuch-w", network), new Probe("paths", "bravo-w", "nosuch-w", paths),
                new Probe("timeline", "bravo-w", "nosuch-w", timeline), new Probe("takedownImpact", "bravo-pa", "nosuch-pa", takedown),
                new Probe("sharedInfrastructure", "bravo.example", "nosuch.example", shared),
                new Probe("criminalNetwork", "bravo.example", "nosuch.example", network2),
                new Probe("export network", "bravo-w", "nosuch-w", export),
                new Probe("export criminal network", "bravo.example", "nosuch.example", export2));
        return probes.stream().flatMap(p -> Stream.of(Reader.VIEWER, Reader.INVESTIGATOR_A).map(r -> Arguments.of(p, r)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("probes")
    void anInvisibleEntityAnswersExactlyAsAMissingOne(Probe probe, Reader reader) {
        GraphQlClient signedIn = client(reader, SignIn.PASSWORD);
        String hidden = probe.request().apply(probe.hidden()).apply(signedIn);
        String missing = probe.request().apply(probe.missing()).apply(signedIn);

        assertThat(hidden).isEqualTo(missing.replace(probe.missing(), probe.hidden()));
        assertThat(missing).containsAnyOf("NOT_FOUND", ":null}}", ":[]}}");
    }

    private GraphQlClient client(Reader reader, SignIn signIn) {
        return signIn == SignIn.PASSWORD ? this.client.as(reader.user) : this.client.withToken(reader.token());
    }

    // ---------------------------------------------------------------------------------------------
    // The rows. Ids and captions in the fixture say which case a fact belongs to; the answers below
    // are worked out by hand from the drawing at the top of need-to-know.cypher.

    /** An entity kind's lookup and list, with its three entities (no case, case A, case B) and every entity of the kind. */
    private record Kind(String lookup, String argument, List<String> keys, List<String> lookedUp, String list, List<String> all) {
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("website", "domain", List.of("pub1.example", "alfa.example", "bravo.example"), List.of("pub-w1", "alfa-w", "bravo-w"),
                    "websites", List.of("pub-w1", "pub-w2", "pub-w3", "pub-w4", "pub-f1", "pub-f2", "pub-f3", "pub-f4", "pub-f5",
                            "pub-f6", "alfa-w", "bravo-w")),
            new Kind("ipAddress", "address", List.of("198.51.100.1", "198.51.100.2", "198.51.100.3"), trio("ip"), "ipAddresses", trio("ip")),
            new Kind("hostingProvider", "name", names("Hosting"), trio("hp"), "hostingProviders", trio("hp")),
            new Kind("registrar", "name", names("Registrar"), trio("reg"), "registrars", trio("reg")),
            new Kind("emailAddress", "address", List.of("pub@pub.example", "alfa@alfa.example", "bravo@bravo.example"), trio("mail"),
                    "emailAddresses", trio("mail")),
            new Kind("phoneNumber", "number", List.of("+44 20 7946 0001", "+442079460002", "+442079460003"), trio("phone"),
                    "phoneNumbers", trio("phone")),
            new Kind("paymentAccount", "identifier", List.of("PUB-WALLET-1", "ALFA-WALLET", "BRAVO-WALLET", "CHARLIE-WALLET"),
                    List.of("pub-pa", "alfa-pa", "bravo-pa", "charlie-pa"), "paymentAccounts",
                    List.of("pub-pa", "pub-pa-shared", "alfa-pa", "bravo-pa", "charlie-pa")),
            new Kind("shipment", "trackingNumber", List.of("PUBPARCEL1", "ALFAPARCEL", "BRAVOPARCEL"), List.of("pub-s1", "alfa-s", "bravo-s"),
                    "shipments", List.of("pub-s1", "pub-s2", "pub-s3", "pub-s4", "alfa-s", "bravo-s")),
            new Kind("courier", "name", names("Courier"), trio("courier"), "couriers", trio("courier")),
            new Kind("product", "name", names("Product"), trio("product"), "products", trio("product")),
            new Kind("address", "text", names("Street").stream().map(n -> "1 " + n).toList(), trio("address"), "addresses", trio("address")),
            new Kind("person", "id", trio("person"), trio("person"), "people", trio("person")),
            new Kind("company", "name", names("Trading"), trio("company"), "companies", trio("company")),
            new Kind("operation", "code", List.of("OP-PUB", "OP-ALFA", "OP-BRAVO"), trio("op"), "operations", trio("op")),
            new Kind("agency", "name", names("Police"), trio("agency"), "agencies", trio("agency")),
            new Kind("country", "code", List.of("NL", "DE", "FR"), trio("country"), "countries", trio("country")),
            new Kind("case", "number", List.of("CASE-A", "CASE-B"), List.of("alfa-case", "bravo-case"), "cases",
                    List.of("alfa-case", "bravo-case")),
            new Kind("source", "key", List.of("pub-source", "alfa-source", "bravo-source"), trio("src"), "sources", trio("src")));

    private static List<String> trio(String suffix) {
        return List.of("pub-" + suffix, "alfa-" + suffix, "bravo-" + suffix);
    }

    private static List<String> names(String word) {
        return List.of("Pub " + word, "Alfa " + word, "Bravo " + word);
    }

    Stream<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Kind kind : KINDS) {
            StringBuilder lookups = new StringBuilder("{");
            for (int i = 0; i < kind.keys().size(); i++) {
                lookups.append(" k").append(i).append(": ").append(kind.lookup()).append("(").append(kind.argument()).append(": \"")
                    .append(kind.keys().get(i)).append("\"").append(kind.lookup().equals("company") ? ", country: \"GB\"" : "")
                    .append(") { id caption cases }");
            }
            rows.add(visible(kind.lookup() + " by key", graphQl(lookups.append(" }").toString()), "$.data.*.id", kind.lookedUp()));
            rows.add(listed(kind.list(), graphQl("{ " + kind.list() + "(first: 100) { totalCount edges { node { id caption cases } } } }"),
                    kind.list(), kind.all()));
        }
        rows.add(visible("node by id", graphQl("""
                { a: node(id: "pub-w1") { id cases } b: node(id: "alfa-w") { id cases } c: node(id: "bravo-w") { id cases }
                  d: node(id: "charlie-pa") { id cases } e: node(id: "alfa-l1") { id } f: node(id: "bravo-case") { id } }"""),
                "$.data.*.id", List.of("pub-w1", "alfa-w", "bravo-w", "charlie-pa", "bravo-case")));
        rows.add(listed("websites of case B", graphQl("""
                { websites(filter: {case: "CASE-B"}) { totalCount edges { node { id } } } }"""), "websites", List.of("bravo-w")));
        rows.add(linked("relationship fields of a website", "pub-w1", graphQl("""
                { website(domain: "pub1.example") {
                    paymentAccounts { node { id cases } link { id cases } } ipAddresses { node { id } link { id } }
                    shipments { node { id } link { id } } operators { node { id } link { id } } } }"""),
                "pub-pa pub-l3", "pub-pa-shared pub-l5", "alfa-pa alfa-l4", "pub-ip pub-l1", "pub-s1 pub-l9", "pub-s3 pub-l12",
                "bravo-s bravo-l7", "pub-person pub-l6"));
        rows.add(linked("relationship fields of a shared account: links of cases between untagged entities", "pub-pa-shared", graphQl("""
                { paymentAccount(identifier: "PUB-WALLET-SHARED") { websites { node { id } link { id cases } } } }"""),
                "pub-w1 pub-l5", "pub-w2 alfa-l1", "pub-w3 bravo-l1"));
        rows.add(linked("relationship fields of an account of both cases", "charlie-pa", graphQl("""
                { paymentAccount(identifier: "CHARLIE-WALLET") { cases websites { node { id } link { id } } } }"""),
                "pub-w3 charlie-l1", "bravo-w charlie-l2"));
        rows.add(linked("relationship fields of a person, an operation and a parcel", "pub-op", graphQl("""
                { person(id: "pub-person") { associates { node { id } link { id } } operates { node { id } link { id } } }
                  operation(code: "OP-PUB") { seized { node { id } link { id } } tookDown { node { id } link { id } }
                                              inspected { node { id } link { id } } }
                  shipment(trackingNumber: "PUBPARCEL2") { seizedBy { node { id } link { id } } } }"""),
                "bravo-person bravo-l3", "pub-w1 pub-l6", "pub-s1 pub-l7", "pub-s4 pub-l13", "bravo-s bravo-l8", "alfa-w alfa-l5",
                "pub-w3 alfa-l6", "pub-s1 pub-l8", "bravo-op bravo-l5"));
        rows.add(visible("search by key", graphQl("{ search(text: \"HTTPS://ALFA.example/shop\") { node { id } } }"), "$.data.search[*].node.id",
                List.of("alfa-w", "alfa-mail", "bravo-w", "pub-w1", "pub-w2", "pub-w3", "pub-w4", "pub-f1", "pub-f2", "pub-f3", "pub-f4",
                        "pub-f5", "pub-f6")));
        rows.add(visible("search by words", graphQl("{ search(text: \"wallet\", first: 100) { node { id cases } caption } }"),
                "$.data.search[*].node.id", List.of("pub-pa", "pub-pa-shared", "alfa-pa", "bravo-pa", "charlie-pa")));
        rows.add(visible("network one link out", graphQl("""
                { network(ids: ["pub-w1"], depth: 1) { nodes { id properties } edges { id properties } } }"""),
                "$.data.network.*[*].id",
                List.of("pub-w1", "pub-ip", "pub-pa", "pub-pa-shared", "alfa-pa", "pub-person", "pub-s1", "pub-s3", "bravo-s", "pub-l1",
                        "pub-l3", "pub-l5", "alfa-l4", "pub-l6", "pub-l9", "pub-l12", "bravo-l7")));
        rows.add(explicit("network two links out, only through case B", graphQl("""
                { network(ids: ["pub-w4"], depth: 2) { nodes { id } edges { id } truncated } }"""), ids("$.data.network.*[*].id"),
                List.of("pub-w4"), List.of("pub-w4"), List.of("bravo-l3", "bravo-l4", "bravo-person", "pub-person", "pub-w4"), null, null));
        rows.add(explicit("paths only through case B", graphQl("""
                { paths(from: "pub-w1", to: "pub-w4", mode: ALL_SHORTEST) { nodes { id } edges { id } } }"""), NeedToKnowIT::paths,
                List.of(), List.of(), List.of("pub-w1 pub-person bravo-person pub-w4 | pub-l6 bravo-l3 bravo-l4"), null, null));
        rows.add(explicit("paths through a case-A link or a case-B link", graphQl("""
                { paths(from: "pub-w3", to: "pub-w1", mode: ALL_SHORTEST, maxHops: 4) { nodes { id } edges { id properties } } }"""),
                NeedToKnowIT::paths, List.of(),
                List.of("pub-w3 pub-op pub-s1 pub-w1 | alfa-l6 pub-l7 pub-l9", "pub-w3 pub-op pub-s1 pub-w1 | alfa-l6 pub-l8 pub-l9"),
                List.of("pub-w3 pub-pa-shared pub-w1 | bravo-l1 pub-l5"), null, null));
        rows.add(explicit("timeline of a website whose parcel a case-B operation seized", graphQl("""
                { timeline(ids: ["pub-w2"]) { date kind related { id } link { id } description } }"""), NeedToKnowIT::events,
                List.of("2009-02-01 FIRST_SEEN - -", "2009-11-18 SHIPMENT_INSPECTED pub-s2 pub-l10"), null,
                List.of("2009-02-01 FIRST_SEEN - -", "2009-11-18 SHIPMENT_INSPECTED pub-s2 pub-l10", "2009-11-18 SHIPMENT_SEIZED pub-s2 pub-l10"),
                null, null));
        rows.add(explicit("timeline of a website taken down by a case-A link", graphQl("""
                { timeline(ids: ["pub-w3"]) { date kind related { id } link { id } description } }"""), NeedToKnowIT::events,
                List.of("2009-02-01 FIRST_SEEN - -"), List.of("2009-02-01 FIRST_SEEN - -", "2009-11-19 TAKEN_DOWN pub-op alfa-l6"),
                List.of("2009-02-01 FIRST_SEEN - -"), List.of("2009-02-01 FIRST_SEEN - -", "2009-11-19 TAKEN_DOWN pub-op alfa-l6"),
                null));
        rows.add(explicit("sharedInfrastructure: siblings, and N and k from visible websites only", graphQl("""
                { sharedInfrastructure(domain: "pub1.example") { website { id } score
                    sharedItems { kind item { id } websiteCount weight
                                  routesFromWebsite { links { id cases } via { id } } routesFromOther { links { id } via { id } } } } }"""),
                NeedToKnowIT::siblings,
                sorted(sibling("pub-w2", 10, "IP_ADDRESS pub-ip 2", "PAYMENT_ACCOUNT pub-pa 2")),
                sorted(sibling("pub-w2", 11, "IP_ADDRESS pub-ip 3", "PAYMENT_ACCOUNT pub-pa 2", "PAYMENT_ACCOUNT pub-pa-shared 2"),
                        sibling("alfa-w", 11, "IP_ADDRESS pub-ip 3", "PAYMENT_ACCOUNT alfa-pa 2")),
                sorted(sibling("pub-w2", 11, "IP_ADDRESS pub-ip 3", "PAYMENT_ACCOUNT pub-pa 2"),
                        sibling("pub-w3", 11, "PAYMENT_ACCOUNT pub-pa-shared 2"), sibling("bravo-w", 11, "IP_ADDRESS pub-ip 3")),
                sorted(sibling("pub-w2", 12, "IP_ADDRESS pub-ip 4", "PAYMENT_ACCOUNT pub-pa 2", "PAYMENT_ACCOUNT pub-pa-shared 3"),
                        sibling("pub-w3", 12, "PAYMENT_ACCOUNT pub-pa-shared 3"),
                        sibling("alfa-w", 12, "IP_ADDRESS pub-ip 4", "PAYMENT_ACCOUNT alfa-pa 2"), sibling("bravo-w", 12, "IP_ADDRESS pub-ip 4")),
                null));
        String network = "id size websites { id } bindingItems { item { id } websiteCount } people { id } countries "
                + "shipmentsInspected shipmentsSeized pillsSeized subgraph { nodes { id properties } edges { id properties } }";
        rows.add(explicit("criminalNetworks", graphQl("{ criminalNetworks { totalCount edges { node { " + network + " } } } }"),
                NeedToKnowIT::networks,
                List.of("network:pub1.example 2 [pub-w1, pub-w2] items [pub-pa 2] inspected 2 seized 1 pills 100"),
                List.of("network:alfa.example 3 [alfa-w, pub-w1, pub-w2] items [alfa-pa 2, pub-pa 2, pub-pa-shared 2] inspected 2 seized 1 pills 100"),
                List.of("network:bravo.example 4 [bravo-w, pub-w1, pub-w2, pub-w3] items [charlie-pa 2, pub-pa 2, pub-pa-shared 2]"
                        + " inspected 4 seized 3 pills 1040"),
                List.of("network:alfa.example 5 [alfa-w, bravo-w, pub-w1, pub-w2, pub-w3] items [alfa-pa 2, charlie-pa 2, pub-pa 2,"
                        + " pub-pa-shared 3] inspected 4 seized 3 pills 1040"),
                null));
        rows.add(explicit("criminalNetwork containing a website, with its subgraph", graphQl("""
                { criminalNetwork(containing: "pub1.example") { id websites { id } subgraph { nodes { id } edges { id } } } }"""),
                ids("$.data.criminalNetwork..id"),
                List.of("network:pub1.example", "pub-l3", "pub-l4", "pub-pa", "pub-w1", "pub-w2"),
                List.of("alfa-l1", "alfa-l3", "alfa-l4", "alfa-pa", "alfa-w", "network:alfa.example", "pub-l3", "pub-l4", "pub-l5",
                        "pub-pa", "pub-pa-shared", "pub-w1", "pub-w2"),
                List.of("bravo-l1", "bravo-w", "charlie-l1", "charlie-l2", "charlie-pa", "network:bravo.example", "pub-l3",
                        "pub-l4", "pub-l5", "pub-pa", "pub-pa-shared", "pub-w1", "pub-w2", "pub-w3"),
                List.of("alfa-l1", "alfa-l3", "alfa-l4", "alfa-pa", "alfa-w", "bravo-l1", "bravo-w", "charlie-l1",
                        "charlie-l2", "charlie-pa", "network:alfa.example", "pub-l3", "pub-l4", "pub-l5", "pub-pa", "pub-pa-shared", "pub-w1",
                        "pub-w2", "pub-w3"),
                null));
        rows.add(explicit("keyInfrastructure: ranks and counts from visible websites only", graphQl("""
                { keyInfrastructure(first: 100) { item { id } kind networksServed networkWebsitesServed websitesServed } }"""),
                NeedToKnowIT::keyItems,
                List.of("pub-ip 1 2 2", "pub-pa 1 2 2", "pub-pa-shared 1 1 1", "pub-courier 1 1 1", "pub-person 1 1 1"),
                List.of("pub-ip 1 3 3", "alfa-pa 1 2 2", "pub-pa 1 2 2", "pub-pa-shared 1 2 2", "pub-courier 1 1 1", "pub-person 1 1 1",
                        "charlie-pa 0 0 1"),
                List.of("pub-ip 1 3 3", "pub-pa-shared 1 2 2", "charlie-pa 1 2 2", "pub-pa 1 2 2", "bravo-pa 1 1 1", "pub-courier 1 1 1",
                        "pub-person 1 1 1", "bravo-person 0 0 1"),
                List.of("pub-ip 1 4 4", "pub-pa-shared 1 3 3", "charlie-pa 1 2 2", "alfa-pa 1 2 2", "pub-pa 1 2 2", "bravo-pa 1 1 1",
                        "pub-courier 1 1 1", "pub-person 1 1 1", "bravo-person 0 0 1"),
                null));
        String impact = "removed { id } websitesWithoutPayment { id } websitesWithoutPaymentCount websitesWithoutHosting { id } "
                + "websitesWithoutHostingCount shipmentsCut { id } shipmentsCutCount networksSplit { before { id websites { id } } after { id } }";
        rows.add(explicit("takedownImpact of an account", graphQl("{ takedownImpact(ids: [\"pub-pa\"]) { " + impact + " } }"),
                NeedToKnowIT::impact,
                "payment [pub-w2] 1 hosting [] 0 split [network:pub1.example]", "payment [] 0 hosting [] 0 split []",
                "payment [pub-w2] 1 hosting [] 0 split [network:bravo.example]", "payment [] 0 hosting [] 0 split []", null));
        rows.add(explicit("takedownImpact of an IP address", graphQl("{ takedownImpact(ids: [\"pub-ip\"]) { " + impact + " } }"),
                NeedToKnowIT::impact,
                "payment [] 0 hosting [pub-w1, pub-w2] 2 split []", "payment [] 0 hosting [alfa-w, pub-w1, pub-w2] 3 split []",
                "payment [] 0 hosting [bravo-w, pub-w1, pub-w2] 3 split []", "payment [] 0 hosting [alfa-w, bravo-w, pub-w1, pub-w2] 4 split []",
                null));
        rows.add(explicit("operation figures from the graph", graphQl("""
                { operation(code: "OP-PUB") { figuresFromGraph { websitesTakenDown websitesLinked shipmentsInspected shipmentsSeized
                    pillsSeized peopleUnderInvestigation participatingCountries } } }"""),
                body -> new TreeMap<>((Map<?, ?>) read(body, "$.data.operation.figuresFromGraph")).toString(),
                figures(0, 1, 1, 2, 130), figures(2, 3, 1, 2, 130), figures(0, 1, 1, 3, 1100), figures(2, 3, 1, 3, 1100), null));
        rows.add(explicit("export of a network", get("/export/network.cyjs?ids=pub-w4&depth=2"), ids("$.elements..data.id"),
                List.of("pub-w4"), List.of("pub-w4"), List.of("bravo-l3", "bravo-l4", "bravo-person", "pub-person", "pub-w4"), null, null));
        rows.add(explicit("export of a criminal network", get("/export/criminal-network.cyjs?containing=pub1.example"),
                ids("$.elements..data.id"), List.of("pub-l3", "pub-l4", "pub-pa", "pub-w1", "pub-w2"),
                List.of("alfa-l1", "alfa-l3", "alfa-l4", "alfa-pa", "alfa-w", "pub-l3", "pub-l4", "pub-l5", "pub-pa", "pub-pa-shared", "pub-w1",
                        "pub-w2"),
                List.of("bravo-l1", "bravo-w", "charlie-l1", "charlie-l2", "charlie-pa", "pub-l3", "pub-l4", "pub-l5", "pub-pa", "pub-pa-shared",
                        "pub-w1", "pub-w2", "pub-w3"),
                List.of("alfa-l1", "alfa-l3", "alfa-l4", "alfa-pa", "alfa-w", "bravo-l1", "bravo-w", "charlie-l1", "charlie-l2", "charlie-pa",
                        "pub-l3", "pub-l4", "pub-l5", "pub-pa", "pub-pa-shared", "pub-w1", "pub-w2", "pub-w3"),
                null));
        return rows.stream();
    }

    /** A row whose every reader gets the administrator's answer less what they may not see, by the fixture's naming. */
    private static Row visible(String name, Function<GraphQlClient, String> request, String path, List<String> all) {
        Map<Reader, Object> expected = new EnumMap<>(Reader.class);
        for (Reader reader : Reader.values()) {
            expected.put(reader, all.stream().filter(reader::sees).sorted().toList());
        }
        return new Row(name, request, ids(path), expected);
    }

    /**
     * A row of relationship fields of {@code parent}: each linked entity with its link, seen when both
     * are, and nothing when the parent is not.
     */
    private static Row linked(String name, String parent, Function<GraphQlClient, String> request, String... pairs) {
        Map<Reader, Object> expected = new EnumMap<>(Reader.class);
        for (Reader reader : Reader.values()) {
            expected.put(reader, !reader.sees(parent) ? List.of()
                    : Arrays.stream(pairs).filter(p -> Arrays.stream(p.split(" ")).allMatch(reader::sees)).sorted().toList());
        }
        Function<String, Object> answer = body -> {
            List<Map<String, Object>> linked = maps(body, "$.data..[?(@.node && @.link)]");
            return linked.stream().map(l -> id(l.get("node")) + " " + id(l.get("link"))).sorted().toList();
        };
        return new Row(name, request, answer, expected);
    }

    /** A list with its totalCount: the visible entities, and as many. */
    private static Row listed(String name, Function<GraphQlClient, String> request, String field, List<String> all) {
        Map<Reader, Object> expected = new EnumMap<>(Reader.class);
        for (Reader reader : Reader.values()) {
            List<String> seen = all.stream().filter(reader::sees).sorted().toList();
            expected.put(reader, seen.size() + " " + seen);
        }
        Function<String, Object> ids = ids("$.data." + field + ".edges[*].node.id");
        return new Row(name, request, body -> read(body, "$.data." + field + ".totalCount") + " " + ids.apply(body), expected);
    }

    /** A row with an answer per reader; those of the last two default to the one before (admin sees what AB sees). */
    private static Row explicit(String name, Function<GraphQlClient, String> request, Function<String, Object> answer, Object viewer,
            Object caseA, Object caseB, Object bothCases, Object admin) {
        Map<Reader, Object> expected = new EnumMap<>(Reader.class);
        expected.put(Reader.VIEWER, viewer);
        expected.put(Reader.INVESTIGATOR_A, caseA == null ? viewer : caseA);
        expected.put(Reader.INVESTIGATOR_B, caseB);
        expected.put(Reader.INVESTIGATOR_AB, bothCases == null ? caseB : bothCases);
        expected.put(Reader.ADMIN, admin == null ? expected.get(Reader.INVESTIGATOR_AB) : admin);
        return new Row(name, request, answer, expected);
    }

    private static Function<GraphQlClient, String> graphQl(String document) {
        return client -> client.send(document);
    }

    private static Function<GraphQlClient, String> get(String uri) {
        return client -> client.webClient().get().uri(uri).exchange().expectBody(String.class).returnResult().getResponseBody();
    }

    private static Object read(String body, String path) {
        return JsonPath.using(JSON).parse(body).read(path);
    }

    /** The ids at a path, sorted, each once; an answer with errors is no answer. */
    private static Function<String, Object> ids(String path) {
        return body -> {
            assertThat((Object) read(body, "$.errors")).as(body).isNull();
            Object found = read(body, path);
            List<String> ids = new ArrayList<>();
            if (found instanceof List<?> list) {
                list.stream().filter(v -> v != null).map(Object::toString).distinct().forEach(ids::add);
            }
            ids.sort(null);
            return ids;
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(String body, String path) {
        assertThat((Object) read(body, "$.errors")).as(body).isNull();
        return (List<Map<String, Object>>) read(body, path);
    }

    @SuppressWarnings("unchecked")
    private static String id(Object entity) {
        return entity == null ? "-" : String.valueOf(((Map<String, Object>) entity).get("id"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> idsOf(Object entities) {
        return ((List<Object>) entities).stream().map(NeedToKnowIT::id).sorted().toList();
    }

    private static Object paths(String body) {
        return maps(body, "$.data.paths").stream()
            .map(p -> String.join(" ", ((List<?>) p.get("nodes")).stream().map(NeedToKnowIT::id).toList()) + " | "
                    + String.join(" ", ((List<?>) p.get("edges")).stream().map(NeedToKnowIT::id).toList()))
            .sorted().toList();
    }

    private static Object events(String body) {
        return maps(body, "$.data.timeline").stream()
            .map(e -> e.get("date") + " " + e.get("kind") + " " + id(e.get("related")) + " " + id(e.get("link"))).toList();
    }

    /** A sibling as {@link #siblings} reads it: its score from the items' k and N, the visible websites. */
    private static String sibling(String website, int n, String... items) {
        double score = 0;
        for (String item : items) {
            String[] parts = item.split(" ");
            double specificity = parts[0].equals("IP_ADDRESS") ? 0.5 : 1.0;
            score += specificity * Math.log((double) n / Integer.parseInt(parts[2]));
        }
        return website + " " + String.format(Locale.ROOT, "%.4f", score) + " " + Arrays.stream(items).sorted().toList();
    }

    private static List<String> sorted(String... siblings) {
        return Arrays.stream(siblings).sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private static Object siblings(String body) {
        return maps(body, "$.data.sharedInfrastructure").stream().map(s -> id(s.get("website")) + " "
                + String.format(Locale.ROOT, "%.4f", ((Number) s.get("score")).doubleValue()) + " "
                + ((List<Map<String, Object>>) s.get("sharedItems")).stream()
                    .map(i -> i.get("kind") + " " + id(i.get("item")) + " " + i.get("websiteCount")).sorted().toList())
            .sorted().toList();
    }

    @SuppressWarnings("unchecked")
    private static Object networks(String body) {
        return maps(body, "$.data.criminalNetworks.edges[*].node").stream().map(n -> n.get("id") + " " + n.get("size") + " "
                + idsOf(n.get("websites")) + " items " + ((List<Map<String, Object>>) n.get("bindingItems")).stream()
                    .map(i -> id(i.get("item")) + " " + i.get("websiteCount")).sorted().toList()
                + " inspected " + n.get("shipmentsInspected") + " seized " + n.get("shipmentsSeized") + " pills " + n.get("pillsSeized"))
            .toList();
    }

    private static Object keyItems(String body) {
        return maps(body, "$.data.keyInfrastructure").stream().map(i -> id(i.get("item")) + " " + i.get("networksServed") + " "
                + i.get("networkWebsitesServed") + " " + i.get("websitesServed")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Object impact(String body) {
        assertThat((Object) read(body, "$.errors")).as(body).isNull();
        Map<String, Object> impact = (Map<String, Object>) read(body, "$.data.takedownImpact");
        List<String> splits = ((List<Map<String, Object>>) impact.get("networksSplit")).stream().map(s -> id(s.get("before"))).toList();
        return "payment " + idsOf(impact.get("websitesWithoutPayment")) + " " + impact.get("websitesWithoutPaymentCount") + " hosting "
                + idsOf(impact.get("websitesWithoutHosting")) + " " + impact.get("websitesWithoutHostingCount") + " split " + splits;
    }

    private static String figures(int takenDown, int linked, int inspected, int seized, int pills) {
        return new TreeMap<>(Map.of("websitesTakenDown", takenDown, "websitesLinked", linked, "shipmentsInspected", inspected,
                "shipmentsSeized", seized, "pillsSeized", pills, "peopleUnderInvestigation", 0, "participatingCountries", 0)).toString();
    }

}
