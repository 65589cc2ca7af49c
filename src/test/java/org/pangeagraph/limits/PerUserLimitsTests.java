package org.pangeagraph.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class PerUserLimitsTests {

    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));

    @Test
    void aUserMayMakeAMinutesWorthOfRequestsAtOnceThenOneAsEachIsEarned() {
        PerUserLimits limits = new PerUserLimits(6, 100, this.now::get);
        for (int i = 0; i < 6; i++) {
            assertThat(limits.admit("alice")).isNull();
            limits.release("alice");
        }

        PerUserLimits.Refusal refusal = limits.admit("alice");

        assertThat(refusal.limit()).isEqualTo("requests-per-minute");
        assertThat(refusal.retryAfterSeconds()).isEqualTo(10);
        assertThat(limits.admit("bob")).as("another user has a bucket of their own").isNull();
        this.now.addAndGet(TimeUnit.SECONDS.toNanos(9));
        assertThat(limits.admit("alice").retryAfterSeconds()).isEqualTo(1);
        this.now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(limits.admit("alice")).isNull();
    }

    @Test
    void aUserMayRunOnlySoManyRequestsAtOnce() {
        PerUserLimits limits = new PerUserLimits(1000, 2, this.now::get);
        assertThat(limits.admit("alice")).isNull();
        assertThat(limits.admit("alice")).isNull();

        PerUserLimits.Refusal refusal = limits.admit("alice");

        assertThat(refusal.limit()).isEqualTo("concurrent-requests-per-user");
        assertThat(refusal.retryAfterSeconds()).isEqualTo(1);
        limits.release("alice");
        assertThat(limits.admit("alice")).isNull();
    }

    @Test
    void aRequestRefusedForItsRateDoesNotHoldAPlace() {
        PerUserLimits limits = new PerUserLimits(1, 1, this.now::get);
        assertThat(limits.admit("alice")).isNull();
        limits.release("alice");

        assertThat(limits.admit("alice").limit()).isEqualTo("requests-per-minute");

        this.now.addAndGet(TimeUnit.MINUTES.toNanos(1));
        assertThat(limits.admit("alice")).isNull();
    }

}
