package org.pangeagraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The throttle's arithmetic on a clock of the test's own: free failures, growing waits, ceilings, forgetting, trust. */
class SignInThrottleTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private final SignInThrottle throttle = new SignInThrottle(new SecuritySettings.FailedSignIns(5, Duration.ofSeconds(1),
            Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofHours(24)), this.now::get);

    @Test
    void fiveFailuresAreFreeThenEachWaitDoublesUpToTheCeilingOfTheUserName() {
        for (int i = 0; i < 4; i++) {
            fail("admin", "10.0.0." + i);
            assertThat(this.throttle.waiting("admin", "10.0.0.99")).as("failure %d", i + 1).isNull();
        }
        List<Long> waits = new ArrayList<>();
        for (int i = 4; i < 12; i++) {
            fail("admin", "10.0.0." + i);
            long wait = this.throttle.waiting("admin", "10.0.0.99").retryAfterSeconds();
            waits.add(wait);
            advance(Duration.ofSeconds(wait));
        }

        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void anAddressThatFailsForManyNamesWaitsLongerThanAName() {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            fail("user-" + i, "192.0.2.7");
            SignInThrottle.Refusal refusal = this.throttle.waiting("someone-else", "192.0.2.7");
            if (refusal != null) {
                waits.add(refusal.retryAfterSeconds());
                advance(Duration.ofSeconds(refusal.retryAfterSeconds()));
            }
        }

        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 900L, 900L);
        assertThat(this.throttle.waiting("someone-else", "192.0.2.8")).as("another address").isNull();
    }

    @Test
    void attemptsAdmittedInParallelAreCountedBeforeTheirOutcome() {
        List<Object> admitted = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            admitted.add(this.throttle.admit("admin", "192.0.2.7"));
        }

        assertThat(admitted).filteredOn(SignInThrottle.Attempt.class::isInstance).hasSize(5);
        assertThat(admitted.subList(5, 20)).allSatisfy(a -> assertThat(a).isInstanceOf(SignInThrottle.Refusal.class));
    }

    @Test
    void aRightPasswordIsCountedBackAndLiftsTheWaitItCaused() {
        for (int i = 0; i < 4; i++) {
            fail("admin", "192.0.2.7");
        }
        SignInThrottle.Attempt fifth = (SignInThrottle.Attempt) this.throttle.admit("admin", "192.0.2.7");
        assertThat(this.throttle.waiting("admin", "192.0.2.7")).as("counted as failed while checked").isNotNull();

        fifth.succeeded();

        assertThat(this.throttle.waiting("admin", "192.0.2.7")).isNull();
    }

    @Test
    void aUserAtAnAddressTrustedForThemIsNotKeptOutByStrangersFailingElsewhere() {
        ((SignInThrottle.Attempt) this.throttle.admit("admin", "198.51.100.1")).succeeded();
        for (int i = 0; i < 30; i++) {
            SignInThrottle.Refusal waiting = this.throttle.waiting("admin", "203.0.113." + i);
            advance(Duration.ofSeconds(waiting == null ? 0 : waiting.retryAfterSeconds()));
            fail("admin", "203.0.113." + i);
        }

        assertThat(this.throttle.waiting("admin", "203.0.113.200")).as("a new address for admin waits").isNotNull();
        assertThat(this.throttle.waiting("admin", "198.51.100.1")).as("admin where admin works").isNull();
        assertThat(this.throttle.admit("admin", "198.51.100.1")).isInstanceOf(SignInThrottle.Attempt.class);
    }

    @Test
    void failuresAreForgottenAfterAQuietSpell() {
        for (int i = 0; i < 8; i++) {
            advance(Duration.ofSeconds(20));
            fail("admin", "192.0.2.7");
        }
        assertThat(this.throttle.waiting("admin", "192.0.2.7")).isNotNull();

        advance(Duration.ofMinutes(16));

        assertThat(this.throttle.waiting("admin", "192.0.2.7")).isNull();
        fail("admin", "192.0.2.7");
        assertThat(this.throttle.waiting("admin", "192.0.2.7")).as("counting starts again").isNull();
    }

    /** An attempt that is admitted and turns out wrong. */
    private void fail(String user, String client) {
        assertThat(this.throttle.admit(user, client)).isInstanceOf(SignInThrottle.Attempt.class);
    }

    private void advance(Duration duration) {
        this.now.addAndGet(TimeUnit.NANOSECONDS.convert(duration));
    }

}
