package org.pangeagraph.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pangeagraph.entity.MutationInputs.GraphState;
import org.pangeagraph.model.KeyForm;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.support.GraphQlClient;
import org.pangeagraph.support.IntegrationTest;
import org.pangeagraph.support.RawGraphQl;
import org.pangeagraph.support.TestGraph;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * Cypher and GraphQL metacharacters in every string argument of every mutation and query, found in
 * the schema so that a new one is covered too: a value the field accepts is stored and returned
 * exactly as sent (or in its normal form, upper case for codes), and nothing else in the graph
 * changes; a value it refuses is refused with a code and changes nothing at all.
 */
@IntegrationTest
class InjectionIT {

    static final List<String> PAYLOADS = List.of(
            "x'}) DETACH DELETE n //",
            "\"}) MATCH (m) SET m.pwned = true RETURN m // \\",
            "$param ${id} {query} }{ #comment",
            "ünïcødé — 中文 — 🚀 — \u202eRTL \u0000",
            "query { __schema { types { name } } } mutation { deleteEntity(id: \"person-a\") { id } }",
            "A".repeat(10_000));

    /** What refusing a value may be answered with: the value is wrong, names nothing, or is too long. */
    private static final Set<String> REFUSALS = Set.of("INVALID_INPUT", "NOT_FOUND", "LIMIT_EXCEEDED");

    @Autowired
    TestGraph graph;

    @Autowired
    GraphQlClient client;

    @Autowired
    GraphQlSource graphQl;

    @BeforeEach
    void oneOfEachKind() {
        this.graph.startWith("one-of-each");
    }

    @Test
    void everyUpsertHasAValidInputHere() {
        assertThat(MutationInputs.mutations(schema()).stream().map(GraphQLFieldDefinition::getName)).containsExactlyInAnyOrderElementsOf(
                Stream.concat(MutationInputs.KEYS.keySet().stream(), MutationInputs.OTHERS.stream()).toList());
    }

    @TestFactory
    Stream<DynamicTest> everyStringOfEveryUpsertIsStoredAsDataOrRefused() {
        return MutationInputs.mutations(schema()).stream().filter(m -> MutationInputs.KEYS.containsKey(m.getName()))
            .flatMap(upsert -> MutationInputs.inputType(upsert).getFieldDefinitions().stream().filter(f -> isString(f.getType()))
                .map(field -> DynamicTest.dynamicTest(upsert.getName() + "." + field.getName(), () -> upsert(upsert, field))));
    }

    @TestFactory
    Stream<DynamicTest> everyStringArgumentOfEveryOtherMutationAndQueryChangesNothing() {
        GraphQLSchema schema = schema();
        return Stream.concat(schema.getQueryType().getFieldDefinitions().stream().map(f -> Map.entry(f, "query")),
                MutationInputs.mutations(schema).stream().filter(m -> MutationInputs.OTHERS.contains(m.getName()))
                    .map(f -> Map.entry(f, "mutation")))
            .map(entry -> DynamicTest.dynamicTest(entry.getValue() + " " + entry.getKey().getName(), () -> {
                for (String payload : PAYLOADS) {
                    String before = this.graph.snapshot();
                    String body = RawGraphQl.query(this.client, MutationInputs.document(entry.getValue(), entry.getKey()),
                            variables(entry.getKey(), payload));
                    assertThat(RawGraphQl.errorCodes(body)).as(body).isSubsetOf(REFUSALS);
                    assertThat(this.graph.snapshot()).as("%s with %s", entry.getKey().getName(), abbreviated(payload))
                        .isEqualTo(before);
                }
            }));
    }

    @Test
    void aValueWrittenIntoTheDocumentItselfIsDataToo() {
        String name = PAYLOADS.get(1);
        String literal = "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";

        String body = RawGraphQl.query(this.client, "mutation { upsertCourier(input: {name: " + literal + "}) { courier { name } } }");

        assertThat(JsonPath.<String>read(body, "$.data.upsertCourier.courier.name")).isEqualTo(name);
        assertThat(this.graph.count("MATCH (n) WHERE n.pwned IS NOT NULL RETURN count(n)")).isZero();
    }

