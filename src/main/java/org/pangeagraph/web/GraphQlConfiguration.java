package org.pangeagraph.web;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLObjectType;
import org.pangeagraph.entity.Node;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The GraphQL engine around the schema files: scalars, how an {@code Entity} finds its concrete
 * type, and a cache of parsed and validated documents, so that a query sent again is neither parsed
 * nor validated again.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer scalarsAndTypes() {
        return wiring -> wiring
            .scalar(ExtendedScalars.Date)
            .scalar(ExtendedScalars.DateTime)
            .scalar(ExtendedScalars.Json)
            .scalar(ExtendedScalars.GraphQLLong)
            .scalar(ExtendedScalars.NonNegativeInt)
            .scalar(CountryCodeScalar.INSTANCE)
            .type("Entity", type -> type.typeResolver(env -> {
                Object source = env.getObject();
                return source instanceof Node node ? (GraphQLObjectType) env.getSchema().getType(node.kind().label()) : null;
            }));
    }

    @Bean
    GraphQlSourceBuilderCustomizer documentCache() {
        Cache<String, PreparsedDocumentEntry> cache = Caffeine.newBuilder().maximumSize(2_000)
            .expireAfterAccess(Duration.ofHours(1)).build();
        PreparsedDocumentProvider provider = new PreparsedDocumentProvider() {
            @Override
            public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                    Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
                return CompletableFuture.completedFuture(cache.get(input.getQuery(), q -> parseAndValidate.apply(input)));
            }
        };
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
    }

}
