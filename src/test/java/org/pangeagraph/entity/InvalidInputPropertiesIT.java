package org.pangeagraph.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.entity.MutationInputs.GraphState;
import org.pangeagraph.support.RawGraphQl;
import org.pangeagraph.support.StartedApplication;
import org.pangeagraph.support.TestGraph;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.FileSystemUtils;

/**
 * Property: whatever a client sends to whichever mutation, the answer carries codes and is no 500,
 * and the graph is either unchanged or changed in the one entity an upsert writes. jqwik generates
 * the inputs from the schema's input types (strings of any characters and length, numbers of any
 * size, dates and enums that are not, fields missing, null or unknown) and shrinks a failing one.
 * jqwik's engine runs its properties outside Spring's test context, so the application is started
 * here, once for the container.
 */
class InvalidInputPropertiesIT {

    /** Codes an invalid input may be answered with (variables that do not fit the schema fail its validation); never INTERNAL. */
    private static final Set<String> EXPECTED = Set.of("INVALID_INPUT", "GRAPHQL_VALIDATION_FAILED", "NOT_FOUND", "CONFLICT",
            "FORBIDDEN", "LIMIT_EXCEEDED");

    private static Path directory;

    private static StartedApplication app;

    private static GraphDb db;

    private static GraphQLSchema schema;

    @BeforeContainer
    static void start() throws IOException {
        directory = Files.createTempDirectory("invalid-input");
        app = StartedApplication.start(directory, null, "--pangea.limits.requests-per-minute=1000000",
                "--pangea.limits.request-timeout=60s");
        TestGraph.of(app).load("one-of-each");
        db = app.context().getBean(GraphDb.class);
        schema = app.context().getBean(GraphQlSource.class).schema();
    }

    @AfterContainer
    static void stop() throws IOException {
        app.close();
        FileSystemUtils.deleteRecursively(directory);
    }

    /** One request: a mutation and the variables sent with it. */
    record Call(String mutation, String document, Map<String, Object> variables) {

        @Override
        public String toString() {
            return this.mutation + " " + this.variables;
        }

    }

    @Property(tries = 500, seed = "20091116")
    void noInputIsAnsweredWithA500OrWrittenInPart(@ForAll("calls") Call call) {
        Statistics.label("mutation").collect(call.mutation());
        GraphState before = GraphState.of(db);

        EntityExchangeResult<String> answer = post(call);

        assertThat(answer.getStatus().is5xxServerError()).isFalse();
        List<String> codes = RawGraphQl.errorCodes(answer.getResponseBody());
        GraphState after = GraphState.of(db);
        if (!codes.isEmpty()) {
            assertThat(codes).as(answer.getResponseBody()).isSubsetOf(EXPECTED);
            assertThat(after).isEqualTo(before);
        }
        else if (MutationInputs.KEYS.containsKey(call.mutation())) {
            long changed = after.nodes().keySet().stream().filter(id -> !after.nodes().get(id).equals(before.nodes().get(id))).count();
            assertThat(changed).as("entities written").isLessThanOrEqualTo(1);
            assertThat(after.nodes().keySet()).containsAll(before.nodes().keySet());
            assertThat(after.links()).isEqualTo(before.links());
        }
        Statistics.label("mutation").coverage(checker -> MutationInputs.mutations(schema)
            .forEach(mutation -> checker.check(mutation.getName()).count(n -> n >= 5)));
    }

    @Provide
    Arbitrary<Call> calls() {
        return Arbitraries.oneOf(MutationInputs.mutations(schema).stream().map(mutation -> {
            String document = MutationInputs.document("mutation", mutation);
            return fields(mutation.getArguments().stream().collect(Collectors.toMap(a -> a.getName(), a -> a.getType(),
                    (a, b) -> a, LinkedHashMap::new))).map(variables -> new Call(mutation.getName(), document, variables));
        }).toList());
    }

    private static EntityExchangeResult<String> post(Call call) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", call.document());
        body.put("variables", call.variables());
        return app.webClient().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
            .bodyValue(body).exchange().expectBody(String.class).returnResult();
    }

    /** Maps with some of the fields, some null, now and then one the type does not have. */
    private static Arbitrary<Map<String, Object>> fields(Map<String, GraphQLInputType> types) {
        List<String> names = new ArrayList<>(types.keySet());
        List<Arbitrary<Object>> values = names.stream().map(name -> value(types.get(name)).injectNull(0.15)).toList();
        Arbitrary<Map<String, Object>> present = Combinators.combine(values).as(list -> {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                if (list.get(i) != null) {
                    map.put(names.get(i), list.get(i));
                }
            }
            return map;
        });
        return Arbitraries.frequencyOf(Tuple.of(9, present), Tuple.of(1, present.map(map -> {
            Map<String, Object> withUnknown = new LinkedHashMap<>(map);
            withUnknown.put("notAField", "x");
            return withUnknown;
        })));
    }

    private static Arbitrary<Object> value(GraphQLType type) {
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (bare instanceof GraphQLList list) {
            return value(list.getWrappedType()).list().ofMaxSize(3).map(Object.class::cast);
        }
        if (bare instanceof GraphQLInputObjectType object) {
            return fields(object.getFieldDefinitions().stream().collect(Collectors.toMap(f -> f.getName(), f -> f.getType(),
                    (a, b) -> a, LinkedHashMap::new))).map(Object.class::cast);
        }
        if (bare instanceof GraphQLEnumType enumType) {
            return Arbitraries.oneOf(Arbitraries.of(enumType.getValues().stream().map(GraphQLEnumValueDefinition::getName).toList())
                .map(Object.class::cast), strings());
        }
        return switch (((GraphQLScalarType) bare).getName()) {
            case "Int", "NonNegativeInt" -> Arbitraries.oneOf(Arbitraries.integers().map(Object.class::cast),
                    Arbitraries.longs().map(Object.class::cast), strings());
            case "Long" -> Arbitraries.oneOf(Arbitraries.longs().map(Object.class::cast),
                    Arbitraries.doubles().map(Object.class::cast), strings());
            case "Float" -> Arbitraries.oneOf(Arbitraries.doubles().map(Object.class::cast), strings());
            case "Boolean" -> Arbitraries.oneOf(Arbitraries.of(true, false).map(Object.class::cast), strings());
            case "Date" -> Arbitraries.oneOf(dates(), strings());
            case "DateTime" -> Arbitraries.oneOf(dates().map(d -> d + "T25:61:00Z"), strings());
            case "CountryCode" -> Arbitraries.strings().alpha().ofMaxLength(4).map(Object.class::cast);
            default -> strings();
        };
    }

    /** Strings of any characters, some of them Cypher's and GraphQL's, now and then very long. */
    private static Arbitrary<Object> strings() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.strings().all().ofMaxLength(80)),
                Tuple.of(1, Arbitraries.strings().withChars("{}()'\"\\$/ ;").ofMaxLength(40)),
                Tuple.of(1, Arbitraries.strings().ascii().ofMinLength(2_000).ofMaxLength(20_000)))
            .map(Object.class::cast);
    }

    /** Dates that look like dates, most of them not. */
    private static Arbitrary<Object> dates() {
        return Combinators.combine(Arbitraries.integers().between(-1, 10_000), Arbitraries.integers().between(0, 13),
                Arbitraries.integers().between(0, 32)).as((y, m, d) -> (Object) "%04d-%02d-%02d".formatted(y, m, d));
    }

}
