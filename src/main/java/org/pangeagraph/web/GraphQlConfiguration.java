package org.pangeagraph.web;

import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLObjectType;
import org.pangeagraph.entity.Node;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.graphql.server.webmvc.GraphQlSseHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GraphQL engine around the schema files: scalars and how an {@code Entity} finds its concrete
 * type, and the HTTP handlers. Documents are parsed, checked and cached by the limits package's
 * document gate.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer scalarsAndTypes() {
        return wiring -> wiring
            .scalar(DateScalar.INSTANCE)
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

    /**
     * In place of Boot's handler: answers are written in the request's own dispatch, and request bodies
     * are read strictly (GraphQlRequestReader).
     */
    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler, JsonMapper jsonMapper) {
        return new SameDispatchGraphQlHttpHandler(webGraphQlHandler, new GraphQlRequestReader(jsonMapper));
    }

    /** In place of Boot's handler of subscriptions over server-sent events: the headers go out at once. */
    @Bean
    GraphQlSseHandler graphQlSseHandler(WebGraphQlHandler webGraphQlHandler, GraphQlProperties properties) {
        return new OpenAtOnceGraphQlSseHandler(webGraphQlHandler, properties.getHttp().getSse().getTimeout(),
                properties.getHttp().getSse().getKeepAlive());
    }

}
