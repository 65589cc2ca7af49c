package org.pangeagraph.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import graphql.GraphQLContext;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Finds the input field whose value graphql-java could not coerce. graphql-java names only the
 * variable ("Variable 'input' has an invalid value: ..."), which tells a client nothing about which
 * of a dozen fields to correct; this walks the variable's value along its declared type, as
 * graphql-java's coercion does, to the first value a scalar or enum refuses, e.g. {@code input.pillCount}.
 */
final class InvalidVariableValue {

    private InvalidVariableValue() {
    }

    /** The path of the refused value inside {@code variable} of {@code operation}, if it can be found. */
    static Optional<String> locate(GraphQLSchema schema, OperationDefinition operation, String variable, Map<String, Object> variables) {
        return definitions(operation)
            .filter(definition -> definition.getName().equals(variable))
            .findFirst()
            .map(definition -> refused(variable, inputType(schema, definition.getType()), variables.get(variable)));
    }

    /**
     * The path of the first refused value in any variable, in the order the operation declares them: for
     * the errors of graphql-java that name no variable ("The variables input contains a field name ...").
     */
    static Optional<String> locateAny(GraphQLSchema schema, OperationDefinition operation, Map<String, Object> variables) {
        return definitions(operation)
            .map(definition -> refused(definition.getName(), inputType(schema, definition.getType()),
                    variables.get(definition.getName())))
            .filter(Objects::nonNull)
            .findFirst();
    }

    /** The variables the operation declares; none when the document did not parse ({@link RequestedOperation}). */
    private static Stream<VariableDefinition> definitions(OperationDefinition operation) {
        return operation == null ? Stream.empty() : operation.getVariableDefinitions().stream();
    }

    /** The path of the first value under {@code path} that {@code type} refuses, or null if none is. */
    private static String refused(String path, GraphQLType type, Object value) {
        if (type instanceof GraphQLNonNull nonNull) {
            return value == null ? path : refused(path, nonNull.getWrappedType(), value);
        }
        if (value == null || type == null) {
            return null;
        }
        if (type instanceof GraphQLList list) {
            List<?> items = value instanceof List<?> l ? l : List.of(value);
            for (int i = 0; i < items.size(); i++) {
                String found = refused(path + "[" + i + "]", list.getWrappedType(), items.get(i));
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (type instanceof GraphQLInputObjectType object) {
            return refusedField(path, object, value);
        }
        try {
            if (type instanceof GraphQLScalarType scalar) {
                scalar.getCoercing().parseValue(value, GraphQLContext.getDefault(), Locale.getDefault());
            }
            else if (type instanceof GraphQLEnumType enumType) {
                enumType.parseValue(value, GraphQLContext.getDefault(), Locale.getDefault());
            }
            return null;
        }
        catch (CoercingParseValueException ex) {
            return path;
        }
    }

    private static String refusedField(String path, GraphQLInputObjectType object, Object value) {
        if (!(value instanceof Map<?, ?> fields)) {
            return path;
        }
        for (Map.Entry<?, ?> entry : fields.entrySet()) {
            GraphQLInputObjectField field = object.getField(String.valueOf(entry.getKey()));
            String fieldPath = path + "." + entry.getKey();
            String found = field == null ? fieldPath : refused(fieldPath, field.getType(), entry.getValue());
            if (found != null) {
                return found;
            }
        }
        return object.getFieldDefinitions().stream()
            .filter(f -> !fields.containsKey(f.getName()) && GraphQLTypeUtil.isNonNull(f.getType()) && !f.hasSetDefaultValue())
            .map(f -> path + "." + f.getName()).findFirst().orElse(null);
    }

    private static GraphQLInputType inputType(GraphQLSchema schema, Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            GraphQLInputType inner = inputType(schema, nonNull.getType());
            return inner == null ? null : GraphQLNonNull.nonNull(inner);
        }
        if (type instanceof ListType list) {
            GraphQLInputType inner = inputType(schema, list.getType());
            return inner == null ? null : GraphQLList.list(inner);
        }
        return schema.getType(((TypeName) type).getName()) instanceof GraphQLInputType input ? input : null;
    }

}
