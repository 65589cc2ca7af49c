package org.pangeagraph.change;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.pangeagraph.model.LimitExceededException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import reactor.core.publisher.Flux;

/**
 * How many subscriptions ({@code graphChanges}, {@code alertRaised}) one user may hold open at once, over
 * WebSocket and server-sent events together ({@code pangea.limits.subscriptions-per-user}). One more is
 * refused with {@code LIMIT_EXCEEDED}; a subscription counts until its client ends it or goes away.
 */
public class SubscriptionLimits {

    private final int perUser;

    private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();

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
        return stream.doFinally(signal -> {
            if (released.compareAndSet(false, true)) {
                count.decrementAndGet();
            }
        });
    }

    /** How many subscriptions {@code user} holds open. */
    public int open(String user) {
        AtomicInteger count = this.open.get(user);
        return count == null ? 0 : count.get();
    }

}
