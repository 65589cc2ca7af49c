package org.pangeagraph.alert;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * New alerts, as they are raised, to the {@code alertRaised} subscriptions: each subscription takes those
 * of its user's watches and those assigned to its user that its user may see. A subscription that cannot
 * keep up loses alerts past its buffer rather than holding up the matcher; {@code myAlerts} lists them all.
 */
class AlertBus {

    private final Sinks.Many<Alert> raised = Sinks.many().multicast().directBestEffort();

    /** Called on the matcher's thread only. */
    void publish(Alert alert) {
        this.raised.tryEmitNext(alert);
    }

    /** How many subscriptions listen now. */
    int listening() {
        return this.raised.currentSubscriberCount();
    }

    Flux<Alert> alerts() {
        return this.raised.asFlux().onBackpressureBuffer(1024);
    }

}
