package org.pangeagraph.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.pangeagraph.model.LimitExceededException;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

class SubscriptionLimitsTests {

    @Test
    void stoppingEndsTheOpenSubscriptionsAndFreesTheirPlaces() {
        SubscriptionLimits limits = new SubscriptionLimits(1);
        limits.start();
        AtomicBoolean ended = new AtomicBoolean();
        limits.counted("ana", Flux.<String>never()).doFinally(signal -> ended.set(true)).subscribe();
        assertThat(limits.open("ana")).isEqualTo(1);
        assertThatThrownBy(() -> limits.counted("ana", Flux.never())).isInstanceOf(LimitExceededException.class);

        limits.stop();

        assertThat(ended).isTrue();
        assertThat(limits.open("ana")).isZero();
    }

    /**
     * A stopped application context may be started again: the test framework pauses a cached context it
     * does not use and restarts it for the next test that needs it. Subscriptions opened after the restart
     * stay open, instead of ending at once as those open at the stop did.
     */
    @Test
    void subscriptionsOpenedAfterARestartStayOpen() {
        SubscriptionLimits limits = new SubscriptionLimits(4);
        limits.start();
        limits.stop();
        limits.start();

        Sinks.Many<String> source = Sinks.many().multicast().directBestEffort();
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicBoolean ended = new AtomicBoolean();
        Disposable subscription = limits.counted("ana", source.asFlux()).doFinally(signal -> ended.set(true)).subscribe(received::add);
        source.tryEmitNext("a new alert");

        assertThat(ended).as("ended").isFalse();
        assertThat(received).containsExactly("a new alert");
        assertThat(limits.open("ana")).isEqualTo(1);
        subscription.dispose();
        assertThat(limits.open("ana")).isZero();
    }

}
