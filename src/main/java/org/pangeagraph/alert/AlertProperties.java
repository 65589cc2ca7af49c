package org.pangeagraph.alert;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Watches and alerts ({@code pangea.alerts.*}).
 *
 * @param watchesPerUser how many watches one user may have; one more is {@code LIMIT_EXCEEDED}
 * @param alertsPerMinute how many alerts one watch may raise a minute; the matches over it raise none,
 * and the watch says so with code {@code LIMIT_EXCEEDED}
 * @param targetsPerWatch how many entities one watch may name
 * @param dedupWindow how long a further match about the same entity is added to the watch's open alert
 * rather than raising another
 * @param evaluationDelay how long the watches of criminal networks and similar storefronts wait after a
 * change that may concern them before they ask again (a burst of changes, an import, is asked about once)
 * @param neighbourhood the most neighbours of a watch's targets followed at depth 2 (and the most parcels
 * or addresses of a watched courier or account holder on the way to a website)
 * @param webhook the webhooks
 */
@ConfigurationProperties("pangea.alerts")
public record AlertProperties(
        @DefaultValue("50") int watchesPerUser,
        @DefaultValue("30") int alertsPerMinute,
        @DefaultValue("20") int targetsPerWatch,
        @DefaultValue("24h") Duration dedupWindow,
        @DefaultValue("2s") Duration evaluationDelay,
        @DefaultValue("10000") int neighbourhood,
        @DefaultValue Webhook webhook) {

    /**
     * @param allowedHosts the hosts a webhook may be sent to; none when empty, so that nobody makes the
     * server post to an address inside its network unless an administrator allowed it
     * @param attempts how many times a delivery is tried before it is given up
     * @param firstRetry the pause before the first retry, doubled after each failure
     * @param maxRetry the longest pause between tries
     * @param timeout how long one try may take
     */
    public record Webhook(
            @DefaultValue List<String> allowedHosts,
            @DefaultValue("8") int attempts,
            @DefaultValue("1s") Duration firstRetry,
            @DefaultValue("5m") Duration maxRetry,
            @DefaultValue("10s") Duration timeout) {
    }

}
