package org.pangeagraph.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random HTTP port, against a real Neo4j: the embedded one (a fresh store
 * in a temporary directory, Bolt on a free loopback port), or a Neo4j container when the build is
 * run with {@code -Dpangea.test.database=container}. Every integration test uses this one
 * configuration, so that Spring's test context cache keeps one application and one database for the
 * whole test JVM; {@link TestGraph#reset()} empties the graph between tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = Neo4jContainerInitializer.class)
@Import(TestSupportConfiguration.class)
public @interface IntegrationTest {
}
