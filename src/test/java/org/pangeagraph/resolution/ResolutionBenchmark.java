package org.pangeagraph.resolution;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.pangeagraph.model.NodeKind;

/**
 * Time and memory of the candidate index for 100,000 people (issue 19's measure, a benchmark, not a
 * test): the whole pass that a first query makes, the incremental pass of a thousand new people, the
 * heap the index holds, and precision and recall at the default threshold at that size. Run by hand:
 * {@code java -Xmx4g -cp target/classes:target/test-classes:<classpath> org.pangeagraph.resolution.ResolutionBenchmark [people] [seed]};
 * the figures are in docs/benchmarks.md.
 */
public final class ResolutionBenchmark {

    private ResolutionBenchmark() {
    }

    public static void main(String[] args) {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 19;
        // About 3.2 records per person generated: the original, one to three variants, a namesake for every fifth;
        // surnames made of syllables, as many as a real population has, first names of fifty.
        Variants variants = new Variants(seed).withManySurnames().people((int) Math.round(people / 3.2));
        List<Variants.Entity> records = variants.entities();
        int late = Math.min(1_000, records.size() / 10);
        List<Variants.Entity> first = records.subList(0, records.size() - late);
        List<Variants.Entity> last = records.subList(records.size() - late, records.size());

        long heapBefore = usedHeap();
        CandidateIndex index = new CandidateIndex(CandidateIndex.standardResolvers());
        // CPU time of this thread: the machine the figures were taken on was shared, its wall clock no measure.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (Variants.Entity e : first) {
            index.put(index.profile(e.id(), e.kind(), e.values(), null));
        }
        long whole = threads.getCurrentThreadCpuTime() - start;
        long wholeWall = System.nanoTime() - wall;
        long comparisons = index.comparisons();
        start = threads.getCurrentThreadCpuTime();
        for (Variants.Entity e : last) {
            index.put(index.profile(e.id(), e.kind(), e.values(), null));
        }
        long incremental = threads.getCurrentThreadCpuTime() - start;
        long heapAfter = usedHeap();

        Set<String> truth = variants.truePairs(NodeKind.PERSON);
        Set<String> proposed = new HashSet<>();
        int kept = 0;
        for (CandidateIndex.Candidate c : index.candidates(Set.of(NodeKind.PERSON))) {
            kept++;
            if (c.scored().score() >= CandidateQuery.DEFAULT_MIN_SCORE) {
                proposed.add(Variants.pairKey(c.a(), c.b()));
            }
        }
        long correct = proposed.stream().filter(truth::contains).count();
        System.out.printf(Locale.ROOT, "people: %d records (%d in the whole pass, %d after it)%n", records.size(), first.size(), late);
        System.out.printf(Locale.ROOT, "whole pass: %.1f s of CPU (%.1f s wall clock), %d pairs scored%n", whole / 1e9, wholeWall / 1e9,
                comparisons);
        System.out.printf(Locale.ROOT, "incremental pass of %d: %.1f ms of CPU (%.2f ms each), %d pairs scored%n", late, incremental / 1e6,
                incremental / 1e6 / late, index.comparisons() - comparisons);
        System.out.printf(Locale.ROOT, "heap held by the index: %.0f MB%n", (heapAfter - heapBefore) / 1e6);
        System.out.printf(Locale.ROOT, "pairs kept: %d; proposed at %.1f: %d; precision %.3f, recall %.3f%n", kept,
                CandidateQuery.DEFAULT_MIN_SCORE, proposed.size(), (double) correct / proposed.size(), (double) correct / truth.size());
        if (index.count(NodeKind.PERSON) == 0) {
            throw new IllegalStateException("nothing indexed");
        }
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

}
