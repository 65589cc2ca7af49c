package org.pangeagraph.change;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The change feed ({@code pangea.changes.*}).
 *
 * @param retention how long changes are kept; older ones are purged, and a client asking from before
 * them is told so
 * @param purgeEvery how often the purge runs
 * @param reconcileEvery where no listener records writes (an external database, or the embedded one with
 * {@code pangea.embedded.capture-changes=false}): how often the graph is searched for writes of other
 * clients by {@code updatedAt} and {@code recordedAt}. The application's own writes are reconciled as soon
 * as they commit.
 * @param reconcileOverlap how far back from its mark each reconciliation looks again, for writes committed
 * after a later one though stamped before it (a longer transaction); a write stamped longer before its
 * commit is missed
 * @param recentChanges how many recent changes are kept in memory, so that followers of the feed (the
 * alert matcher, subscriptions) read them without a statement
 * @param pollEvery how often a follower looks at the feed when not woken by a commit (changes recorded
 * by another instance of the application)
 */
@ConfigurationProperties("pangea.changes")
public record ChangeProperties(
        @DefaultValue("30d") Duration retention,
        @DefaultValue("1h") Duration purgeEvery,
        @DefaultValue("10s") Duration reconcileEvery,
        @DefaultValue("1m") Duration reconcileOverlap,
        @DefaultValue("20000") int recentChanges,
        @DefaultValue("2s") Duration pollEvery) {
}
