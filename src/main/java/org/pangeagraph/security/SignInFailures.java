package org.pangeagraph.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.pangeagraph.db.BackgroundThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

/**
 * Accounts for every failed sign-in, in the audit trail ({@link FailedSignIn} events): a wrong password
 * at once, one record each (the throttle bounds how many can be checked); attempts refused unchecked
 * while a name or address waits, and invalid bearer tokens, counted per user name, client address and
 * kind and recorded together every {@code period}, so that a flood of them costs a few records, not a
 * record (and a disk write) each.
 */
final class SignInFailures implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SignInFailures.class);

    private final Consumer<FailedSignIn> publish;

    private final Clock clock;

    private final Map<Key, Tally> tallies = new ConcurrentHashMap<>();

    private final ScheduledExecutorService flusher;

    SignInFailures(Consumer<FailedSignIn> publish, Clock clock, Duration period) {
        this.publish = publish;
        this.clock = clock;
        this.flusher = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.named("failed-sign-ins"));
        this.flusher.scheduleWithFixedDelay(this::flush, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A password checked and found wrong (or a user name that does not exist). */
    void wrongPassword(String user, String client) {
        Instant now = this.clock.instant();
        send(new FailedSignIn(now, now, user, client, FailedSignIn.Way.PASSWORD, false, 1));
    }

    /** An attempt refused unchecked, its name or address waiting. */
    void throttled(String user, String client, FailedSignIn.Way way) {
        count(new Key(user, client, way, true));
    }

    /** A bearer token that is not valid (forged, expired, malformed). */
    void invalidToken(String client) {
        count(new Key(null, client, FailedSignIn.Way.TOKEN, false));
    }

    private void count(Key key) {
        Instant now = this.clock.instant();
        this.tallies.compute(key, (k, tally) -> tally == null ? new Tally(now, now, 1) : new Tally(tally.first(), now,
                tally.attempts() + 1));
    }

    /** Records the attempts counted so far. */
    void flush() {
        for (Key key : this.tallies.keySet()) {
            Tally tally = this.tallies.remove(key);
            if (tally != null) {
                send(new FailedSignIn(tally.first(), tally.last(), key.user(), key.client(), key.way(), key.throttled(),
                        tally.attempts()));
            }
        }
    }

    private void send(FailedSignIn failure) {
        try {
            this.publish.accept(failure);
        }
        catch (RuntimeException ex) {
            log.error("Could not record {} failed sign-in(s) of {} from {} in the audit trail", failure.attempts(),
                    failure.user(), failure.client(), ex);
        }
    }

    /** Records what is counted while the audit trail is still there to take it. */
    @EventListener(ContextClosedEvent.class)
    void closing() {
        flush();
    }

    /** Records what is counted, and stops counting on a schedule. */
    @Override
    public void close() {
        this.flusher.shutdownNow();
        flush();
    }

    private record Key(String user, String client, FailedSignIn.Way way, boolean throttled) {
    }

    private record Tally(Instant first, Instant last, long attempts) {
    }

}
