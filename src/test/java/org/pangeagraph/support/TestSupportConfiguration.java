package org.pangeagraph.support;

import org.pangeagraph.db.GraphDb;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The beans integration tests share: the graph fixture and the GraphQL client. */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

    @Bean
    TestGraph testGraph(GraphDb db) {
        return new TestGraph(db);
    }

    @Bean
    GraphQlClient graphQlClient(Environment environment) {
        return new GraphQlClient(environment);
    }

}
