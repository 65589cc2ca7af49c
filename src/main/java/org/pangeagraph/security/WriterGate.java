package org.pangeagraph.security;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.pangeagraph.model.Caller;
import org.pangeagraph.model.ForbiddenException;

/**
 * Puts a check in front of every field of the Mutation type, once, when the schema is built: a caller
 * who may not write (a VIEWER) is refused with FORBIDDEN before the mutation's own code runs, so a
 * mutation added later is guarded without anyone remembering to.
 */
final class WriterGate extends GraphQLTypeVisitorStub {

    /** The mutation type's name, as the schema declares it (graphql-schema/common.graphqls). */
    private static final String MUTATION = "Mutation";

    @Override
    public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
        if (context.getParentNode() instanceof GraphQLObjectType parent && parent.getName().equals(MUTATION)) {
            GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
            FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
            DataFetcher<?> mutation = registry.getDataFetcher(coordinates, field);
            registry.dataFetcher(coordinates, (DataFetcher<?>) env -> {
                Caller caller = env.getGraphQlContext().get(Caller.CONTEXT_KEY);
                if (caller == null || !caller.mayWrite()) {
                    throw new ForbiddenException(null, "You may read the graph but not change it");
                }
                return mutation.get(env);
            });
        }
        return TraversalControl.CONTINUE;
    }

}
