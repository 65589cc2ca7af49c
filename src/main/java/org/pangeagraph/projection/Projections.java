package org.pangeagraph.projection;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.pangeagraph.db.BackgroundThreads;
import org.pangeagraph.db.GraphVersion;
import org.pangeagraph.model.Visibility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Projections and what is computed from them, cached by graph version, visibility and date: a cached
 * answer is never older than the graph, because every write and import raises the version, and never
 * shows one caller what another may see, because the visibility is part of the key.
 *
 * <p>{@link #projection} waits for the projection of the graph as it is. {@link #recent} does not: it
 * answers with the newest projection of the same question (same visibility and date, same epoch) still
 * cached (at most {@link #EXPIRY} old) and has the current one built in the background once that one is over
 * {@link #REFRESH} old, for uses that tolerate a few seconds' lag, such as the rarity counts behind
 * shared-infrastructure scores. Without any, such uses count in the database, which at a million
 * nodes takes seconds for an item like a national courier: so a projection from before a quiet spell
 * is still answered with while its successor is built.
 *
 * <p>Under a steady flow of writes every request sees a new graph version. The background builds are
 * therefore coalesced: one at a time per question, and none while the newest projection of the
 * question is younger than {@link #REFRESH} or four times what reading it took; reading a
 * million-node graph takes seconds, and one build queued per write would keep a core busy and the
 * queue growing. Once a projection is built, older
 * versions of the same question are dropped: nothing asks for them again, and at a million nodes each
 * holds tens of megabytes. So are the results computed from them, once the same computation has been
 * done on a later version.
 */
@Component
public class Projections {

    /**
     * How long projections and what is computed from them are kept, and so how old a projection
     * {@link #recent} may answer with. Writes through the application and imports raise the graph
     * version; the expiry is for writers that bypass both (cypher-shell against the same database),
     * whose changes show within it.
     */
    static final Duration EXPIRY = Duration.ofMinutes(10);

    /**
     * How old the newest projection of a question may be before {@link #recent} has a newer one built,
     * at least; and at least {@link #REBUILDS_APART} times as old as reading it took, so that background
     * builds take at most a fifth of one core: at a million nodes a build takes seconds, and under a
     * steady flow of writes one would otherwise follow another.
     */
    static final Duration REFRESH = Duration.ofSeconds(10);

    static final long REBUILDS_APART = 4;

    private static final Logger log = LoggerFactory.getLogger(Projections.class);

    private final ProjectionReader reader;

    private final GraphVersion version;

    private final Cache<Projection.Key, Built> projections = Caffeine.newBuilder().maximumSize(16)
        .expireAfterWrite(EXPIRY).build();

    private final Cache<List<Object>, Object> derived = Caffeine.newBuilder().maximumSize(256)
        .expireAfterWrite(EXPIRY).build();

    private final Map<Projection.Key, CompletableFuture<Built>> building = new ConcurrentHashMap<>();

    private final ExecutorService background = Executors.newSingleThreadExecutor(BackgroundThreads.named("projection-refresh"));

    Projections(ProjectionReader reader, GraphVersion version) {
        this.reader = reader;
        this.version = version;
    }

    /** A projection, when it was finished and how long reading it took, in nanoseconds. */
    private record Built(Projection projection, long builtAt, long took) {

        /** How old it may grow before a newer one is built: {@link #REFRESH}, or four builds. */
        long refreshAfter() {
            return Math.max(REFRESH.toNanos(), REBUILDS_APART * this.took);
        }

    }

    /** The key of the caller's question on the graph as it is now. */
    public Projection.Key key(Visibility visibility, LocalDate asOf) {
        List<String> cases = visibility.all() ? List.of() : visibility.cases().stream().sorted().distinct().toList();
        return new Projection.Key(this.version.current(), visibility.all(), cases, asOf);
    }

    /** The projection of {@code key}, read now if it is not cached. */
    public Projection projection(Projection.Key key) {
        Built cached = this.projections.getIfPresent(key);
        return cached != null ? cached.projection() : build(key).projection();
    }

    /**
     * The projection of {@code key} if cached, else the newest of the same question still cached, while
     * the current one is built in the background once that one is due; empty if there is none.
     */
    public Optional<Projection> recent(Projection.Key key) {
        Built exact = this.projections.getIfPresent(key);
        if (exact != null) {
            return Optional.of(exact.projection());
        }
        Optional<Built> newest = this.projections.asMap().entrySet().stream()
            .filter(e -> e.getKey().sameQuestionAndEpoch(key))
            .map(Map.Entry::getValue)
            .max((a, b) -> Long.compare(a.builtAt(), b.builtAt()));
        if (newest.isEmpty() || System.nanoTime() - newest.get().builtAt() >= newest.get().refreshAfter()) {
            buildInBackground(key);
        }
        return newest.map(Built::projection);
    }

    /** Something computed from the projection of {@code key}, cached with it under {@code name} and {@code arguments}. */
    @SuppressWarnings("unchecked")
    public <T> T derived(Projection.Key key, String name, List<Object> arguments, Function<Projection, T> compute) {
        List<Object> cacheKey = new ArrayList<>(List.of(key, name));
        cacheKey.addAll(arguments);
        List<Object> fullKey = List.copyOf(cacheKey);
        Object cached = this.derived.getIfPresent(fullKey);
        if (cached != null) {
            return (T) cached;
        }
        T value = (T) this.derived.get(fullKey, k -> compute.apply(projection(key)));
        // The same computation on earlier versions of the graph is never asked for again.
        List<Object> rest = fullKey.subList(1, fullKey.size());
        this.derived.asMap().keySet().removeIf(k -> k.get(0) instanceof Projection.Key other && other.earlierThan(key)
                && k.subList(1, k.size()).equals(rest));
        return value;
    }

    /**
     * The projection of {@code key} with each SAME_AS cluster of {@code clusters} (read for the same graph
     * version and visibility) counted as one entity, cached with it: for {@code resolve: true}.
     */
    public Projection resolved(Projection.Key key, SameAsClusters.Clusters clusters) {
        return derived(key, "resolved", List.of(), p -> p.resolved(clusters));
    }

    /** Builds {@code key}'s projection on the background thread, unless one of the same question is being built. */
    private void buildInBackground(Projection.Key key) {
        Projection.Key question = key.question();
        this.building.computeIfAbsent(question, q -> CompletableFuture.supplyAsync(() -> {
            try {
                return build(key);
            }
            finally {
                this.building.remove(q);
            }
        }, this.background).exceptionally(ex -> {
            log.warn("Building the projection in the background failed: {}", ex.getMessage());
            return null;
        }));
    }

    /**
     * The projection of {@code key}, read unless another thread has just done so; then the projections
     * of its question on earlier versions of the graph are dropped (by version, not by when they were
     * built: a request that read the version before a write may finish its build after a later one's).
     */
    private Built build(Projection.Key key) {
        Built built = this.projections.get(key, this::read);
        this.projections.asMap().keySet().removeIf(k -> k.earlierThan(key));
        return built;
    }

    /** The graph versions of {@code key}'s question held now. */
    List<String> cachedVersions(Projection.Key key) {
        return this.projections.asMap().keySet().stream().filter(k -> k.sameQuestion(key)).map(Projection.Key::graphVersion)
            .sorted().toList();
    }

    /** Whether a projection of {@code key}'s question is being built in the background. */
    boolean building(Projection.Key key) {
        return this.building.containsKey(key.question());
    }

    private Built read(Projection.Key key) {
        long start = System.nanoTime();
        Projection projection = this.reader.read(new Visibility(key.seeAll(), key.cases()), key.asOf());
        long end = System.nanoTime();
        return new Built(projection, end, end - start);
    }

}
