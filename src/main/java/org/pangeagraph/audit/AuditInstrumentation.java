package org.pangeagraph.audit;

import java.util.List;

import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.ExecutionResult;

/**
 * Feeds the operation's {@link Disclosure}: which operation runs, every value a field resolves to, the
 * arguments of mutations, each event of a subscription. Refuses, before anything runs, an operation that
 * needs a justification and has none.
 */
class AuditInstrumentation implements Instrumentation {

    private final JustificationPolicy policy;

    AuditInstrumentation(JustificationPolicy policy) {
        this.policy = policy;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        Disclosure disclosure = execution.getGraphQLContext().get(Disclosure.CONTEXT_KEY);
        if (disclosure != null) {
            OperationDefinition operation = execution.getOperationDefinition();
            String type = operation.getOperation().name();
            disclosure.operation(type, operation.getName());
            if (disclosure.justification() == null && this.policy.requiredBefore(type) && !introspectionOnly(operation)) {
                throw new AbortExecutionException(List.of(AuditTrail.justificationRequired("This " + type.toLowerCase())));
            }
        }
        return SimpleInstrumentationContext.noOp();
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
            InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        Disclosure disclosure = execution.getGraphQLContext().get(Disclosure.CONTEXT_KEY);
        if (disclosure != null) {
            disclosure.resolved(parameters.getFetchedObject());
            boolean root = parameters.getExecutionStepInfo().getPath().getLevel() == 1;
            if (root && execution.getOperationDefinition().getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
                // The subscription's field completes once for each event it pushes, with that event.
                disclosure.event(parameters.getFetchedObject());
            }
            if (execution.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION && root) {
                disclosure.mutated(parameters.getExecutionStepInfo().getArguments());
                disclosure.changed(parameters.getFetchedObject());
            }
        }
        return SimpleInstrumentationContext.noOp();
    }

    /** Whether the operation only asks for the schema (GraphiQL asks for it before anything else). */
    static boolean introspectionOnly(OperationDefinition operation) {
        List<Selection> selections = operation.getSelectionSet().getSelections();
        return !selections.isEmpty() && selections.stream()
            .allMatch(s -> s instanceof Field field && field.getName().startsWith("__"));
    }

}
