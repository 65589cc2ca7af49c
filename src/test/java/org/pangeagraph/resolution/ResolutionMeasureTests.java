package org.pangeagraph.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pangeagraph.model.NodeKind;

/**
 * The measure of issue 19: candidates on generated people, companies and websites with known truth,
 * precision and recall at the default threshold ({@link CandidateQuery#DEFAULT_MIN_SCORE}). The figures
 * are printed and written in the README; the test holds them to the targets (recall and precision at
 * least 0.90 on people and websites) for seed 19 and for five other seeds.
 */
class ResolutionMeasureTests {

    /** Precision and recall of one kind. */
    record Measure(NodeKind kind, int truePairs, int proposed, int correct) {

        double precision() {
            return this.proposed == 0 ? 1 : (double) this.correct / this.proposed;
        }

        double recall() {
            return this.truePairs == 0 ? 1 : (double) this.correct / this.truePairs;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-8s true pairs %5d, proposed %5d, correct %5d: precision %.3f, recall %.3f",
                    this.kind, this.truePairs, this.proposed, this.correct, precision(), recall());
        }

    }

    static List<Measure> measure(long seed, int people, int companies, int websites, double threshold) {
        Variants variants = new Variants(seed).people(people).companies(companies).websites(websites);
        CandidateIndex index = new CandidateIndex(CandidateIndex.standardResolvers());
        for (Variants.Entity e : variants.entities()) {
            index.put(index.profile(e.id(), e.kind(), e.values(), null));
        }
        return EnumSet.of(NodeKind.PERSON, NodeKind.COMPANY, NodeKind.WEBSITE).stream().map(kind -> {
            Set<String> truth = variants.truePairs(kind);
            Set<String> proposed = new HashSet<>();
            index.candidates(Set.of(kind)).stream().filter(c -> c.scored().score() >= threshold)
                .forEach(c -> proposed.add(Variants.pairKey(c.a(), c.b())));
            int correct = (int) proposed.stream().filter(truth::contains).count();
            return new Measure(kind, truth.size(), proposed.size(), correct);
        }).toList();
    }

    @Test
    void peopleAndWebsitesReachTheTargetsAtTheDefaultThreshold() {
        for (long seed : new long[] { 19, 1, 2, 3, 4, 5 }) {
            List<Measure> measures = measure(seed, 1_000, 500, 1_000, CandidateQuery.DEFAULT_MIN_SCORE);
            measures.forEach(m -> System.out.println("seed " + seed + ": " + m));
            for (Measure m : measures) {
                if (m.kind() != NodeKind.COMPANY) {
                    assertThat(m.precision()).as("seed %d: %s", seed, m).isGreaterThanOrEqualTo(0.90);
                    assertThat(m.recall()).as("seed %d: %s", seed, m).isGreaterThanOrEqualTo(0.90);
                }
            }
        }
    }

}
