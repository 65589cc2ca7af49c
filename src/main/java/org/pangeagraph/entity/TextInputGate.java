package org.pangeagraph.entity;

import java.util.List;
import java.util.Map;

import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.PropertySpec;
import org.pangeagraph.model.TextRule;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;

/**
 * Checks every text a mutation is given, before the mutation's own code runs, against the
 * {@link TextRule}: every argument and every field of every input object, at any depth, keys and ids
 * included, whichever mutation it is; a mutation added later is checked without anyone remembering to.
 * Whether a field is free text (tabs and line breaks allowed) comes from the model: the field of an
 * entity's input ({@code AddressInput} is {@link NodeKind#ADDRESS}) whose property is
 * {@link PropertySpec#freeText()}. A refused value is INVALID_INPUT naming its field
 * ({@code input.name}, {@code input.cases[1]}, {@code input.from.key}); nothing is written.
 */
@Component
class TextInputGate extends GraphQLTypeVisitorStub implements GraphQlSourceBuilderCustomizer {

    /** The mutation type's name, as the schema declares it (graphql-schema/common.graphqls). */
    private static final String MUTATION = "Mutation";

    /** The suffix of an entity's input type: {@code WebsiteInput} writes a {@code Website}. */
    private static final String INPUT = "Input";

    @Override
    public void customize(GraphQlSource.SchemaResourceBuilder builder) {
        builder.typeVisitors(List.of(this));
    }

    @Override
    public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field, TraverserContext<GraphQLSchemaElement> context) {
        if (context.getParentNode() instanceof GraphQLObjectType parent && parent.getName().equals(MUTATION)) {
            GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
            FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, field);
            DataFetcher<?> mutation = registry.getDataFetcher(coordinates, field);
            registry.dataFetcher(coordinates, (DataFetcher<?>) env -> {
                for (GraphQLArgument argument : field.getArguments()) {
                    check(argument.getName(), argument.getType(), env.getArgument(argument.getName()), false);
                }
                return mutation.get(env);
            });
        }
        return TraversalControl.CONTINUE;
    }

    /** Checks {@code value}, of {@code type}, at {@code path}; {@code freeText} for the field holding it. */
    static void check(String path, GraphQLType type, Object value, boolean freeText) {
        GraphQLType bare = GraphQLTypeUtil.unwrapNonNull(type);
        if (value instanceof String text) {
            TextRule.check(path, text, freeText);
        }
        else if (value instanceof List<?> items && bare instanceof GraphQLList list) {
            for (int i = 0; i < items.size(); i++) {
                check(path + "[" + i + "]", list.getWrappedType(), items.get(i), freeText);
            }
        }
        else if (value instanceof Map<?, ?> fields && bare instanceof GraphQLInputObjectType object) {
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                check(path + "." + field.getName(), field.getType(), fields.get(field.getName()), freeText(object, field));
            }
        }
    }

    /** Whether the model says this field of an entity's input is free text. */
    static boolean freeText(GraphQLInputObjectType object, GraphQLInputObjectField field) {
        String name = object.getName();
        if (!name.endsWith(INPUT)) {
            return false;
        }
        return NodeKind.ofLabel(name.substring(0, name.length() - INPUT.length()))
            .flatMap(kind -> kind.property(field.getName())).map(PropertySpec::freeText).orElse(false);
    }

}
