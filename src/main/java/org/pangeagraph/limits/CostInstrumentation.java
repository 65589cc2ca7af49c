package org.pangeagraph.limits;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.GoodFaithIntrospection.BadFaithIntrospectionError;
import graphql.introspection.IntrospectionDisabledError;
import org.pangeagraph.web.ErrorCode;
import org.pangeagraph.web.ErrorResponses;

/**
 * Refuses an operation that costs more than {@code pangea.limits.complexity}, with the variables it
 * was sent with, before anything runs; and gives graphql-java's own refusals of introspection codes:
 * abusive introspection (a type's fields asked for again and again) that of every other limit,
 * introspection where it is turned off (the production profile) FORBIDDEN.
 */
class CostInstrumentation implements Instrumentation {

    private final LimitsProperties limits;

    CostInstrumentation(LimitsProperties limits) {
        this.limits = limits;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        long cost = QueryCost.of(execution.getGraphQLSchema(), execution.getOperationDefinition(), execution.getFragmentsByName(),
                execution.getCoercedVariables().toMap(), this.limits.fieldCosts());
        if (cost > this.limits.complexity()) {
            throw new AbortExecutionException(List.of(
                    LimitErrors.exceeded("complexity", "The cost of the query", cost, this.limits.complexity())));
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        if (result.getErrors().stream()
            .noneMatch(e -> e instanceof BadFaithIntrospectionError || e instanceof IntrospectionDisabledError)) {
            return CompletableFuture.completedFuture(result);
        }
        List<GraphQLError> errors = result.getErrors().stream().map(CostInstrumentation::coded).toList();
        return CompletableFuture.completedFuture(result.transform(builder -> builder.errors(errors)));
    }

    private static GraphQLError coded(GraphQLError error) {
        if (error instanceof BadFaithIntrospectionError) {
            return LimitErrors.exceeded("introspection", error.getMessage());
        }
        if (error instanceof IntrospectionDisabledError) {
            return ErrorResponses.graphQlError(ErrorCode.FORBIDDEN, "The schema is not shown here: introspection is turned off",
                    Map.of());
        }
        return error;
    }

}
