package org.pangeagraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.springframework.core.log.LogMessage;

/**
 * Spring's own log calls (through Commons Logging) build their message only when its level is on:
 * Spring Security traces every sign-in with the signed-in user written out, on every request
 * (commons-logging.properties).
 */
class UnusedLogMessagesTests {

    @Test
    void aMessageOfALevelThatIsOffIsNeverBuilt() {
        Log log = LogFactory.getLog(UnusedLogMessagesTests.class);
        AtomicInteger built = new AtomicInteger();
        Object user = counted(built, "a signed-in user");

        assertThat(log.isTraceEnabled()).isFalse();
        log.trace(LogMessage.format("Set SecurityContextHolder to %s", user));
        log.trace(user, null);

        assertThat(built).as("messages built for a level that is off").hasValue(0);
    }

    @Test
    void aMessageOfALevelThatIsOnIsStillWritten() {
        Log log = LogFactory.getLog(UnusedLogMessagesTests.class);
        AtomicInteger built = new AtomicInteger();
        Object message = counted(built, "written");

        assertThat(log.isErrorEnabled()).isTrue();
        log.error(message);

        assertThat(built).hasValue(1);
    }

    /** A value that counts how often it is written out as text. */
    private static Object counted(AtomicInteger built, String text) {
        return new Object() {
            @Override
            public String toString() {
                built.incrementAndGet();
                return text;
            }
        };
    }

}
