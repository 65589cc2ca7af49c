package org.pangeagraph.entity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.execution.ExecutionContext;
import graphql.execution.FieldCollector;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.OperationDefinition;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.db.OperationTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One mutation operation is one write transaction: all of its fields are written, or none. The
 * operation's transaction is put in its GraphQL context before its first field runs, from where every
 * data fetcher and batch loader of the operation joins it (on whichever thread), so that the reads of a
 * payload see what the fields before it wrote. When the operation is done, it commits if the answer has
 * no error; with any error it rolls back, the answer's {@code data} becomes null, and every field of the
 * operation that has no error of its own gets one with code {@code NOT_WRITTEN} naming the field that
 * failed ({@code extensions.failedField}), worded by {@link MutationErrors}. Queries are left alone:
 * they keep their read transactions.
 */
@Component
class MutationTransactions implements Instrumentation {

    private static final Logger log = LoggerFactory.getLogger(MutationTransactions.class);

    /** Where the operation's top-level fields are kept in its GraphQL context. */
    private static final String FIELDS = MutationTransactions.class.getName() + ".fields";

    private final GraphDb db;

    private final MutationErrors errors;

    MutationTransactions(GraphDb db, MutationErrors errors) {
        this.db = db;
        this.errors = errors;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        if (execution.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION) {
            GraphQLContext context = execution.getGraphQLContext();
            context.put(FIELDS, responseKeys(execution));
            context.put(OperationTransaction.CONTEXT_KEY, this.db.operation());
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
            InstrumentationExecutionParameters parameters, InstrumentationState state) {
        GraphQLContext context = parameters.getGraphQLContext();
        OperationTransaction operation = context == null ? null : context.get(OperationTransaction.CONTEXT_KEY);
        if (operation == null) {
            return CompletableFuture.completedFuture(result);
        }
        context.delete(OperationTransaction.CONTEXT_KEY);
        List<String> fields = context.getOrDefault(FIELDS, List.of());
        if (result.getErrors().isEmpty()) {
            try {
                operation.commit();
                return CompletableFuture.completedFuture(result);
            }
            catch (RuntimeException ex) {
                return CompletableFuture.completedFuture(rolledBack(result, fields, this.errors.commitFailed(ex)));
            }
        }
        try {
            operation.rollback();
        }
        catch (RuntimeException ex) {
            log.warn("Rolling back a failed mutation failed; the database discards its transaction", ex);
        }
        return CompletableFuture.completedFuture(rolledBack(result, fields, null));
    }

    /**
     * The answer of an operation that wrote nothing: no data, the errors it had (and {@code failure}, if
     * the commit failed), and one NOT_WRITTEN error for each field without an error of its own.
     */
    private ExecutionResult rolledBack(ExecutionResult result, List<String> fields, GraphQLError failure) {
        List<GraphQLError> errors = new ArrayList<>(result.getErrors());
        if (failure != null) {
            errors.add(failure);
        }
        Set<String> failed = new LinkedHashSet<>();
        for (GraphQLError error : errors) {
            if (error.getPath() != null && !error.getPath().isEmpty()) {
                failed.add(String.valueOf(error.getPath().get(0)));
            }
        }
        String cause = failed.isEmpty() ? null : failed.iterator().next();
        boolean ran = !failed.isEmpty() || failure != null;
        if (ran) {
            for (String field : fields) {
                if (!failed.contains(field)) {
                    errors.add(this.errors.notWritten(field, cause));
                }
            }
        }
        return ExecutionResult.newExecutionResult().data(null).errors(errors).extensions(result.getExtensions()).build();
    }

    /** The response keys of the operation's top-level fields (aliases where given), in order. */
    private static List<String> responseKeys(ExecutionContext execution) {
        FieldCollectorParameters parameters = FieldCollectorParameters.newParameters()
            .schema(execution.getGraphQLSchema())
            .objectType(execution.getGraphQLSchema().getMutationType())
            .fragments(execution.getFragmentsByName())
            .variables(execution.getCoercedVariables().toMap())
            .graphQLContext(execution.getGraphQLContext())
            .build();
        return List.copyOf(new FieldCollector().collectFields(parameters, execution.getOperationDefinition().getSelectionSet())
            .getKeys());
    }

}
