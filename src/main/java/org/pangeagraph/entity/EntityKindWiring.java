package org.pangeagraph.entity;

import java.util.List;
import java.util.Map;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import graphql.TrivialDataFetcher;
import graphql.schema.idl.RuntimeWiring;
import org.pangeagraph.model.Caller;
import org.pangeagraph.model.NodeKind;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * Wires the fields every kind of entity has, for every {@link NodeKind}, from the model: the lookup by
 * key ({@code website(domain:)}, {@code company(name:, country:)}, {@code person(id:)}), the list with
 * its filter, a page at a time ({@code websites}), the upsert ({@code upsertWebsite}) and the entity
 * field of its payload ({@code WebsitePayload.website}). Field and argument names come from the kind;
 * the fetchers are made once, at start-up, and do per request only what the kind's query needs.
 */
@Component
class EntityKindWiring implements RuntimeWiringConfigurer {

    /** The query type's name, as the schema declares it (graphql-schema/common.graphqls). */
    static final String QUERY = "Query";

    /** The mutation type's name, as the schema declares it. */
    static final String MUTATION = "Mutation";

    /** The page size of a list when the caller gives none, or gives null (as the schema's default). */
    static final int DEFAULT_PAGE = 20;

    /** Where a connection's entities are in its selection. */
    static final String EDGE_NODE = "edges/node";

    private final EntityReader reader;

    private final EntityWriter writer;

    private final RelationFieldWiring relations;

    EntityKindWiring(EntityReader reader, EntityWriter writer, RelationFieldWiring relations) {
        this.reader = reader;
        this.writer = writer;
        this.relations = relations;
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        for (NodeKind kind : NodeKind.values()) {
            wiring.type(QUERY, type -> type.dataFetcher(kind.fieldName(), lookup(kind))
                .dataFetcher(kind.pluralFieldName(), list(kind)));
            wiring.type(MUTATION, type -> type.dataFetcher(kind.upsertFieldName(), upsert(kind)));
            TrivialDataFetcher<Node> written = env -> env.<EntityWriter.Upserted>getSource().node();
            wiring.type(payloadType(kind), type -> type.dataFetcher(kind.fieldName(), written));
        }
    }

    /** The GraphQL type of what a kind's upsert answers: {@code WebsitePayload}. */
    static String payloadType(NodeKind kind) {
        return kind.label() + "Payload";
    }

    /**
     * One entity by its key, or by its id for a kind without a key; null when there is none the caller may
     * see. With the relationship fields selected under it, when they compile ({@link QueryTree}).
     */
    private DataFetcher<Node> lookup(NodeKind kind) {
        if (!kind.hasKey()) {
            String id = kind.lookupArguments().get(0);
            return env -> {
                QueryTree tree = tree(env.getSelectionSet().getImmediateFields());
                if (tree != null) {
                    return this.reader.byId(kind, env.getArgument(id), tree, caller(env).visibility());
                }
                Node node = this.reader.byId(env.getArgument(id), caller(env).visibility());
                return node != null && node.kind() == kind ? node : null;
            };
        }
        List<String> arguments = kind.lookupArguments();
        String key = arguments.get(0);
        String country = arguments.size() > 1 ? arguments.get(1) : null;
        return env -> this.reader.byKey(kind, key, env.getArgument(key), country == null ? null : env.getArgument(country),
                tree(env.getSelectionSet().getImmediateFields()), caller(env).visibility());
    }

    /** A page of the entities of the kind that pass the filter, with the relationship fields selected under each. */
    private DataFetcher<EntityConnection> list(NodeKind kind) {
        return env -> {
            Integer first = env.getArgument("first");
            Map<String, Object> filter = env.getArgument("filter");
            List<SelectedField> selected = env.getSelectionSet().getFields(EDGE_NODE + "/*");
            return this.reader.list(kind, filter, first == null ? DEFAULT_PAGE : first, env.getArgument("after"),
                    tree(selected), caller(env).visibility());
        };
    }

    /** The tree of relationship fields among {@code selected}, or null when it does not compile. */
    private QueryTree tree(List<SelectedField> selected) {
        return QueryTree.of(selected, this.relations::field).orElse(null);
    }

    /** Writes the entity the input describes; answers whether it was new, and the entity as it now is. */
    private DataFetcher<EntityWriter.Upserted> upsert(NodeKind kind) {
        return env -> this.writer.upsert(kind, env.getArgument("input"), caller(env));
    }

    private static Caller caller(DataFetchingEnvironment env) {
        Caller caller = env.getGraphQlContext().get(Caller.CONTEXT_KEY);
        if (caller == null) {
            throw new IllegalStateException("No caller in the GraphQL context");
        }
        return caller;
    }

}
