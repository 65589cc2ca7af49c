package org.pangeagraph.analytics;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.pangeagraph.projection.Projection;

/**
 * Betweenness centrality on the website-infrastructure graph: websites and the items at least two of
 * them share, an edge wherever a website reaches an item. Brandes' algorithm from a sample of source
 * vertices, scaled up by the sampling rate (Brandes and Pich, 2007); with at most {@link #SAMPLES}
 * vertices every vertex is a source and the result is exact. JGraphT's exact implementation costs
 * O(V·E), too slow for a million-node graph; this one costs O(SAMPLES·(V+E)). The sample is drawn
 * with a fixed seed, so the same graph always ranks the same way.
 */
final class Betweenness {

    static final int SAMPLES = 256;

    private Betweenness() {
    }

    /**
     * Normalised betweenness (0..1) of each item of {@code items}, in their order; websites are the
     * vertices {@code 0..websiteCount-1}, item {@code j} the vertex {@code websiteCount + j}.
     */
    static double[] ofItems(int websiteCount, List<Projection.Item> items) {
        int vertices = websiteCount + items.size();
        int[][] adjacency = adjacency(websiteCount, items);
        double[] score = new double[vertices];
        int[] sources = sources(vertices);
        int[] distance = new int[vertices];
        double[] paths = new double[vertices];
        double[] dependency = new double[vertices];
        int[] stack = new int[vertices];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int source : sources) {
            Arrays.fill(distance, -1);
            Arrays.fill(paths, 0);
            Arrays.fill(dependency, 0);
            int top = 0;
            distance[source] = 0;
            paths[source] = 1;
            queue.add(source);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                stack[top++] = v;
                for (int w : adjacency[v]) {
                    if (distance[w] < 0) {
                        distance[w] = distance[v] + 1;
                        queue.add(w);
                    }
                    if (distance[w] == distance[v] + 1) {
                        paths[w] += paths[v];
                    }
                }
            }
            while (top > 0) {
                int w = stack[--top];
                for (int v : adjacency[w]) {
                    if (distance[v] == distance[w] - 1) {
                        dependency[v] += paths[v] / paths[w] * (1 + dependency[w]);
                    }
                }
                if (w != source) {
                    score[w] += dependency[w];
                }
            }
        }
        double scale = (double) vertices / sources.length;
        // Undirected: every pair is counted from both ends; normalised by the pairs a vertex can be between.
        double normaliser = vertices > 2 ? (double) (vertices - 1) * (vertices - 2) : 1;
        double[] result = new double[items.size()];
        for (int j = 0; j < items.size(); j++) {
            result[j] = score[websiteCount + j] * scale / normaliser;
        }
        return result;
    }

    private static int[][] adjacency(int websiteCount, List<Projection.Item> items) {
        int[] degree = new int[websiteCount + items.size()];
        for (int j = 0; j < items.size(); j++) {
            for (int website : items.get(j).websites()) {
                degree[website]++;
                degree[websiteCount + j]++;
            }
        }
        int[][] adjacency = new int[degree.length][];
        for (int v = 0; v < degree.length; v++) {
            adjacency[v] = new int[degree[v]];
        }
        int[] filled = new int[degree.length];
        for (int j = 0; j < items.size(); j++) {
            int item = websiteCount + j;
            for (int website : items.get(j).websites()) {
                adjacency[website][filled[website]++] = item;
                adjacency[item][filled[item]++] = website;
            }
        }
        return adjacency;
    }

    private static int[] sources(int vertices) {
        if (vertices <= SAMPLES) {
            int[] all = new int[vertices];
            Arrays.setAll(all, i -> i);
            return all;
        }
        Random random = new Random(20091116L);
        int[] shuffled = new int[vertices];
        Arrays.setAll(shuffled, i -> i);
        for (int i = 0; i < SAMPLES; i++) {
            int j = i + random.nextInt(vertices - i);
            int t = shuffled[i];
            shuffled[i] = shuffled[j];
            shuffled[j] = t;
        }
        return Arrays.copyOf(shuffled, SAMPLES);
    }

}
