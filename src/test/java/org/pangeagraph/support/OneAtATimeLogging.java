package org.pangeagraph.support;

import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemFactory;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.core.annotation.Order;
import org.springframework.core.Ordered;

/**
 * The tests' logging: Logback as the application has it, set up and taken down by one application at a
 * time. The integration tests start several applications in one JVM, some beside each other (the classes
 * that run beside the sequence, junit-platform.properties), and Logback's context is the JVM's one. Spring
 * Boot resets that context, puts the starting application's environment in it and builds the console
 * appender from it; when two starts interleave, one's reset takes the environment away while the other's
 * appender is being built, and that application does not start ("Unable to find Spring Environment in
 * logger context"). Here each step that changes the context holds one lock.
 */
public final class OneAtATimeLogging extends LogbackLoggingSystem {

    private static final Object CONTEXT = new Object();

    public OneAtATimeLogging(ClassLoader classLoader) {
        super(classLoader);
    }

    @Override
    public void beforeInitialize() {
        synchronized (CONTEXT) {
            super.beforeInitialize();
        }
    }

    @Override
    public void initialize(LoggingInitializationContext initializationContext, String configLocation, LogFile logFile) {
        synchronized (CONTEXT) {
            super.initialize(initializationContext, configLocation, logFile);
        }
    }

    @Override
    public void setLogLevel(String loggerName, LogLevel level) {
        synchronized (CONTEXT) {
            super.setLogLevel(loggerName, level);
        }
    }

    @Override
    public void cleanUp() {
        synchronized (CONTEXT) {
            super.cleanUp();
        }
    }

    /** Chosen before Boot's own Logback factory (src/test/resources/META-INF/spring.factories). */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static final class Factory implements LoggingSystemFactory {

        @Override
        public LoggingSystem getLoggingSystem(ClassLoader classLoader) {
            return new OneAtATimeLogging(classLoader);
        }

    }

}
