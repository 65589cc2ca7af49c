package org.pangeagraph.entity;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.dataloader.DataLoader;
import org.pangeagraph.model.Caller;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Resolves every relationship field of the schema (each field marked {@code @follows}, see
 * {@link RelationField}) through one batch loader: however many websites a page holds, their
 * {@code ipAddresses} cost one statement, and each field of each nesting level one. It is the
 * programmatic form of one {@code @BatchMapping} per field, written once for every field of the model.
 * The fields are found in the schema once, when it is built.
 */
@Component
class RelationFieldWiring extends GraphQLTypeVisitorStub implements GraphQlSourceBuilderCustomizer {

    /** The name the batch loader of relationship fields is registered under. */
    static final String LOADER = "relations";

    /** A field's links when the caller gives no {@code first}, or null (as the schema's default). */
    static final int DEFAULT_LINKS = 100;

    private final EntityReader reader;

    /** Every relationship field of the schema, by its coordinates ({@code Website.ipAddresses}), once the schema is built. */
    private final Map<String, RelationField> fields = new java.util.concurrent.ConcurrentHashMap<>();

    RelationFieldWiring(EntityReader reader, BatchLoaderRegistry registry) {
        this.reader = reader;
        registry.<Key, List<Linked>>forName(LOADER)
            .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> load(keys,
                    ((GraphQLContext) env.getContext()).get(Caller.CONTEXT_KEY))));
    }

    /** A parent entity, the field asked for and the arguments it was asked with. */
    record Key(RelationField field, String id, LocalDate asOf, int first) {
    }

    @Override
    public void customize(GraphQlSource.SchemaResourceBuilder builder) {
        builder.typeVisitors(List.of(this));
    }

    @Override
    public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition definition,
            TraverserContext<GraphQLSchemaElement> context) {
        if (context.getParentNode() instanceof GraphQLObjectType owner) {
            RelationField.of(owner, definition).ifPresent(field -> {
                this.fields.put(field.coordinates(), field);
                GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
                registry.dataFetcher(FieldCoordinates.coordinates(owner, definition), fetcher(field));
            });
        }
        return TraversalControl.CONTINUE;
    }

    /** The relationship field {@code field} of the GraphQL type {@code type}, if it is one. */
    Optional<RelationField> field(String type, String field) {
        return Optional.ofNullable(this.fields.get(type + "." + field));
    }

    /**
     * The links the statement of the parent's query tree read with the parent ({@link QueryTree}), when it
     * read this field with these arguments; else a load of the batch loader.
     */
    private static DataFetcher<Object> fetcher(RelationField field) {
        return env -> {
            Node parent = env.getSource();
            Integer given = env.getArgument("first");
            int first = given == null ? DEFAULT_LINKS : given;
            LocalDate asOf = env.getArgument("asOf");
            QueryTree.Read read = parent.read(env.getField().getResultKey());
            if (read != null && read.answers(field, asOf, first)) {
                return read.linked();
            }
            DataLoader<Key, List<Linked>> loader = env.getDataLoader(LOADER);
            return loader.load(new Key(field, parent.id(), asOf, first));
        };
    }

    /** One statement for each field and set of arguments among the keys, for all their parents. */
    private Map<Key, List<Linked>> load(Set<Key> keys, Caller caller) {
        Map<Key, List<Linked>> result = new HashMap<>();
        Map<List<Object>, List<Key>> byFieldAndArguments = keys.stream()
            .collect(Collectors.groupingBy(k -> java.util.Arrays.asList(k.field(), k.asOf(), k.first())));
        for (List<Key> group : byFieldAndArguments.values()) {
            Key sample = group.get(0);
            Set<String> ids = group.stream().map(Key::id).collect(Collectors.toSet());
            Map<String, List<Linked>> found = this.reader.relations(sample.field(), ids, sample.asOf(), sample.first(),
                    caller.visibility());
            group.forEach(k -> result.put(k, found.getOrDefault(k.id(), List.of())));
        }
        return result;
    }

}
