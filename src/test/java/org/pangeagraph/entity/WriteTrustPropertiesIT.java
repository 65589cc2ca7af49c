package org.pangeagraph.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.PropertySpec;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.RawGraphQl;
import org.pangeagraph.support.Seeded;
import org.pangeagraph.support.TestGraph;
import org.pangeagraph.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;

/**
 * Issue 15's properties for writes, over real HTTP on fixtures/one-of-each.cypher:
 * <ul>
 * <li>Atomicity: random mutation documents of several fields, of every mutation of the schema, most with
 * one invalid field among valid ones: the graph (every node and relationship with its properties), the
 * answer and the audit trail agree: written whole, answered without error, audited OK with the entities;
 * or nothing written, {@code data} null, every field with an error (its own or NOT_WRITTEN), audited
 * ROLLED_BACK (or DENIED) with no entity.</li>
 * <li>Input strictness: every text input (String, ID, CountryCode) and every date input of every
 * mutation, found by walking the schema's Mutation arguments (a new input joins by itself), given
 * control characters, bidirectional controls, halves of surrogate pairs, or days that do not exist:
 * refused as INVALID_INPUT naming the field, nothing written.</li>
 * </ul>
 * Seeded; a failing try prints its seed ({@link Seeded}).
 */
@IntegrationTest
class WriteTrustPropertiesIT {

    /** Tries of the atomicity property. */
    static final int DOCUMENTS = 200;

    /** Bad values sent to each text or date input in the strictness property. */
    static final int VALUES_PER_INPUT = 4;

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @Autowired
    GraphQlSource graphQl;

    @BeforeEach
    void oneOfEach() {
        this.graph.startWith("one-of-each");
    }

    // ---------------------------------------------------------------- atomicity

    @Test
    void aMutationIsWrittenWholeOrNotAtAllAndTheAnswerAndAuditSayWhich() {
        List<GraphQLFieldDefinition> mutations = MutationInputs.mutations(this.graphQl.schema());
        assertThat(mutations.stream().map(GraphQLFieldDefinition::getName).collect(Collectors.toSet()))
            .as("every mutation has a valid and an invalid input here").isEqualTo(Inputs.MUTATIONS);
        Map<String, Integer> tried = new TreeMap<>();
        int[] counter = { 0 };

        Seeded.forAll("atomicity", 20260115L, DOCUMENTS, random -> {
            int n = ++counter[0];
            int size = 2 + random.nextInt(3);
            int invalid = random.nextInt(10) < 7 ? random.nextInt(size) : -1;
            List<Field> fields = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                GraphQLFieldDefinition mutation = mutations.get(random.nextInt(mutations.size()));
                tried.merge(mutation.getName(), 1, Integer::sum);
                String id = n + "x" + i;
                if (mutation.getName().equals("deleteEntity") && i != invalid) {
                    this.graph.write("CREATE (w:Website:Entity {id: $id, domain: $domain, createdAt: datetime(), updatedAt: datetime(), "
                            + "version: 1})", Map.of("id", "doomed-" + id, "domain", "doomed-" + id + ".example"));
                }
                Object input = i == invalid ? Inputs.invalid(mutation.getName(), id) : Inputs.valid(mutation.getName(), id, random);
                if (mutation.getName().equals("retractJudgement") && i != invalid) {
                    input = Map.of("id", standingJudgement(id), "note", "Retracted " + id);
                }
                if (mutation.getName().equals("unlink") && i != invalid) {
                    // A link to remove, whatever the tries before left.
                    RawGraphQl.query(this.client, "mutation { link(input: {type: HOSTED_AT, from: {kind: WEBSITE, key: \"pharma-direct.example\"}, "
                            + "to: {kind: IP_ADDRESS, key: \"192.0.2.10\"}, source: \"whois-2009\"}) { created } }");
                }
                if (mutation.getName().equals("deleteWatch") && i != invalid) {
                    input = Map.of("id", standingWatch(id));
                }
                if (mutation.getName().equals("updateAlert") && i != invalid) {
                    standingAlert("alert-" + id);
                }
                fields.add(new Field("f" + i, mutation, input));
            }
            String operation = "atomic" + n;
            String before = this.graph.snapshot();

            String answer = send(operation, fields);

            List<String> codes = RawGraphQl.errorCodes(answer);
            Map<String, Object> audit = lastAudit(operation);
            if (invalid < 0) {
                assertThat(codes).as(answer).isEmpty();
                assertThat(audit).containsEntry("outcome", "OK");
                assertThat(this.graph.snapshot()).as("written: %s", fields).isNotEqualTo(before);
                return;
            }
            Invalid expected = (Invalid) fields.get(invalid).input();
            assertThat(this.graph.snapshot()).as("nothing of %s written: %s", fields, answer).isEqualTo(before);
            // No data: null when fields ran, absent when the variables were refused before any ran.
            assertThat(JsonPath.<Map<String, Object>>read(answer, "$").get("data")).as(answer).isNull();
            // The invalid field's error: at its path, or, when its variables were refused before any field ran, naming
            // its variable (f2_input.pillCount).
            List<Map<String, Object>> errors = JsonPath.read(answer, "$.errors");
            String key = "f" + invalid;
            assertThat(errors).as(answer).anySatisfy(error -> {
                Map<?, ?> extensions = (Map<?, ?>) error.get("extensions");
                assertThat(extensions.get("code")).isEqualTo(expected.code());
                String at = error.get("path") instanceof List<?> path ? String.valueOf(path.get(0)) : String.valueOf(extensions.get("field"));
                assertThat(at.equals(key) || at.startsWith(key + "_")).as("%s names %s", error, key).isTrue();
            });
            if (!JsonPath.<List<?>>read(answer, "$.errors[?(@.path)]").isEmpty()) {
                for (Field field : fields) {
                    assertThat(JsonPath.<List<?>>read(answer, "$.errors[?(@.path[0] == '" + field.key() + "')]"))
                        .as("%s has an error of its own or NOT_WRITTEN: %s", field.key(), answer).isNotEmpty();
                }
            }
            assertThat(audit.get("outcome")).isIn("ROLLED_BACK", "DENIED");
            assertThat(audit.get("entityIds")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).isEmpty();
        });

