package org.pangeagraph.resolution;

import java.util.ArrayList;
import java.util.List;

/**
 * A pair's score and the features it comes from. The score is the logistic of a prior and the
 * features' weights (log-odds, in the manner of Fellegi and Sunter), so each feature's part in it can
 * be read off; a key collision (two keys equal in normal form) is certain and scores 1.
 *
 * @param score from 0 to 1
 * @param prior the log-odds before any feature, for the kind
 * @param features the evidence, in the order it was weighed
 */
public record Scored(double score, double prior, List<Feature> features) {

    /** The feature of a key collision, which makes the score 1. */
    static final String KEY_COLLISION = "KEY_COLLISION";

    public Scored {
        features = List.copyOf(features);
    }

    /** The score of {@code features} after {@code prior}. */
    static Scored of(double prior, List<Feature> features) {
        if (features.stream().anyMatch(f -> f.name().equals(KEY_COLLISION))) {
            return new Scored(1.0, prior, features);
        }
        double logOdds = prior + features.stream().mapToDouble(Feature::weight).sum();
        return new Scored(1.0 / (1.0 + Math.exp(-logOdds)), prior, features);
    }

    /** The same pair with more evidence weighed in. */
    Scored with(List<Feature> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Feature> all = new ArrayList<>(this.features);
        all.addAll(more);
        return of(this.prior, all);
    }

    /** The names of the features that speak for the pair, in order. */
    List<String> matchKey() {
        return this.features.stream().filter(Feature::matched).map(Feature::name).distinct().toList();
    }

}
