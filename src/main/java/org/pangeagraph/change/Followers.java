package org.pangeagraph.change;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import org.pangeagraph.db.changes.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * Streams of the feed from a sequence on: what is there first (the replay), then each change as it
 * commits. Both come from one reading loop over {@link ChangeFeed#after}, which serves changes in order
 * without gaps; so a client that reconnects with the last sequence it received gets every change after
 * it exactly once, however many came in between. A stream reads when woken by a commit, when its
 * client asks for more, and every {@code poll} in case a change was recorded where no commit is seen
 * (another instance of the application). Changes the client may not see advance the stream silently.
 */
public class Followers {

    private static final Logger log = LoggerFactory.getLogger(Followers.class);

    private static final int PAGE = 500;

    private final ChangeFeed feed;

    private final ScheduledExecutorService executor;

    private final Duration poll;

    public Followers(ChangeFeed feed, ScheduledExecutorService executor, Duration poll) {
        this.feed = feed;
        this.executor = executor;
        this.poll = poll;
    }

    /**
     * The changes after {@code sequence} that {@code visible} lets through, then every one to come. It is
     * asked once for each page read from the feed, so that what it needs to know of a page (which of its
     * facts the reader may no longer see) is read once.
     */
    public Flux<Change> after(long sequence, Function<List<Change>, Predicate<Change>> visible) {
        return Flux.create(sink -> {
            Reader reader = new Reader(sequence, visible, sink);
            Runnable wake = reader::wake;
            this.feed.follow(wake);
            ScheduledFuture<?> poller = this.executor.scheduleWithFixedDelay(wake, this.poll.toMillis(), this.poll.toMillis(),
                    TimeUnit.MILLISECONDS);
            sink.onRequest(n -> reader.wake());
            sink.onDispose(() -> {
                this.feed.unfollow(wake);
                poller.cancel(false);
            });
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    /** One stream's position, read forward by one task at a time however often it is woken. */
    private final class Reader {

        private final AtomicInteger wakes = new AtomicInteger();

        private final Function<List<Change>, Predicate<Change>> visible;

        private final FluxSink<Change> sink;

        private long cursor;

        Reader(long cursor, Function<List<Change>, Predicate<Change>> visible, FluxSink<Change> sink) {
            this.cursor = cursor;
            this.visible = visible;
            this.sink = sink;
        }

        /** Called on committing threads: only schedules a read, unless one is scheduled or running. */
        void wake() {
            if (this.wakes.getAndIncrement() == 0) {
                try {
                    Followers.this.executor.execute(this::drain);
                }
                catch (java.util.concurrent.RejectedExecutionException ex) {
                    this.wakes.set(0);
                }
            }
        }

        private void drain() {
            int missed = 1;
            do {
                readWhileAsked();
                missed = this.wakes.addAndGet(-missed);
            }
            while (missed != 0);
        }

        private void readWhileAsked() {
            try {
                while (!this.sink.isCancelled() && this.sink.requestedFromDownstream() > 0) {
                    List<Change> changes = Followers.this.feed.after(this.cursor,
                            (int) Math.min(PAGE, this.sink.requestedFromDownstream()));
                    if (changes.isEmpty()) {
                        return;
                    }
                    Predicate<Change> shown = this.visible.apply(changes);
                    for (Change change : changes) {
                        this.cursor = change.sequence();
                        if (shown.test(change)) {
                            this.sink.next(change);
                        }
                    }
                }
            }
            catch (RuntimeException ex) {
                // The database is away, say: the stream stays open and reads again at the next wake or poll.
                log.debug("Reading the change feed after {} failed: {}", this.cursor, ex.toString());
            }
        }

    }

}
