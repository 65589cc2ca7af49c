package org.pangeagraph.alert;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pangeagraph.model.NodeKind;

/**
 * A watch as the matcher follows it, on the matcher's thread only: its owner as last signed in, the kinds
 * of its targets, the neighbours of its targets it looks at (depth 2, or the parcels and addresses on the
 * way from a watched courier or account holder to a website), how far it has read the feed, whether a
 * change may concern its network or storefronts, and how many alerts it raised this minute.
 */
final class WatchState {

    /** A neighbour of a target: the target, the link to it, and for an item's route the route. */
    record Neighbour(String target, Alert.Evidence link, ItemRoutes route) {
    }

    Watch watch;

    final WatchOwner owner;

    final Map<String, NodeKind> targetKinds = new HashMap<>();

    /** The targets as the owner saw them when the watch was last prepared. */
    final Map<String, org.pangeagraph.db.changes.ChangedEntity> targetEntities = new HashMap<>();

    /** The latest changes that may concern the watch's network or storefronts, for the alerts they lead to. */
    final java.util.ArrayDeque<org.pangeagraph.db.changes.Change> concerns = new java.util.ArrayDeque<>();

    /** Neighbours by id; a neighbour of several targets is listed once for each. */
    final Map<String, List<Neighbour>> neighbours = new HashMap<>();

    /** The last sequence of the feed matched against this watch. */
    long through;

    /** Set when the watch was found deleted: it matches nothing more. */
    boolean gone;

    /** Whether its targets and their neighbours are to be read again before the next change is matched. */
    boolean stale = true;

    /** When a change that may concern the watch's network or storefronts was first and last seen since it last asked (nanos; 0: none). */
    long firstConcern;

    long lastConcern;

    /** The minute (nanos at its start) and the alerts raised in it. */
    long minuteStart;

    int raisedThisMinute;

    /** Matches over the limit not yet recorded on the watch. */
    int suppressed;

    WatchState(Watch watch, WatchOwner owner, long through) {
        this.watch = watch;
        this.owner = owner;
        this.through = through;
    }

    /** Whether the watch is one of its network or storefronts, evaluated by asking again rather than per change. */
    boolean evaluated() {
        return this.watch.template() == WatchTemplate.NEW_WEBSITE_IN_NETWORK || this.watch.template() == WatchTemplate.SIMILAR_NEW_STOREFRONT;
    }

    /** Whether the watch looks past its targets: depth 2, or items reached through an entity between. */
    boolean followsNeighbours() {
        return (this.watch.template() == null && this.watch.depth() >= 2) || this.watch.template() == WatchTemplate.NEW_WEBSITE_ON_ITEM;
    }

    void concerned(long now, org.pangeagraph.db.changes.Change change) {
        this.concerns.addLast(change);
        while (this.concerns.size() > 200) {
            this.concerns.removeFirst();
        }
        if (this.firstConcern == 0) {
            this.firstConcern = now;
        }
        this.lastConcern = now;
    }

    /** Whether it is time to ask: quiet for {@code delay}, or concerned for five times as long. */
    boolean due(long now, long delay) {
        return this.firstConcern != 0 && (now - this.lastConcern >= delay || now - this.firstConcern >= 5 * delay);
    }

    /** Whether another alert may be raised this minute. */
    boolean roomThisMinute(long now, int perMinute) {
        if (now - this.minuteStart >= 60_000_000_000L) {
            this.minuteStart = now;
            this.raisedThisMinute = 0;
        }
        return this.raisedThisMinute < perMinute;
    }

}
