package org.pangeagraph.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.execution.ValuesResolver;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLTypeUtil;
import org.springframework.stereotype.Component;

/**
 * An argument sent as {@code null} that has a default in the schema ({@code first: Int = 20}) takes its
 * default, as if it had been left out: clients send {@code null} for a variable nobody set, and
 * {@code search(text: "carla", first: $n)} with {@code n} null is a search for the first 20, not an error.
 * For every field, at every depth; a field without such arguments runs as it is.
 */
@Component
class ArgumentDefaults implements Instrumentation {

    /** Per field: its nullable arguments with a default, or none. */
    private final Map<GraphQLFieldDefinition, List<GraphQLArgument>> defaulted = new ConcurrentHashMap<>();

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        List<GraphQLArgument> arguments = this.defaulted.computeIfAbsent(parameters.getField(), ArgumentDefaults::defaulted);
        if (arguments.isEmpty()) {
            return dataFetcher;
        }
        return env -> dataFetcher.get(withDefaults(env, arguments));
    }

    private static List<GraphQLArgument> defaulted(GraphQLFieldDefinition field) {
        return field.getArguments().stream()
            .filter(a -> a.hasSetDefaultValue() && a.getArgumentDefaultValue().getValue() != null && GraphQLTypeUtil.isNullable(a.getType()))
            .toList();
    }

    private static DataFetchingEnvironment withDefaults(DataFetchingEnvironment env, List<GraphQLArgument> arguments) {
        Map<String, Object> values = null;
        for (GraphQLArgument argument : arguments) {
            if (env.containsArgument(argument.getName()) && env.getArgument(argument.getName()) == null) {
                if (values == null) {
                    values = new LinkedHashMap<>(env.getArguments());
                }
                values.put(argument.getName(), ValuesResolver.valueToInternalValue(argument.getArgumentDefaultValue(),
                        argument.getType(), env.getGraphQlContext(), env.getLocale()));
            }
        }
        if (values == null) {
            return env;
        }
        Map<String, Object> given = values;
        return DataFetchingEnvironmentImpl.newDataFetchingEnvironment(env).arguments(() -> given).build();
    }

}
