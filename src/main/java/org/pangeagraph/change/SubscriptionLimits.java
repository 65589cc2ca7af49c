package org.pangeagraph.change;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.pangeagraph.model.LimitExceededException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * How many subscriptions ({@code graphChanges}, {@code alertRaised}) one user may hold open at once, over
 * WebSocket and server-sent events together ({@code pangea.limits.subscriptions-per-user}). One more is
 * refused with {@code LIMIT_EXCEEDED}; a subscription counts until its client ends it or goes away. When
 * the application stops, every subscription is completed first, so that the graceful shutdown does not
 * wait for streams that would never end by themselves; clients reconnect to another instance.
 */
public class SubscriptionLimits implements SmartLifecycle {

    private final int perUser;

    private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();

    /**
     * Completed by {@link #stop}, which ends every subscription open then; a new one for each start, since
     * a stopped application context may be started again (the test framework stops a cached context it
     * does not use, and starts it when a test needs it again) and a completed sink would end every later
     * subscription at once.
     */
    private volatile Sinks.Empty<Void> stopping = Sinks.empty();

    private volatile boolean running;

    public SubscriptionLimits(int perUser) {
        this.perUser = perUser;
    }

    /** The limit's property. */
    @ConfigurationProperties("pangea.limits")
    public record Settings(@DefaultValue("4") int subscriptionsPerUser) {
    }

    /**
     * {@code stream}, counted against {@code user}'s subscriptions from now until it ends.
     *
     * @throws LimitExceededException when the user holds as many open already
     */
    public <T> Flux<T> counted(String user, Flux<T> stream) {
        AtomicInteger count = this.open.computeIfAbsent(user, u -> new AtomicInteger());
        if (count.incrementAndGet() > this.perUser) {
            count.decrementAndGet();
            throw new LimitExceededException("subscriptions", "would be " + (this.perUser + 1) + " open at once; the most allowed is "
                    + this.perUser + " a user (pangea.limits.subscriptions-per-user): end one first");
        }
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        return stream.takeUntilOther(this.stopping.asMono()).doFinally(signal -> {
            if (released.compareAndSet(false, true)) {
                count.decrementAndGet();
            }
        });
    }

    @Override
    public void start() {
        if (!this.running) {
            this.stopping = Sinks.empty();
        }
        this.running = true;
    }

    /** Completes every subscription: before the web server's graceful shutdown, which would wait for them. */
    @Override
    public void stop() {
        this.running = false;
        this.stopping.tryEmitEmpty();
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    /** How many subscriptions {@code user} holds open. */
    public int open(String user) {
        AtomicInteger count = this.open.get(user);
        return count == null ? 0 : count.get();
    }

}
