package org.pangeagraph.db;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the embedded database in the background the moment the application's configuration is
 * final (every initializer has run, the context is not refreshed yet), and registers it as the
 * {@code embeddedNeo4j} bean, closed with the context. Opening a large store takes seconds; Spring
 * builds the web server, the GraphQL schema and security meanwhile, and the schema migrations, the
 * first statements, wait for it ({@link DatabaseConfiguration}).
 */
class EmbeddedDatabaseStarter implements ApplicationListener<ApplicationPreparedEvent> {

    static final String BEAN_NAME = "embeddedNeo4j";

    @Override
    public void onApplicationEvent(ApplicationPreparedEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        if (!EmbeddedDatabaseCondition.embedded(context.getEnvironment())
                || !(context.getBeanFactory() instanceof DefaultListableBeanFactory beans)
                || beans.containsSingleton(BEAN_NAME)) {
            return;
        }
        var properties = Binder.get(context.getEnvironment()).bindOrCreate("pangea.embedded", EmbeddedNeo4jProperties.class);
        EmbeddedNeo4j database = EmbeddedNeo4j.startInBackground(properties);
        beans.registerSingleton(BEAN_NAME, database);
        beans.registerDisposableBean(BEAN_NAME, database::close);
    }

}
