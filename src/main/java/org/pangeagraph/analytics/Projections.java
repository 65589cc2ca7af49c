package org.pangeagraph.analytics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.pangeagraph.db.GraphVersion;
import org.pangeagraph.model.Visibility;
import org.springframework.stereotype.Component;

/**
 * Projections and what is computed from them, cached by graph version, visibility and date: a cached
 * answer is never older than the graph, because every write and import raises the version, and never
 * shows one caller what another may see, because the visibility is part of the key.
 */
@Component
class Projections {

    private final ProjectionReader reader;

    private final GraphVersion version;

    // Writes through the application and imports raise the graph version; the expiry is for writers
    // that bypass both (cypher-shell against the same database), whose changes show within it.
    private final Cache<Projection.Key, Projection> projections = Caffeine.newBuilder().maximumSize(16)
        .expireAfterWrite(Duration.ofMinutes(10)).build();

    private final Cache<List<Object>, Object> derived = Caffeine.newBuilder().maximumSize(256)
        .expireAfterWrite(Duration.ofMinutes(10)).build();

    Projections(ProjectionReader reader, GraphVersion version) {
        this.reader = reader;
        this.version = version;
    }

    Projection.Key key(Visibility visibility, LocalDate asOf) {
        List<String> cases = visibility.all() ? List.of() : visibility.cases().stream().sorted().distinct().toList();
        return new Projection.Key(this.version.current(), visibility.all(), cases, asOf);
    }

    Projection projection(Projection.Key key) {
        return this.projections.get(key, k -> this.reader.read(new Visibility(k.seeAll(), k.cases()), k.asOf()));
    }

    /** Something computed from the projection of {@code key}, cached with it under {@code name} and {@code arguments}. */
    @SuppressWarnings("unchecked")
    <T> T derived(Projection.Key key, String name, List<Object> arguments, Function<Projection, T> compute) {
        List<Object> cacheKey = new java.util.ArrayList<>(List.of(key, name));
        cacheKey.addAll(arguments);
        return (T) this.derived.get(List.copyOf(cacheKey), k -> compute.apply(projection(key)));
    }

}
