package org.pangeagraph.alert;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.pangeagraph.change.ChangeFeed;
import org.pangeagraph.db.GraphDb;
import org.pangeagraph.db.changes.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches the change feed against every watch, on a thread of its own, never a writer's: a commit only
 * wakes it ({@link ChangeFeed#follow}), and it reads the feed from where it stopped. The queue between the
 * writers and the matcher is therefore the feed itself, kept in the graph: bounded in memory (the feed's
 * recent changes), never lost, and never holding a writer up however far the matcher falls behind. How far
 * it has read is kept in the graph ({@code AlertMatcher}), so that after a restart it goes on where it
 * stopped.
 *
 * <p>Each watch is matched as its owner sees the graph (their memberships as of their latest request).
 * Watches of a network or of similar storefronts ask again after a quiet moment
 * ({@code pangea.alerts.evaluation-delay}) following changes that may concern them.
 */
class AlertMatcher {

    private static final Logger log = LoggerFactory.getLogger(AlertMatcher.class);

    /** Changes read from the feed at a time. */
    private static final int PAGE = 500;

    private static final String NAME = "alerts";

    /**
     * How often the watches are read again even when no request changed them: a watch deleted otherwise (with
     * the whole graph, by a script) stops within this time.
     */
    private static final long RELOAD_EVERY = TimeUnit.SECONDS.toNanos(5);

    /**
     * How often at most where the matcher stands is written: after a restart it matches again at most this
     * much of the feed, and what that raises again is added to the alerts raised the first time (same watch
     * and entity, within the window).
     */
    private static final long SAVE_EVERY = TimeUnit.SECONDS.toNanos(10);

    private final GraphDb db;

    private final ChangeFeed feed;

    private final WatchStore watches;

    private final AlertStore alerts;

    private final Matching matching;

    private final Evaluations evaluations;

    private final AlertBus bus;

    private final WebhookSender webhooks;

    private final AlertProperties properties;

    private final ScheduledExecutorService thread;

    private final AtomicInteger wakes = new AtomicInteger();

    /** Set when watches or owners changed, so that the matcher reads them again before going on. */
    private final AtomicBoolean reload = new AtomicBoolean(true);

    /** The watches by id; on the matcher's thread only. */
    private final Map<String, WatchState> states = new HashMap<>();

    /** Owners of a watch by name, as last recorded; read by request threads. */
    private volatile Map<String, WatchOwner> owners = Map.of();

    private long cursor = -1;

    private long loadedAt;

    private long savedAt;

    AlertMatcher(GraphDb db, ChangeFeed feed, WatchStore watches, AlertStore alerts, Matching matching, Evaluations evaluations,
            AlertBus bus, WebhookSender webhooks, AlertProperties properties, ScheduledExecutorService thread) {
        this.db = db;
        this.feed = feed;
        this.watches = watches;
        this.alerts = alerts;
        this.matching = matching;
        this.evaluations = evaluations;
        this.bus = bus;
        this.webhooks = webhooks;
        this.properties = properties;
        this.thread = thread;
    }

    /** Starts following the feed: woken by each commit, and at least every evaluation delay. */
    void start() {
        this.thread.execute(this::resumeDeliveries);
        this.feed.follow(this::wake);
        long every = Math.max(50, this.properties.evaluationDelay().toMillis() / 2);
        this.thread.scheduleWithFixedDelay(this::wake, 0, every, TimeUnit.MILLISECONDS);
    }

    /** The webhook deliveries a stop interrupted: sent again, in order; those of a removed watch are given up. */
    private void resumeDeliveries() {
        try {
            Map<String, WatchOwner> recorded = this.watches.owners();
            for (Alert alert : this.alerts.undelivered()) {
                Watch watch = this.watches.find(alert.watchId());
                WatchOwner owner = watch == null ? null : recorded.get(watch.owner());
                if (watch == null || watch.webhookUrl() == null || owner == null) {
                    this.alerts.delivered(alert.id(), "FAILED");
                }
                else {
                    this.webhooks.send(watch, alert, owner.visibility());
                }
            }
        }
        catch (RuntimeException ex) {
            log.warn("Could not resume the webhook deliveries left pending: {}", ex.toString());
        }
    }

    /** Called on committing and request threads: only schedules a round, unless one is scheduled or running. */
    void wake() {
        if (this.wakes.getAndIncrement() == 0) {
            try {
                this.thread.execute(this::drain);
            }
            catch (java.util.concurrent.RejectedExecutionException ex) {
                this.wakes.set(0);
            }
        }
    }

    /** Watches or owners changed: read them again at the next round. */
    void watchesChanged() {
        this.reload.set(true);
        wake();
    }

    /** The recorded owner named so, or null when they have no watch. */
    WatchOwner owner(String name) {
        return this.owners.get(name);
    }

    /** The feed's sequence the matcher has read through (-1 before it started). */
    long through() {
        return this.cursor;
    }

    private void drain() {
        int missed = 1;
        do {
            try {
                round();
            }
            catch (RuntimeException ex) {
                // The database is away, say: the next wake tries again from the same place.
                log.warn("Matching the change feed after {} failed; it is tried again: {}", this.cursor, ex.toString());
            }
            missed = this.wakes.addAndGet(-missed);
        }
        while (missed != 0);
    }

    private void round() {
        if (this.cursor < 0) {
            this.cursor = readCursor();
        }
        while (true) {
            List<Change> changes = this.feed.after(this.cursor, PAGE);
            // After the read: an owner or watch recorded before a change committed is known when it is matched.
            if (this.reload.getAndSet(false) || System.nanoTime() - this.loadedAt > RELOAD_EVERY) {
                load();
            }
            if (changes.isEmpty()) {
                break;
            }
            for (Change change : changes) {
                this.matching.seen(change);
                for (WatchState state : this.states.values()) {
                    matchOne(change, state);
                }
                this.cursor = change.sequence();
            }
            if (System.nanoTime() - this.savedAt >= SAVE_EVERY) {
                saveCursor();
            }
        }
        long now = System.nanoTime();
        for (WatchState state : this.states.values()) {
            if (state.evaluated() && !state.gone && state.due(now, this.properties.evaluationDelay().toNanos())) {
                evaluate(state);
            }
            if (state.suppressed > 0) {
                this.watches.suppressed(state.watch.id(), state.suppressed, ZonedDateTime.now(ZoneOffset.UTC));
                state.suppressed = 0;
            }
        }
    }

    private void matchOne(Change change, WatchState state) {
        if (state.gone || change.sequence() <= state.through) {
            return;
        }
        try {
            if (state.stale) {
                this.matching.prepare(state);
                state.stale = false;
            }
            if (state.evaluated()) {
                if (Matching.mayConcernNetworks(change) && change.shownTo(state.owner.visibility())) {
                    state.concerned(System.nanoTime(), change);
                }
            }
            else {
                for (AlertDraft draft : this.matching.match(change, state)) {
                    raise(state, draft);
                }
                if (state.followsNeighbours() && Matching.changesNeighbours(change, state)) {
                    state.stale = true;
                }
            }
        }
        finally {
            state.through = change.sequence();
        }
    }

    private void evaluate(WatchState state) {
        state.firstConcern = 0;
        Evaluations.Outcome outcome = this.evaluations.evaluate(state);
        state.concerns.clear();
        for (AlertDraft draft : outcome.drafts()) {
            raise(state, draft);
        }
        state.watch = state.watch.knowing(outcome.network(), outcome.websites());
        this.watches.know(state.watch.id(), outcome.network(), outcome.websites());
    }

    private void raise(WatchState state, AlertDraft draft) {
        // Over the limit, a match costs nothing more than its count: not even a statement.
        if (!state.roomThisMinute(System.nanoTime(), this.properties.alertsPerMinute())) {
            state.suppressed++;
            return;
        }
        AlertStore.Raised raised = this.alerts.raise(draft, this.properties.dedupWindow());
        if (raised == null) {
            // The watch was deleted (by its owner, or with the whole graph): it stops at once, and goes at the next reading.
            state.gone = true;
            this.reload.set(true);
            return;
        }
        if (raised.created()) {
            state.raisedThisMinute++;
            this.bus.publish(raised.alert());
            if (state.watch.webhookUrl() != null) {
                this.webhooks.send(state.watch, raised.alert(), state.owner.visibility());
            }
        }
    }

    /** Reads the watches and owners again: new watches start where they were created, removed ones stop. */
    private void load() {
        this.loadedAt = System.nanoTime();
        Map<String, WatchOwner> recorded = this.watches.owners();
        this.owners = Map.copyOf(recorded);
        Set<String> present = new HashSet<>();
        for (Watch watch : this.watches.all()) {
            present.add(watch.id());
            WatchOwner owner = recorded.get(watch.owner());
            if (owner == null) {
                continue;
            }
            WatchState state = this.states.get(watch.id());
            if (state == null || !state.owner.equals(owner)) {
                long through = state == null ? Math.max(watch.sinceSequence(), -1) : state.through;
                WatchState fresh = new WatchState(watch, owner, through);
                if (state != null) {
                    fresh.raisedThisMinute = state.raisedThisMinute;
                    fresh.minuteStart = state.minuteStart;
                }
                this.states.put(watch.id(), fresh);
            }
        }
        this.states.keySet().retainAll(present);
    }

    private long readCursor() {
        List<Long> found = this.db.query("MATCH (m:AlertMatcher {name: $name}) RETURN m.through AS t", Map.of("name", NAME),
                r -> r.get("t").asLong());
        if (!found.isEmpty()) {
            return found.get(0);
        }
        long head = this.feed.head();
        this.db.write(tx -> tx.run("MERGE (m:AlertMatcher {name: $name}) ON CREATE SET m.through = $head",
                Map.of("name", NAME, "head", head)));
        return head;
    }

    private void saveCursor() {
        this.savedAt = System.nanoTime();
        this.db.write(tx -> tx.run("MERGE (m:AlertMatcher {name: $name}) SET m.through = $through",
                Map.of("name", NAME, "through", this.cursor)));
    }

}
