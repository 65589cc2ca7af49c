package org.pangeagraph.resolution;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.pangeagraph.model.NodeKind;

/**
 * How entities of one kind are blocked and scored: the stored properties read, their prepared form,
 * the blocking keys (two entities are compared only when they share one), and the score of a pair
 * with its features.
 *
 * @param <P> the prepared form of an entity's values
 */
abstract class KindResolver<P> {

    abstract NodeKind kind();

    /** The stored properties the scorer reads, beside the key. */
    abstract List<String> properties();

    /** The log-odds of a pair before any feature: how likely two entities sharing a blocking key are one. */
    abstract double prior();

    abstract P prepare(Map<String, Object> values);

    /** The keys of the blocks the entity belongs in. */
    abstract Set<String> blockingKeys(P entity);

    /** The features of a pair compared on their values. */
    abstract List<Feature> features(P a, P b);

    @SuppressWarnings("unchecked")
    final Set<String> blockingKeys(Profile profile) {
        return blockingKeys((P) profile.prepared);
    }

    @SuppressWarnings("unchecked")
    final List<Feature> features(Profile a, Profile b) {
        return features((P) a.prepared, (P) b.prepared);
    }

}