        assertThat(tried.keySet()).isEqualTo(Inputs.MUTATIONS);
    }

    /** A standing judgement, on two websites made for it, to retract: its id. */
    private String standingJudgement(String id) {
        for (String end : List.of("a", "b")) {
            this.graph.write("CREATE (w:Website:Entity {id: $id, domain: $domain, createdAt: datetime(), updatedAt: datetime(), "
                    + "version: 1})", Map.of("id", "judged-" + end + id, "domain", "judged-" + end + id + ".example"));
        }
        String answer = RawGraphQl.query(this.client, "mutation judge($input: JudgementInput!) { judgeCandidate(input: $input) { judgement { id } } }",
                Map.of("input", Map.of("a", "judged-a" + id, "b", "judged-b" + id, "verdict", "UNSURE")));
        return JsonPath.read(answer, "$.data.judgeCandidate.judgement.id");
    }

    /** A watch of the administrator's, to delete: its id. */
    private String standingWatch(String id) {
        String answer = RawGraphQl.query(this.client, "mutation watch($input: WatchInput!) { createWatch(input: $input) { id } }",
                Map.of("input", Map.of("name", "Doomed watch " + id, "targets", List.of("person-b"))));
        return JsonPath.read(answer, "$.data.createWatch.id");
    }

    /** An open alert of the administrator's, as the matcher stores one, with nothing in it yet. */
    private void standingAlert(String id) {
        this.graph.write("""
                CREATE (:Alert {id: $id, watchId: 'watch-of-' + $id, watchName: 'A watch', owner: $owner, subject: 'person-a',
                  summary: 'Something happened', changes: [], evidence: [], factCases: [], status: 'OPEN', notes: [], history: [],
                  raisedAt: datetime(), updatedAt: datetime()})
                """, Map.of("id", id, "owner", TestUsers.ADMIN));
    }

    /** One field of a generated document: its response key, its mutation, and the variables of its arguments. */
    record Field(String key, GraphQLFieldDefinition mutation, Object input) {

        Map<String, Object> arguments() {
            return this.input instanceof Invalid invalid ? invalid.arguments() : cast(this.input);
        }

        @Override
        public String toString() {
            return this.key + ": " + this.mutation.getName() + (this.input instanceof Invalid ? " (invalid)" : "");
        }

    }

    /** Arguments a mutation must refuse with {@code code}. */
    record Invalid(Map<String, Object> arguments, String code) {
    }

    private String send(String operation, List<Field> fields) {
        StringBuilder declared = new StringBuilder();
        StringBuilder body = new StringBuilder();
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Field field : fields) {
            List<String> passed = new ArrayList<>();
            for (GraphQLArgument argument : field.mutation().getArguments()) {
                String variable = field.key() + "_" + argument.getName();
                declared.append(declared.isEmpty() ? "" : ", ").append('$').append(variable).append(": ")
                    .append(GraphQLTypeUtil.simplePrint(argument.getType()));
                passed.add(argument.getName() + ": $" + variable);
                variables.put(variable, field.arguments().get(argument.getName()));
            }
            body.append(' ').append(field.key()).append(": ").append(field.mutation().getName()).append('(')
                .append(String.join(", ", passed)).append(')')
                .append(GraphQLTypeUtil.unwrapAll(field.mutation().getType()) instanceof GraphQLScalarType ? "" : " { __typename }");
        }
        String document = "mutation " + operation + "(" + declared + ") {" + body + " }";
        return RawGraphQl.query(this.client, document, variables);
    }

    private Map<String, Object> lastAudit(String operation) {
        String log = this.client.send("{ auditLog(first: 5) { edges { node { operation outcome entityIds errors } } } }");
        List<Map<String, Object>> records = JsonPath.read(log, "$.data.auditLog.edges[*].node");
        return records.stream().filter(r -> operation.equals(r.get("operation"))).findFirst()
            .orElseThrow(() -> new AssertionError("no audit record of " + operation + " in " + log));
    }

    // ---------------------------------------------------------------- strictness

    @Test
    void everyTextAndDateInputOfEveryMutationRefusesWhatIsNotText() {
        List<Leaf> leaves = new ArrayList<>();
        for (GraphQLFieldDefinition mutation : MutationInputs.mutations(this.graphQl.schema())) {
            for (GraphQLArgument argument : mutation.getArguments()) {
                leaves(mutation.getName(), List.of(argument.getName()), argument.getType(), false, leaves);
            }
        }
        assertThat(leaves).extracting(Leaf::mutation).containsAll(Inputs.MUTATIONS);
        System.out.println("Input strictness: " + leaves.size() + " text and date inputs, " + VALUES_PER_INPUT
                + " values each, " + leaves.size() * VALUES_PER_INPUT + " requests");
        String before = this.graph.snapshot();
        int[] counter = { 0 };

        Seeded.forAll("input strictness", 20230230L, leaves.size() * VALUES_PER_INPUT, random -> {
            Leaf leaf = leaves.get(counter[0]++ / VALUES_PER_INPUT);
            Map<String, Object> arguments = Inputs.valid(leaf.mutation(), "strict" + counter[0], random);
            if (leaf.path().contains("webhook")) {
                // The webhook's two fields go together: the other one valid.
                arguments = with(arguments, List.of("input", "webhook"), Map.of("url", "https://cases.example/hook", "secret", "a secret"));
            }
            if (leaf.mutation().equals("deleteEntity")) {
                arguments = new LinkedHashMap<>(arguments);
            }
            String bad = leaf.date() ? impossibleDate(random) : notText(random, leaf.freeText());
            Map<String, Object> changed = with(arguments, leaf.path(), bad);
            String expectedField = String.join(".", leaf.path()).replace(".[", "[");

            String answer = postEscaped(leaf.mutation(), changed);

            assertThat(RawGraphQl.errorCodes(answer)).as("%s = %s: %s", expectedField, escaped(bad), answer)
                .containsExactly("INVALID_INPUT");
            assertThat(JsonPath.<String>read(answer, "$.errors[0].extensions.field")).as(answer).isEqualTo(expectedField);
            BadInputIT.assertTellsNoInternals(answer);
        });
        assertThat(this.graph.snapshot()).as("nothing written").isEqualTo(before);
    }

    /** A text or date input: where it is, whether it is free text, whether it is a date. */
    record Leaf(String mutation, List<String> path, boolean freeText, boolean date) {
    }

    private static void leaves(String mutation, List<String> path, GraphQLType type, boolean freeText, List<Leaf> leaves) {
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList list) {
            List<String> item = new ArrayList<>(path);
            item.add("[0]");
            leaves(mutation, item, list.getWrappedType(), freeText, leaves);
        }
        else if (bare instanceof GraphQLInputObjectType object) {
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                List<String> inner = new ArrayList<>(path);
                inner.add(field.getName());
                leaves(mutation, inner, field.getType(), freeText(object, field), leaves);
            }
        }
        else if (bare instanceof GraphQLScalarType scalar) {
            switch (scalar.getName()) {
                case "String", "ID", "CountryCode" -> leaves.add(new Leaf(mutation, path, freeText, false));
                case "Date" -> leaves.add(new Leaf(mutation, path, false, true));
                default -> {
                }
            }
        }
    }

    /** What the model says of a field of an entity's input: free text or not (as the API decides it). */
    private static boolean freeText(GraphQLInputObjectType object, GraphQLInputObjectField field) {
        String name = object.getName().replaceFirst("Input$", "");
        return NodeKind.ofLabel(name).flatMap(kind -> kind.property(field.getName())).map(PropertySpec::freeText).orElse(false);
    }

    /** Text with at least one character no input takes (in free text too, unless {@code freeText} is false). */
    static String notText(Random random, boolean freeText) {
        List<String> refused = new ArrayList<>();
        for (char c = 0; c < 0x20; c++) {
            if (!freeText || (c != '\t' && c != '\n')) {
                refused.add(String.valueOf(c));
            }
        }
        for (char c = 0x7F; c <= 0x9F; c++) {
            refused.add(String.valueOf(c));
        }
        for (char c : new char[] { '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069' }) {
            refused.add(String.valueOf(c));
        }
        refused.add(String.valueOf((char) (0xD800 + random.nextInt(0x400))));
        refused.add(String.valueOf((char) (0xDC00 + random.nextInt(0x400))));
        String prefix = Seeded.string(random, 12, "abcXYZ019 .-@".toCharArray());
        String suffix = Seeded.string(random, 12, "abcXYZ019 .-@".toCharArray());
        return prefix + refused.get(random.nextInt(refused.size())) + suffix;
    }

    /** A day that is not in the calendar. */
    static String impossibleDate(Random random) {
        int year = 1990 + random.nextInt(60);
        String[] days = { "%d-02-30", "%d-02-31", "%d-04-31", "%d-06-31", "%d-09-31", "%d-11-31", "%d-13-01", "%d-00-10", "%d-06-00",
            "%d-01-32" };
        String day = days[random.nextInt(days.length)].formatted(year);
        // 29 February of a year that is not a leap year.
        return random.nextInt(4) == 0 ? (year % 4 == 0 ? year + 1 : year) + "-02-29" : day;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(Map<String, Object> arguments, List<String> path, Object value) {
        Map<String, Object> copy = deepCopy(arguments);
        Object container = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            String step = path.get(i);
            String next = path.get(i + 1);
            Map<String, Object> map = (Map<String, Object>) container;
            if (next.equals("[0]")) {
                List<Object> list = new ArrayList<>();
                map.put(step, list);
                container = list;
                i++;
                if (i == path.size() - 1) {
                    list.add(value);
                    return copy;
                }
                Map<String, Object> item = new LinkedHashMap<>();
                list.add(item);
                container = item;
            }
            else {
                Object inner = map.get(step);
                if (!(inner instanceof Map)) {
                    inner = new LinkedHashMap<String, Object>();
                    map.put(step, inner);
                }
                container = inner;
            }
        }
        ((Map<String, Object>) container).put(path.get(path.size() - 1), value);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m)
                : v instanceof List<?> l ? new ArrayList<>(l) : v));
        return copy;
    }

    /**
     * Posts one mutation with its arguments as variables, the JSON written here with every character outside
     * printable ASCII escaped, so that halves of surrogate pairs reach the server as a client may send them.
     */
    private String postEscaped(String mutationName, Map<String, Object> arguments) {
        GraphQLFieldDefinition mutation = this.graphQl.schema().getMutationType().getFieldDefinition(mutationName);
        String document = MutationInputs.document("mutation", mutation);
        String body = "{\"query\":" + json(document) + ",\"variables\":" + json(arguments) + "}";
        return this.client.webClient().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
            .accept(MediaType.APPLICATION_JSON).bodyValue(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .exchange().expectBody(String.class).returnResult().getResponseBody();
    }

    static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                }
                else if (c < 0x20 || c > 0x7E) {
                    out.append(String.format("\\u%04x", (int) c));
                }
                else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> json(String.valueOf(e.getKey())) + ":" + json(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(WriteTrustPropertiesIT::json).collect(Collectors.joining(",", "[", "]"));
        }
        return String.valueOf(value);
    }

    private static String escaped(String s) {
        return json(s);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) value;
    }

    /** A valid and an invalid input for every mutation of the schema, on fixtures/one-of-each.cypher. */
    static final class Inputs {

        static final Set<String> MUTATIONS = new TreeSet<>(Set.of("upsertWebsite", "upsertIpAddress", "upsertHostingProvider",
                "upsertRegistrar", "upsertNameServer", "upsertEmailAddress", "upsertPhoneNumber", "upsertAddress", "upsertPaymentAccount",
                "upsertShipment", "upsertCourier", "upsertProduct", "upsertPerson", "upsertCompany", "upsertOperation",
                "upsertAgency", "upsertCountry", "upsertCase", "upsertSource", "link", "unlink", "deleteEntity", "judgeCandidate",
                "retractJudgement", "createWatch", "deleteWatch", "updateAlert"));

        private static final Map<String, Object> WEBSITE = Map.of("kind", "WEBSITE", "key", "pharma-direct.example");

        private static final Map<String, Object> IP = Map.of("kind", "IP_ADDRESS", "key", "192.0.2.10");

        private Inputs() {
        }

        /** Arguments of {@code mutation} that it takes, naming entities new to the graph where it creates one ({@code n}). */
        static Map<String, Object> valid(String mutation, String n, Random random) {
            int number = Math.abs(n.hashCode());
            Map<String, Object> input = switch (mutation) {
                case "upsertWebsite" -> Map.of("domain", "w" + n + ".example", "name", "Site " + n, "firstSeen", "2009-11-16");
                case "upsertIpAddress" -> Map.of("address", "10." + (number % 250) + "." + (number / 250 % 250) + "." + (number / 62500 % 250));
                case "upsertHostingProvider", "upsertRegistrar", "upsertCourier", "upsertProduct", "upsertAgency" ->
                    Map.of("name", "Name " + n);
                case "upsertNameServer" -> Map.of("hostName", "ns1.dns-" + n + ".example");
                case "upsertEmailAddress" -> Map.of("address", "u" + n + "@mail.example");
                case "upsertPhoneNumber" -> Map.of("number", "+44207946" + String.format("%04d", number % 1000));
                case "upsertAddress" -> Map.of("text", n + " Test Road\nLondon");
                case "upsertPaymentAccount" -> Map.of("identifier", "wallet-" + n, "kind", "E_WALLET");
                case "upsertShipment" -> Map.of("trackingNumber", "TN" + n.toUpperCase(), "pillCount", 10);
                case "upsertPerson" -> Map.of("id", "person-" + n, "name", "Person " + n);
                case "upsertCompany" -> Map.of("name", "Company " + n, "country", "CY");
                case "upsertOperation" -> Map.of("code", "OP-" + n, "startDate", "2009-11-16");
                case "upsertCountry" -> Map.of("code", List.of("NL", "DE", "FR", "IT", "ES").get(random.nextInt(5)), "name", "Country " + n);
                case "upsertCase" -> Map.of("number", "CASE-" + n, "title", "Case " + n);
                case "upsertSource" -> Map.of("key", "source-" + n, "title", "Source " + n);
                case "link" -> Map.of("type", "HOSTED_AT", "from", WEBSITE, "to", IP, "source", "whois-2009",
                        "validFrom", "20%02d-%02d-%02d".formatted(random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28)));
                case "unlink" -> Map.of("type", "HOSTED_AT", "from", WEBSITE, "to", IP);
                case "judgeCandidate" -> Map.of("a", "person-a", "b", "person-b", "verdict",
                        List.of("POSITIVE", "NEGATIVE", "UNSURE").get(random.nextInt(3)), "note", "Judged " + n);
                // A judgement's id is the application's: the atomicity property puts a standing one's in its place.
                case "retractJudgement" -> Map.of("id", "judgement-" + n, "note", "Retracted " + n);
                case "createWatch" -> Map.of("name", "Watch " + n, "targets", List.of("person-a"), "kinds", List.of("WEBSITE"));
                // A watch's id is the application's: the atomicity property puts a standing one's in its place.
                case "deleteWatch" -> Map.of("id", "watch-" + n);
                // An alert of the administrator's: the atomicity property writes it first.
                case "updateAlert" -> Map.of("id", "alert-" + n, "status", "IN_PROGRESS", "note", "Looked at " + n);
                case "deleteEntity" -> null;
                default -> throw new AssertionError("no valid input for " + mutation + ": add one");
            };
            if (mutation.equals("retractJudgement") || mutation.equals("deleteWatch")) {
                return input;
            }
            return input == null ? Map.of("id", "doomed-" + n) : Map.of("input", input);
        }

        /** Arguments {@code mutation} must refuse, and the code it refuses them with. */
        static Invalid invalid(String mutation, String n) {
            Map<String, Object> input = switch (mutation) {
                case "upsertWebsite" -> Map.of("domain", "not a domain " + n);
                case "upsertIpAddress" -> Map.of("address", "192.0.2.300");
                case "upsertHostingProvider", "upsertRegistrar", "upsertCourier", "upsertProduct", "upsertAgency" ->
                    Map.of("name", "   ");
                case "upsertNameServer" -> Map.of("hostName", "not a host name " + n);
                case "upsertEmailAddress" -> Map.of("address", "u" + n + "@@mail.example");
                case "upsertPhoneNumber" -> Map.of("number", "+44 20 7946 032");
                case "upsertAddress" -> Map.of("text", "  ");
                case "upsertPaymentAccount" -> Map.of("identifier", "GB82 WEST 1234 5698 7654 23");
                case "upsertShipment" -> Map.of("trackingNumber", "TN" + n, "pillCount", -1);
                case "upsertPerson" -> Map.of("id", "person-" + n, "name", "Person\u0000" + n);
                case "upsertCompany" -> Map.of("name", "Company " + n, "country", "CY", "registrationNumber", "\u202E" + n);
                case "upsertOperation" -> Map.of("code", "<script>" + n);
                case "upsertCountry" -> Map.of("code", "NL", "name", "Nether\u0007lands");
                case "upsertCase" -> Map.of("number", "CASE;" + n);
                case "upsertSource" -> Map.of("key", " ");
                case "link" -> Map.of("type", "HOSTED_AT", "from", WEBSITE, "to", IP, "validFrom", "2009-11-20", "validTo", "2009-11-19");
                case "unlink" -> Map.of();
                case "judgeCandidate" -> Map.of("a", "person-a", "b", "person-a", "verdict", "UNSURE");
                case "retractJudgement" -> null;
                case "deleteEntity" -> null;
                case "createWatch" -> Map.of("name", "Watch " + n, "targets", List.of("no-such-entity-" + n));
                case "deleteWatch" -> null;
                case "updateAlert" -> null;
                default -> throw new AssertionError("no invalid input for " + mutation + ": add one");
            };
            if (mutation.equals("deleteWatch")) {
                return new Invalid(Map.of("id", "watch\u0000" + n), "INVALID_INPUT");
            }
            if (mutation.equals("updateAlert")) {
                return new Invalid(Map.of("input", Map.of("id", "no-such-alert-" + n, "status", "CONFIRMED")), "NOT_FOUND");
            }
            if (mutation.equals("retractJudgement")) {
                return new Invalid(Map.of("id", "no-such-judgement-" + n), "NOT_FOUND");
            }
            return input == null ? new Invalid(Map.of("id", "no-such-entity-" + n), "NOT_FOUND")
                    : new Invalid(Map.of("input", input), "INVALID_INPUT");
        }

    }

}
