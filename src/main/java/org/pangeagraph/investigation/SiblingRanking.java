package org.pangeagraph.investigation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.IntToDoubleFunction;

import org.pangeagraph.investigation.SharedInfrastructureQuery.Reached;

/**
 * Which websites share the most with the one asked about: each other website's score is the sum of
 * the weights of the items it shares, and the best are kept by score, then domain.
 */
final class SiblingRanking {

    private SiblingRanking() {
    }

    /**
     * How many websites may reach an item before it counts as common in {@link #rank}: a candidate sharing
     * only common items is scored only when it could be among the best.
     */
    static final int COMMON = 500;

    /** A candidate sibling while scores are summed. */
    static final class Score {

        final String id;

        final double score;

        final List<Reached> shared = new ArrayList<>();

        Score(String id, double score) {
            this.id = id;
            this.score = score;
        }

    }

    /**
     * Sums each other website's weights, and keeps the best {@code first} by score, then domain, with the
     * items each shares. Items reached by more than {@link #COMMON} websites (a national courier, a big
     * host) weigh little but would have every candidate touched: they are first left out, the best
     * candidates among those sharing a rarer item found and given the common items' weights too. That is
     * the answer if a candidate sharing only common items cannot score as high: if the common items'
     * weights together stay below the worst kept score, or below {@code minScore}. Else every candidate is
     * scored ({@link #rankAll}).
     */
    static List<Score> rank(int self, List<Reached> reached, Candidates candidates, long n, Double minScore,
            int first) {
        return rank(self, reached, candidates, n, minScore, first, COMMON);
    }

    /** {@link #rank} with items reached by more than {@code commonAbove} websites counted as common. */
    static List<Score> rank(int self, List<Reached> reached, Candidates candidates, long n, Double minScore,
            int first, int commonAbove) {
        List<Reached> rare = new ArrayList<>();
        List<Reached> common = new ArrayList<>();
        double commonWeight = 0;
        for (Reached item : reached) {
            if (item.servers().length > commonAbove) {
                common.add(item);
                commonWeight += item.weight(n);
            }
            else {
                rare.add(item);
            }
        }
        // Summed in one order, rarer items first, whichever way a score is reached: the same candidates
        // then have the same scores to the last bit, and so the same order.
        List<Reached> ordered = new ArrayList<>(rare);
        ordered.addAll(common);
        if (common.isEmpty()) {
            return rankAll(self, ordered, candidates, n, minScore, first);
        }
        Map<Integer, double[]> scores = new HashMap<>();
        for (Reached item : rare) {
            double weight = item.weight(n);
            for (int other : item.servers()) {
                if (other != self) {
                    scores.computeIfAbsent(other, o -> new double[1])[0] += weight;
                }
            }
        }
        // A candidate whose rarer items weigh less than the first-best of them do, by more than the common
        // items could add, cannot be among the best: only the others are given the common items' weights.
        // (With a margin for rounding: a candidate at the bound is kept, and its domain decides a tie.)
        double enough = nthLargest(scores.values(), first) - commonWeight - 1e-9;
        scores.values().removeIf(score -> score[0] < enough);
        for (Reached item : common) {
            double weight = item.weight(n);
            for (Map.Entry<Integer, double[]> candidate : scores.entrySet()) {
                if (Arrays.binarySearch(item.servers(), candidate.getKey()) >= 0) {
                    candidate.getValue()[0] += weight;
                }
            }
        }
        int[] touched = scores.keySet().stream().mapToInt(Integer::intValue).toArray();
        List<Integer> chosen = best(touched, touched.length, i -> scores.get(i)[0], candidates, minScore, first);
        double worstKept = chosen.isEmpty() ? Double.NEGATIVE_INFINITY : scores.get(chosen.get(chosen.size() - 1))[0];
        boolean noneLeftOut = (chosen.size() == first && worstKept > commonWeight) || (minScore != null && commonWeight < minScore);
        if (!noneLeftOut) {
            return rankAll(self, ordered, candidates, n, minScore, first);
        }
        List<Score> ranked = new ArrayList<>(chosen.size());
        for (int other : chosen) {
            Score score = new Score(candidates.id(other), scores.get(other)[0]);
            for (Reached item : ordered) {
                if (Arrays.binarySearch(item.servers(), other) >= 0) {
                    score.shared.add(item);
                }
            }
            ranked.add(score);
        }
        return ranked;
    }

    /**
     * Every other website's weights summed: scores in an array by candidate index, the best kept in a heap
     * of {@code first}, the shared items gathered for those only.
     */
    static List<Score> rankAll(int self, List<Reached> reached, Candidates candidates, long n, Double minScore,
            int first) {
        double[] score = new double[candidates.size()];
        boolean[] touched = new boolean[score.length];
        int[] order = new int[score.length];
        int count = 0;
        for (Reached item : reached) {
            double weight = item.weight(n);
            for (int other : item.servers()) {
                if (other == self) {
                    continue;
                }
                if (!touched[other]) {
                    touched[other] = true;
                    order[count++] = other;
                }
                score[other] += weight;
            }
        }
        List<Integer> chosen = best(order, count, i -> score[i], candidates, minScore, first);
        Score[] scores = new Score[score.length];
        List<Score> ranked = new ArrayList<>(chosen.size());
        for (int other : chosen) {
            scores[other] = new Score(candidates.id(other), score[other]);
            ranked.add(scores[other]);
        }
        for (Reached item : reached) {
            for (int other : item.servers()) {
                if (other != self && scores[other] != null) {
                    scores[other].shared.add(item);
                }
            }
        }
        return ranked;
    }

    /** The {@code n}th largest of {@code scores}, or minus infinity if there are fewer. */
    private static double nthLargest(Collection<double[]> scores, int n) {
        if (scores.size() < n || n <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        PriorityQueue<Double> largest = new PriorityQueue<>(n);
        for (double[] score : scores) {
            if (largest.size() < n) {
                largest.add(score[0]);
            }
            else if (score[0] > largest.peek()) {
                largest.poll();
                largest.add(score[0]);
            }
        }
        return largest.peek();
    }

    /** The best {@code first} of the first {@code count} of {@code touched} by score, then domain, at least {@code minScore}, best first. */
    private static List<Integer> best(int[] touched, int count, IntToDoubleFunction score, Candidates candidates,
            Double minScore, int first) {
        Comparator<Integer> best = Comparator.comparingDouble((Integer i) -> -score.applyAsDouble(i)).thenComparing(candidates::domain);
        PriorityQueue<Integer> kept = new PriorityQueue<>(best.reversed());
        for (int k = 0; k < count; k++) {
            int other = touched[k];
            // Most candidates score below the worst kept: no domain to compare for them.
            double mine = score.applyAsDouble(other);
            boolean below = kept.size() == first && mine < score.applyAsDouble(kept.peek());
            if (!below && (minScore == null || mine >= minScore)) {
                kept.add(other);
                if (kept.size() > first) {
                    kept.poll();
                }
            }
        }
        List<Integer> chosen = new ArrayList<>(kept);
        chosen.sort(best);
        return chosen;
    }

}
