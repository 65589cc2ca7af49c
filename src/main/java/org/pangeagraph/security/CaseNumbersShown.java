package org.pangeagraph.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.pangeagraph.model.Caller;
import org.pangeagraph.model.Visibility;

/**
 * Cuts the case numbers a caller reads to their own cases, once for the whole schema: the
 * {@code cases} field of every entity and link, and the {@code cases} inside the {@code properties}
 * of subgraph nodes and edges. A fact of cases A and B is visible to a member of A, who should not
 * learn from it that case B exists and looks at the same account.
 */
final class CaseNumbersShown extends GraphQLTypeVisitorStub {

    /** The types whose {@code properties} field holds stored properties, cases among them. */
    private static final Set<String> PROPERTY_MAPS = Set.of("GraphNode", "GraphEdge");

    @Override
    public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
        if (context.getParentNode() instanceof GraphQLObjectType parent && (caseNumbers(field)
                || (field.getName().equals("properties") && PROPERTY_MAPS.contains(parent.getName())))) {
            GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
            FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
            DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
            registry.dataFetcher(coordinates, (DataFetcher<?>) env -> shown(fetcher.get(env), env));
        }
        return TraversalControl.CONTINUE;
    }

    /** A {@code cases} field of case numbers, not the query {@code cases} that lists Case entities. */
    private static boolean caseNumbers(GraphQLFieldDefinition field) {
        return field.getName().equals("cases") && GraphQLTypeUtil.unwrapAll(field.getType()).getName().equals("String");
    }

    @SuppressWarnings("unchecked")
    private static Object shown(Object value, DataFetchingEnvironment env) {
        if (value instanceof CompletionStage<?> later) {
            return later.thenApply(v -> shown(v, env));
        }
        Caller caller = env.getGraphQlContext().get(Caller.CONTEXT_KEY);
        Visibility visibility = caller == null ? Visibility.ofCases(List.of()) : caller.visibility();
        if (value instanceof List<?> cases) {
            return visibility.casesShown(cases);
        }
        if (value instanceof Map<?, ?> properties) {
            return visibility.shown((Map<String, Object>) properties);
        }
        return value;
    }

}
