package org.pangeagraph.tools.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs one kind of request from {@code concurrency} threads, each taking the next input in turn:
 * first a warm-up whose timings are dropped, then the measured period.
 */
final class Load {

    private Load() {
    }

    /** One request: returns normally, or throws with the error code as the message. */
    @FunctionalInterface
    interface Request {

        void send(int input) throws Exception;

    }

    /** Latency percentiles in milliseconds, throughput in requests per second, errors by code. */
    record Stats(int concurrency, long requests, double p50, double p95, double p99, double throughput, Map<String, Long> errors) {

        static Stats of(int concurrency, long[] nanos, double seconds, Map<String, Long> errors) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Stats(concurrency, sorted.length, percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99),
                    sorted.length / seconds, new TreeMap<>(errors));
        }

        private static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }

    }

    /** Sends requests for {@code seconds}, timing nothing: a warm-up. */
    static void warm(int concurrency, int inputs, double seconds, Request request) throws InterruptedException {
        runFor(concurrency, inputs, seconds, request, new AtomicInteger(), new ConcurrentHashMap<>(), null);
    }

    static Stats run(int concurrency, int inputs, double warmUpSeconds, double measureSeconds, Request request)
            throws InterruptedException {
        runFor(concurrency, inputs, warmUpSeconds, request, new AtomicInteger(), new ConcurrentHashMap<>(), null);
        List<long[]> perThread = new ArrayList<>();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        runFor(concurrency, inputs, measureSeconds, request, new AtomicInteger(), errors, perThread);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).toArray();
        Map<String, Long> counted = new TreeMap<>();
        errors.forEach((code, n) -> counted.put(code, n.sum()));
        return Stats.of(concurrency, all, elapsed, counted);
    }

    /** Runs {@code count} requests one after another, for work too slow to run for a fixed time (a cold criminalNetworks). */
    static Stats repeat(int count, Request request) {
        long[] nanos = new long[count];
        Map<String, Long> errors = new TreeMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            try {
                request.send(i);
            }
            catch (Exception ex) {
                errors.merge(code(ex), 1L, Long::sum);
            }
            nanos[i] = System.nanoTime() - t0;
        }
        return Stats.of(1, nanos, (System.nanoTime() - started) / 1e9, errors);
    }

    private static void runFor(int concurrency, int inputs, double seconds, Request request, AtomicInteger next,
            Map<String, LongAdder> errors, List<long[]> results) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        List<long[]> collected = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> {
                long[] nanos = new long[1024];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    try {
                        request.send(Math.floorMod(next.getAndIncrement(), inputs));
                    }
                    catch (Exception ex) {
                        errors.computeIfAbsent(code(ex), k -> new LongAdder()).increment();
                    }
                    if (n == nanos.length) {
                        nanos = Arrays.copyOf(nanos, n * 2);
                    }
                    nanos[n++] = System.nanoTime() - t0;
                }
                collected.add(Arrays.copyOf(nanos, n));
            }, "load-" + t);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (results != null) {
            results.addAll(collected);
        }
    }

    private static String code(Exception ex) {
        return ex instanceof RequestFailed failed ? failed.getMessage() : ex.getClass().getSimpleName();
    }

    /** A request that failed with a code: a GraphQL error code, an HTTP status, a Neo4j status code. */
    static final class RequestFailed extends Exception {

        RequestFailed(String code) {
            super(code, null, false, false);
        }

    }

}
