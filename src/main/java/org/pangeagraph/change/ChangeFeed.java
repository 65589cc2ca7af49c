package org.pangeagraph.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.pangeagraph.db.changes.Change;
import org.pangeagraph.db.changes.ChangeBatch;
import org.pangeagraph.db.changes.ChangeStore;

/**
 * The change feed as the application follows it: the store in the graph, which is the truth, fronted by
 * the most recent batches kept in memory as they commit. Reading after a sequence takes the changes from
 * memory when memory holds the very next one, and from the store otherwise: so a follower that fell
 * behind, or started from an old sequence, reads what it missed in order and loses nothing.
 *
 * <p>{@link #committed} is called on the thread that committed the write: it only keeps the batches and
 * wakes the followers, never waits, never reads; the work of following happens on the followers'
 * threads.
 */
public class ChangeFeed {

    private final ChangeStore store;

    private final int recentChanges;

    /** Recent batches by their first sequence. */
    private final ConcurrentSkipListMap<Long, ChangeBatch> recent = new ConcurrentSkipListMap<>();

    private final AtomicLong recentCount = new AtomicLong();

    /** The newest sequence known committed, from a commit seen here or the store. */
    private final AtomicLong head = new AtomicLong();

    private final List<Runnable> followers = new CopyOnWriteArrayList<>();

    public ChangeFeed(ChangeStore store, int recentChanges) {
        this.store = store;
        this.recentChanges = recentChanges;
    }

    /** Keeps committed batches and wakes the followers. Never blocks. */
    public void committed(List<ChangeBatch> batches) {
        for (ChangeBatch batch : batches) {
            this.recent.put(batch.first(), batch);
            this.recentCount.addAndGet(batch.changes().size());
            this.head.accumulateAndGet(batch.last(), Math::max);
        }
        while (this.recentCount.get() > this.recentChanges) {
            Map.Entry<Long, ChangeBatch> oldest = this.recent.pollFirstEntry();
            if (oldest == null) {
                break;
            }
            this.recentCount.addAndGet(-oldest.getValue().changes().size());
        }
        this.followers.forEach(Runnable::run);
    }

    /** Called (with no argument) after every commit, on the committing thread: it must only note that there is news. */
    public void follow(Runnable wake) {
        this.followers.add(wake);
    }

    public void unfollow(Runnable wake) {
        this.followers.remove(wake);
    }

    /** The sequence of the newest change recorded. */
    public long head() {
        long stored = this.store.head();
        return this.head.accumulateAndGet(stored, Math::max);
    }

    /** The oldest sequence still kept. */
    public long oldest() {
        return this.store.oldest();
    }

    /**
     * Up to {@code max} changes after {@code sequence}, in order and without gaps; fewer (or none) when
     * the feed holds no more yet.
     */
    public List<Change> after(long sequence, int max) {
        List<Change> changes = new ArrayList<>();
        long next = sequence + 1;
        Map.Entry<Long, ChangeBatch> holding = this.recent.floorEntry(next);
        boolean fromMemory = holding != null && holding.getValue().last() >= next;
        if (fromMemory) {
            // Memory serves as long as its batches follow on from one another.
            for (ChangeBatch batch : this.recent.tailMap(holding.getKey()).values()) {
                if (batch.first() > next || changes.size() >= max) {
                    break;
                }
                next = take(batch, next, max, changes);
            }
            return changes;
        }
        // The store holds every change kept, in order: a hole before or between its batches is changes no
        // longer kept (purged, or deleted with the rest of the graph), which nothing can serve any more.
        for (ChangeBatch batch : this.store.after(sequence, Math.max(1, max / ChangeStore.BATCH_SIZE + 2))) {
            if (changes.size() >= max) {
                break;
            }
            next = take(batch, next, max, changes);
        }
        return changes;
    }

    private static long take(ChangeBatch batch, long next, int max, List<Change> into) {
        for (Change change : batch.changes()) {
            if (change.sequence() >= next && into.size() < max) {
                into.add(change);
                next = change.sequence() + 1;
            }
        }
        return next;
    }

}
