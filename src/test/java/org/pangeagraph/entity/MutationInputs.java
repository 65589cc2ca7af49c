package org.pangeagraph.entity;

import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.support.TestGraph;

/**
 * What the input tests need to know of every mutation, read from the schema where it can be: a valid
 * input for each upsert (its natural key), the input type, the payload field holding the entity
 * written; and the graph as it stands apart from one entity, to check a write touched nothing else.
 */
final class MutationInputs {

    /** A valid input of every upsert: the entity's natural key, and what else a key needs. */
    static final Map<String, Map<String, Object>> KEYS = Map.ofEntries(
            Map.entry("upsertWebsite", Map.of("domain", "input-test.example")),
            Map.entry("upsertIpAddress", Map.of("address", "192.0.2.99")),
            Map.entry("upsertHostingProvider", Map.of("name", "Input Test Hosting")),
            Map.entry("upsertRegistrar", Map.of("name", "Input Test Registrar")),
            Map.entry("upsertNameServer", Map.of("hostName", "ns1.input-test.example")),
            Map.entry("upsertEmailAddress", Map.of("address", "input@test.example")),
            Map.entry("upsertPhoneNumber", Map.of("number", "+442079460999")),
            Map.entry("upsertAddress", Map.of("text", "1 Input Test Road")),
            Map.entry("upsertPaymentAccount", Map.of("identifier", "input-test-wallet", "kind", "E_WALLET")),
            Map.entry("upsertShipment", Map.of("trackingNumber", "RR999999999GB")),
            Map.entry("upsertCourier", Map.of("name", "Input Test Courier")),
            Map.entry("upsertProduct", Map.of("name", "Input Test Product")),
            Map.entry("upsertPerson", Map.of("id", "person-input-test")),
            Map.entry("upsertCompany", Map.of("name", "Input Test Ltd", "country", "CY")),
            Map.entry("upsertOperation", Map.of("code", "INPUT-TEST")),
            Map.entry("upsertAgency", Map.of("name", "Input Test Agency")),
            Map.entry("upsertCountry", Map.of("code", "NL")),
            Map.entry("upsertCase", Map.of("number", "CASE-INPUT-TEST")),
            Map.entry("upsertSource", Map.of("key", "input-test-source")));

    /** The mutations that are not upserts, each with its one argument. */
    static final Set<String> OTHERS = Set.of("link", "unlink", "deleteEntity", "judgeCandidate", "retractJudgement", "createWatch",
            "deleteWatch", "updateAlert");

    private MutationInputs() {
    }

    /** An operation of one field, each argument a variable of the argument's own type, asking for little. */
    static String document(String operation, GraphQLFieldDefinition field) {
        List<graphql.schema.GraphQLArgument> arguments = field.getArguments();
        String declared = arguments.stream().map(a -> "$" + a.getName() + ": " + GraphQLTypeUtil.simplePrint(a.getType()))
            .collect(java.util.stream.Collectors.joining(", "));
        String passed = arguments.stream().map(a -> a.getName() + ": $" + a.getName())
            .collect(java.util.stream.Collectors.joining(", "));
        String selection = GraphQLTypeUtil.unwrapAll(field.getType()) instanceof graphql.schema.GraphQLCompositeType ? " { __typename }"
                : "";
        return operation + (declared.isEmpty() ? "" : " (" + declared + ")") + " { " + field.getName()
                + (passed.isEmpty() ? "" : "(" + passed + ")") + selection + " }";
    }

    static List<GraphQLFieldDefinition> mutations(GraphQLSchema schema) {
        return schema.getMutationType().getFieldDefinitions();
    }

    static GraphQLInputObjectType inputType(GraphQLFieldDefinition mutation) {
        return (GraphQLInputObjectType) GraphQLTypeUtil.unwrapAll(mutation.getArgument("input").getType());
    }

    /** The field of an upsert's payload that holds the entity written, e.g. {@code website}. */
    static String entityField(GraphQLFieldDefinition upsert) {
        GraphQLObjectType payload = (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(upsert.getType());
        return payload.getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).filter(name -> !name.equals("created"))
            .findFirst().orElseThrow();
    }

    /** The name of the entity type an upsert writes, e.g. {@code Website}. */
    static String entityType(GraphQLFieldDefinition upsert) {
        GraphQLObjectType payload = (GraphQLObjectType) GraphQLTypeUtil.unwrapAll(upsert.getType());
        return ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(payload.getFieldDefinition(entityField(upsert)).getType())).getName();
    }

    /** The graph as a test compares it: every node by id (with all properties and labels) and every link. */
    record GraphState(Map<String, String> nodes, List<String> links) {

        /** The graph as it stands. */
        static GraphState of(GraphDb graph) {
            Map<String, String> nodes = new java.util.TreeMap<>();
            graph.query("MATCH (n) WHERE NOT (" + TestGraph.BOOKKEEPING + ") RETURN coalesce(n.id, elementId(n)) AS id, "
                    + "n {.*, labels: labels(n)} AS node", Map.of(), r -> r)
                .forEach(r -> nodes.put(r.get("id").asString(), new java.util.TreeMap<>(r.get("node").asMap()).toString()));
            List<String> links = graph.query("MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS a, b.id AS b, r {.*} AS r "
                    + "ORDER BY t, a, b, r.id", Map.of(), r -> r).stream()
                .map(r -> r.get("t").asString() + r.get("a") + r.get("b") + new java.util.TreeMap<>(r.get("r").asMap())).toList();
            return new GraphState(nodes, links);
        }

        /** The same without one entity, which a write was allowed to change. */
        GraphState without(String id) {
            Map<String, String> others = new java.util.TreeMap<>(this.nodes);
            others.remove(id);
            return new GraphState(others, this.links);
        }

    }

}
