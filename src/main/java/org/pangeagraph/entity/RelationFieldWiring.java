package org.pangeagraph.entity;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.GraphQLContext;
import graphql.schema.DataFetcher;
import org.dataloader.DataLoader;
import org.pangeagraph.model.Caller;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import graphql.schema.idl.RuntimeWiring;

/**
 * Resolves every relationship field of {@link RelationField#ALL} through a batch loader: however
 * many websites a page holds, their {@code ipAddresses} cost one statement. It is the programmatic
 * form of one {@code @BatchMapping} per field, written once for the sixty-odd fields of the model.
 */
@Component
class RelationFieldWiring implements RuntimeWiringConfigurer {

    private final EntityReader reader;

    RelationFieldWiring(EntityReader reader, BatchLoaderRegistry registry) {
        this.reader = reader;
        for (RelationField field : RelationField.ALL) {
            registry.<Key, List<Linked>>forName(field.loaderName())
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> load(field, keys,
                        ((GraphQLContext) env.getContext()).get(Caller.CONTEXT_KEY))));
        }
    }

    /** A parent entity and the arguments the field was asked with. */
    record Key(String id, LocalDate asOf, int first) {
    }

    @Override
    public void configure(RuntimeWiring.Builder wiring) {
        for (RelationField field : RelationField.ALL) {
            DataFetcher<Object> fetcher = env -> {
                Node parent = env.getSource();
                DataLoader<Key, List<Linked>> loader = env.getDataLoader(field.loaderName());
                Integer first = env.getArgument("first");
                return loader.load(new Key(parent.id(), env.getArgument("asOf"), first == null ? 100 : first));
            };
            wiring.type(field.owner().label(), type -> type.dataFetcher(field.field(), fetcher));
        }
    }

    private Map<Key, List<Linked>> load(RelationField field, Set<Key> keys, Caller caller) {
        Map<Key, List<Linked>> result = new HashMap<>();
        Map<List<Object>, List<Key>> byArguments = keys.stream()
            .collect(Collectors.groupingBy(k -> java.util.Arrays.asList(k.asOf(), k.first())));
        for (List<Key> group : byArguments.values()) {
            Key sample = group.get(0);
            Set<String> ids = group.stream().map(Key::id).collect(Collectors.toSet());
            Map<String, List<Linked>> found = this.reader.relations(field, ids, sample.asOf(), sample.first(),
                    caller.visibility());
            group.forEach(k -> result.put(k, found.getOrDefault(k.id(), List.of())));
        }
        return result;
    }

}
