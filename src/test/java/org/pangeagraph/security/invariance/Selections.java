package org.pangeagraph.security.invariance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;

/**
 * Selection sets made from the schema: every field of a type that needs no argument, scalars always,
 * objects down to a depth. Relay wrappers (connections, edges, page info) do not count as a level; an
 * interface gets its own fields, {@code __typename} and, for each type implementing it, that type's
 * scalar fields. Each type and depth becomes a named fragment, so that a document asking for thirty
 * calls stays short.
 */
final class Selections {

    /** How many object levels below a query field are selected. */
    static final int DEPTH = 4;

    private final GraphQLSchema schema;

    /** Arguments for nested fields, by {@code Type.field}: what a call asks of a field inside its answer. */
    private final Map<String, String> nestedArguments;

    Selections(GraphQLSchema schema, Map<String, String> nestedArguments) {
        this.schema = schema;
        this.nestedArguments = nestedArguments;
    }

    /** The selection of a field of this type, and the fragments it spreads (added to {@code fragments}). */
    String of(GraphQLType type, Map<String, String> fragments) {
        GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
        if (GraphQLTypeUtil.isLeaf(named)) {
            return "";
        }
        String name = fragment((GraphQLNamedType) named, DEPTH, fragments);
        return name == null ? null : "{ ..." + name + " }";
    }

    /** The name of the fragment selecting {@code type} to {@code depth}, made if new; null if it selects nothing. */
    private String fragment(GraphQLNamedType type, int depth, Map<String, String> fragments) {
        String name = "f_" + type.getName() + "_" + depth + (this.nestedArguments.isEmpty() ? "" : "_" + suffix());
        if (fragments.containsKey(name)) {
            return fragments.get(name).isEmpty() ? null : name;
        }
        fragments.put(name, "");
        List<String> fields = new ArrayList<>();
        if (type instanceof GraphQLInterfaceType contract) {
            fields.add("__typename");
            fields.addAll(fields(contract, depth, fragments, true));
            // One response name, one type: a field of an implementation whose name another selects with
            // another type (an agency's kind and an account's kind) is left to the lookups of its type.
            Map<String, String> taken = new LinkedHashMap<>();
            contract.getFieldDefinitions().forEach(f -> taken.put(f.getName(), f.getType().toString()));
            for (GraphQLObjectType implementation : this.schema.getImplementations(contract)) {
                List<String> own = new ArrayList<>();
                for (GraphQLFieldDefinition field : implementation.getFieldDefinitions()) {
                    String shape = field.getType().toString();
                    if (GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(field.getType())) && field.getArguments().isEmpty()
                            && shape.equals(taken.computeIfAbsent(field.getName(), n -> shape))
                            && contract.getFieldDefinition(field.getName()) == null) {
                        own.add(field.getName());
                    }
                }
                if (!own.isEmpty()) {
                    fields.add("... on " + implementation.getName() + " { " + String.join(" ", own) + " }");
                }
            }
        }
        else if (type instanceof GraphQLFieldsContainer container) {
            fields.addAll(fields(container, depth, fragments, false));
        }
        else if (type instanceof GraphQLUnionType) {
            throw new IllegalStateException("The property test does not know how to select the union " + type.getName());
        }
        if (fields.isEmpty()) {
            return null;
        }
        fragments.put(name, "fragment " + name + " on " + type.getName() + " { " + String.join(" ", fields) + " }");
        return name;
    }

    private List<String> fields(GraphQLFieldsContainer container, int depth, Map<String, String> fragments,
            boolean leavesOnly) {
        List<String> fields = new ArrayList<>();
        for (GraphQLFieldDefinition field : container.getFieldDefinitions()) {
            String arguments = this.nestedArguments.getOrDefault(container.getName() + "." + field.getName(), "");
            if (arguments.isEmpty() && field.getArguments().stream().anyMatch(Selections::required)) {
                throw new IllegalStateException("The property test does not know how to ask for " + container.getName() + "."
                        + field.getName() + ", which takes a required argument: give it arguments in SchemaCalls");
            }
            GraphQLType type = GraphQLTypeUtil.unwrapAll(field.getType());
            if (GraphQLTypeUtil.isLeaf(type)) {
                fields.add(field.getName() + arguments);
                continue;
            }
            boolean wrapper = wrapper(type.toString());
            int below = wrapper ? depth : depth - 1;
            if (leavesOnly || below <= 0) {
                continue;
            }
            String fragment = fragment((GraphQLNamedType) type, below, fragments);
            if (fragment != null) {
                fields.add(field.getName() + arguments + " { ..." + fragment + " }");
            }
        }
        return fields;
    }

    /** Relay's wrappers hold one list of items each and are no level of their own. */
    private static boolean wrapper(String typeName) {
        return typeName.endsWith("Connection") || typeName.endsWith("Edge") || typeName.equals("PageInfo");
    }

    private static boolean required(GraphQLArgument argument) {
        return GraphQLTypeUtil.isNonNull(argument.getType()) && !argument.hasSetDefaultValue();
    }

    /** A fragment-name suffix telling apart selections with nested arguments. */
    private String suffix() {
        return Integer.toHexString(new LinkedHashMap<>(this.nestedArguments).toString().hashCode());
    }

}
