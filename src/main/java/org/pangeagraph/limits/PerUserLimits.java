package org.pangeagraph.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * How many requests each user may make a minute (a token bucket per user name, which holds a minute's
 * worth and refills evenly) and how many of theirs may run at once.
 */
final class PerUserLimits {

    private final int requestsPerMinute;

    private final int concurrent;

    private final LongSupplier nanoTime;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

    PerUserLimits(int requestsPerMinute, int concurrent, LongSupplier nanoTime) {
        this.requestsPerMinute = requestsPerMinute;
        this.concurrent = concurrent;
        this.nanoTime = nanoTime;
    }

    /** Why a request was refused, and after how many seconds to try again. */
    record Refusal(String limit, long retryAfterSeconds, String message) {
    }

    /**
     * Admits a request of {@code user}, who must then {@link #release} it when it ends.
     *
     * @return null when admitted, else why not
     */
    Refusal admit(String user) {
        AtomicInteger count = this.running.computeIfAbsent(user, u -> new AtomicInteger());
        if (count.incrementAndGet() > this.concurrent) {
            count.decrementAndGet();
            return new Refusal("concurrent-requests-per-user", 1, "You have " + this.concurrent
                    + " requests running already, the most allowed (pangea.limits.concurrent-requests-per-user)");
        }
        long waitNanos = this.buckets.computeIfAbsent(user, u -> new Bucket(this.requestsPerMinute, this.nanoTime.getAsLong()))
            .take(this.requestsPerMinute, this.nanoTime.getAsLong());
        if (waitNanos > 0) {
            count.decrementAndGet();
            return new Refusal("requests-per-minute", Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos - 1) + 1),
                    "You have made more than " + this.requestsPerMinute
                            + " requests in the last minute, the most allowed (pangea.limits.requests-per-minute)");
        }
        return null;
    }

    /** How many admitted requests of {@code user} are running. */
    int running(String user) {
        AtomicInteger count = this.running.get(user);
        return count == null ? 0 : count.get();
    }

    /** Ends an admitted request. */
    void release(String user) {
        AtomicInteger count = this.running.get(user);
        if (count != null) {
            count.decrementAndGet();
        }
    }

    private static final class Bucket {

        private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

        private double tokens;

        private long updated;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.updated = now;
        }

        /** Takes a token: 0 if there was one, else how long until there is. */
        synchronized long take(int perMinute, long now) {
            this.tokens = Math.min(perMinute, this.tokens + (double) (now - this.updated) * perMinute / MINUTE);
            this.updated = now;
            if (this.tokens >= 1) {
                this.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - this.tokens) * MINUTE / perMinute);
        }

    }

}
