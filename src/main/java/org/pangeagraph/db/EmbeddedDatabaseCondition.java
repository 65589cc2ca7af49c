package org.pangeagraph.db;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Matches when no external database is configured ({@code spring.neo4j.uri} or {@code NEO4J_URI}). */
class EmbeddedDatabaseCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return embedded(context.getEnvironment());
    }

    static boolean embedded(Environment environment) {
        return !StringUtils.hasText(environment.getProperty("spring.neo4j.uri"));
    }

}
