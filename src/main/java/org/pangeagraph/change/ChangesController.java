package org.pangeagraph.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.pangeagraph.db.changes.Change;
import org.pangeagraph.model.Caller;
import org.pangeagraph.model.InvalidInputException;
import org.pangeagraph.model.LimitExceededException;
import org.pangeagraph.model.Visibility;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * The change feed over the API: {@code changesSince} for clients that poll, {@code graphChanges} for
 * those that subscribe (replay from a sequence, then follow). Each reader sees only changes of facts
 * they may see, with their own case numbers, and neither reads the changes of facts put since in a case
 * the reader is not in ({@link HiddenSince}).
 */
@Controller
class ChangesController {

    static final int MAX_FIRST = 1000;

    /** How many changes one page may pass over (changes the reader may not see) before it answers. */
    static final int SCAN_FACTOR = 10;

    private final ChangeFeed feed;

    private final Followers followers;

    private final SubscriptionLimits limits;

    private final HiddenSince hiddenSince;

    ChangesController(ChangeFeed feed, Followers followers, SubscriptionLimits limits, HiddenSince hiddenSince) {
        this.feed = feed;
        this.followers = followers;
        this.limits = limits;
        this.hiddenSince = hiddenSince;
    }

    /** A page of the feed as one reader sees it. */
    record ChangePage(List<ChangeView> changes, long lastSequence, boolean hasMore) {
    }

    @QueryMapping
    ChangePage changesSince(@Argument long sequence, @Argument int first, @ContextValue Caller caller) {
        LimitExceededException.bounded("first", first, MAX_FIRST);
        requireKept("sequence", sequence);
        Visibility visibility = caller.visibility();
        List<ChangeView> page = new ArrayList<>();
        long cursor = sequence;
        long lastShown = sequence;
        int scanned = 0;
        while (page.size() < first && scanned < first * SCAN_FACTOR) {
            List<Change> changes = this.feed.after(cursor, Math.min(first * SCAN_FACTOR - scanned, 500));
            if (changes.isEmpty()) {
                return new ChangePage(page, lastShown, false);
            }
            Predicate<Change> shown = shownOf(changes, visibility);
            for (Change change : changes) {
                cursor = change.sequence();
                scanned++;
                if (shown.test(change)) {
                    page.add(ChangeView.of(change, visibility));
                    lastShown = cursor;
                    if (page.size() == first) {
                        break;
                    }
                }
            }
        }
        // A full page may have more after it; a page cut by the changes passed over goes on from the last of them.
        return page.size() == first ? new ChangePage(page, lastShown, true) : new ChangePage(page, cursor, true);
    }

    @SubscriptionMapping
    Flux<ChangeView> graphChanges(@Argument Long sinceSequence, @ContextValue Caller caller) {
        long since = sinceSequence != null ? sinceSequence : this.feed.head();
        requireKept("sinceSequence", since);
        Visibility visibility = caller.visibility();
        return this.limits.counted(caller.name(),
                this.followers.after(since, page -> shownOf(page, visibility)).map(change -> ChangeView.of(change, visibility)));
    }

    /** Which changes of a page read from the feed the reader is told of: those {@link Change#shownTo shown}, of facts not hidden since. */
    private Predicate<Change> shownOf(List<Change> page, Visibility reader) {
        Set<String> hidden = this.hiddenSince.of(page.stream().filter(c -> c.shownTo(reader)).toList(), reader);
        return change -> change.shownTo(reader) && HiddenSince.shows(change, hidden);
    }

    /**
     * Refuses to start after a sequence the feed has not reached, or whose successors are no longer kept:
     * the client would wait for changes numbered otherwise, or miss them unknowing.
     */
    private void requireKept(String field, long sequence) {
        if (sequence < 0) {
            throw new InvalidInputException(field, "must be 0 or more");
        }
        long head = this.feed.head();
        if (sequence > head) {
            // A sequence the feed has not reached: a store restored from an older backup, or a typing error.
            // Answered as it is, the client would wait for ever for changes that already have other numbers.
            throw new InvalidInputException(field, "is " + sequence + ", but the newest change is " + head
                    + "; follow from " + head + " or less");
        }
        long oldest = this.feed.oldest();
        if (sequence + 1 < oldest) {
            throw new InvalidInputException(field, "is " + sequence + ", but the changes before " + oldest
                    + " are no longer kept (pangea.changes.retention); read the graph again and follow from " + (oldest - 1));
        }
    }

}