    private void upsert(GraphQLFieldDefinition upsert, GraphQLInputObjectField field) {
        String entity = MutationInputs.entityField(upsert);
        boolean list = GraphQLTypeUtil.unwrapNonNull(field.getType()) instanceof GraphQLList;
        String document = "mutation m($input: " + MutationInputs.inputType(upsert).getName() + "!) { " + upsert.getName()
                + "(input: $input) { " + entity + " { id } } }";
        for (String payload : PAYLOADS) {
            Map<String, Object> input = new HashMap<>(MutationInputs.KEYS.get(upsert.getName()));
            input.put(field.getName(), list ? List.of(payload) : payload);
            GraphState before = GraphState.of(this.graph.db());

            String body = RawGraphQl.query(this.client, document, Map.of("input", input));

            String what = upsert.getName() + "." + field.getName() + " = " + abbreviated(payload);
            if (!RawGraphQl.errorCodes(body).isEmpty()) {
                assertThat(RawGraphQl.errorCodes(body)).as(what + ": " + body).isSubsetOf("INVALID_INPUT");
                assertThat(GraphState.of(this.graph.db())).as(what).isEqualTo(before);
                continue;
            }
            String id = JsonPath.read(body, "$.data." + upsert.getName() + "." + entity + ".id");
            Object stored = this.graph.read("MATCH (n {id: $id}) RETURN n[$property] AS value",
                    Map.of("id", id, "property", field.getName())).get(0).get("value").asObject();
            String expected = storedForm(upsert, field.getName(), payload);
            assertThat(stored).as(what).isEqualTo(list ? List.of(expected) : expected);
            String returned = RawGraphQl.query(this.client, "query r($id: ID!) { node(id: $id) { ... on "
                    + MutationInputs.entityType(upsert) + " { " + field.getName() + " } } }", Map.of("id", id));
            assertThat((Object) JsonPath.read(returned, "$.data.node." + field.getName())).as(what).isEqualTo(stored);
            assertThat(GraphState.of(this.graph.db()).without(id)).as(what).isEqualTo(before.without(id));
        }
    }

    /** A value as stored: a key (not one derived from a name) and case numbers in their normal form, the rest as sent. */
    private static String storedForm(GraphQLFieldDefinition upsert, String field, String payload) {
        NodeKind kind = NodeKind.ofLabel(MutationInputs.entityType(upsert)).orElseThrow();
        if (field.equals(kind.keyInput()) && !kind.derivedKey()) {
            return kind.keyForm().normalise(payload);
        }
        return field.equals("cases") ? KeyForm.CODE.normalise(payload) : payload;
    }

    /** The payload in every string the field takes, at any depth; a plain valid value where one is required. */
    private static Map<String, Object> variables(GraphQLFieldDefinition field, String payload) {
        Map<String, Object> variables = new LinkedHashMap<>();
        field.getArguments().forEach(a -> {
            Object value = value(a.getType(), payload);
            if (value != null) {
                variables.put(a.getName(), value);
            }
        });
        return variables;
    }

    private static Object value(GraphQLInputType type, String payload) {
        boolean required = type instanceof GraphQLNonNull;
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList list) {
            Object item = value((GraphQLInputType) list.getWrappedType(), payload);
            return item == null ? (required ? List.of() : null) : List.of(item);
        }
        if (bare instanceof GraphQLInputObjectType object) {
            Map<String, Object> fields = new LinkedHashMap<>();
            object.getFieldDefinitions().forEach(f -> {
                Object value = value(f.getType(), payload);
                if (value != null) {
                    fields.put(f.getName(), value);
                }
            });
            return fields;
        }
        if (isString(bare)) {
            return payload;
        }
        if (!required) {
            return null;
        }
        if (bare instanceof GraphQLEnumType enumType) {
            return enumType.getValues().get(0).getName();
        }
        return switch (((GraphQLScalarType) bare).getName()) {
            case "Boolean" -> false;
            case "Date" -> "2009-11-16";
            case "DateTime" -> "2009-11-16T09:00:00Z";
            case "CountryCode" -> "NL";
            case "Float" -> 1.0;
            default -> 1;
        };
    }

    private static boolean isString(GraphQLType type) {
        return GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLScalarType scalar
                && (scalar.getName().equals("String") || scalar.getName().equals("ID"));
    }

    private static String abbreviated(String payload) {
        return payload.length() > 60 ? payload.substring(0, 20) + "...(" + payload.length() + " characters)" : payload;
    }

    private GraphQLSchema schema() {
        return this.graphQl.schema();
    }

}
