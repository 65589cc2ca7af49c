package org.pangeagraph.tools.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.pangeagraph.tools.benchmark.Benchmark.Application;
import org.pangeagraph.tools.benchmark.Benchmark.Inputs;
import org.pangeagraph.tools.benchmark.Load.RequestFailed;

/**
 * Mixed reads and writes at concurrency 8 for a bounded time, over loopback only: lookups, nested
 * reads, sharedInfrastructure, neighbourhoods and renames of websites (each a write that raises the
 * graph version). The heap after a full collection is sampled up to ten times: flat means no leak.
 * Errors are counted by request and code, and the samples say how many had come by then. When the
 * requests were not measured before it, the soak starts after {@code warmUpSeconds} of its own mix,
 * not counted: a steady state, not a cold start, is what it is about.
 */
final class Soak {

    private Soak() {
    }

    static Map<String, Object> run(Application app, Inputs inputs, double seconds, double warmUpSeconds) throws Exception {
        if (warmUpSeconds > 0) {
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> threads = start(app, inputs, stop, new ConcurrentHashMap<>(), new AtomicLong(), new AtomicLong(),
                    new AtomicLong());
            Thread.sleep((long) (warmUpSeconds * 1000));
            stop.set(true);
            for (Thread thread : threads) {
                thread.join();
            }
        }
        AtomicBoolean stop = new AtomicBoolean();
        Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        AtomicLong requests = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong writes = new AtomicLong();
        List<Thread> threads = start(app, inputs, stop, errors, requests, failed, writes);
        List<Map<String, Object>> heap = new ArrayList<>();
        long started = System.nanoTime();
        // A sample forces a full collection and takes seconds: one every 30 s or so, at least two.
        int samples = Math.max(2, Math.min(10, (int) (seconds / 30)));
        for (int sample = 1; sample <= samples; sample++) {
            Thread.sleep((long) (seconds * 1000 / samples));
            heap.add(Map.of("seconds", (System.nanoTime() - started) / 1e9, "heapAfterGcMb", app.heapAfterGcMb(),
                    "requests", requests.get(), "errors", failed.get()));
        }
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        Map<String, Long> counted = new TreeMap<>();
        errors.forEach((code, n) -> counted.put(code, n.sum()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("warmUpSeconds", warmUpSeconds);
        result.put("seconds", (System.nanoTime() - started) / 1e9);
        result.put("requests", requests.get());
        result.put("writes", writes.get());
        result.put("errors", counted);
        result.put("heap", heap);
        return result;
    }

    /** Eight threads sending the mix until {@code stop}; errors counted as "request code". */
    private static List<Thread> start(Application app, Inputs inputs, AtomicBoolean stop, Map<String, LongAdder> errors,
            AtomicLong requests, AtomicLong failed, AtomicLong writes) {
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Random random = new Random(t);
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    int i = random.nextInt(inputs.domains().size());
                    double roll = random.nextDouble();
                    String name = roll < 0.35 ? "lookup" : roll < 0.55 ? "nested" : roll < 0.75 ? "sharedInfrastructure"
                            : roll < 0.9 ? "network" : "rename";
                    try {
                        if (roll < 0.35) {
                            app.api().data(Query.LOOKUP.document, Map.of("domain", inputs.domains().get(i)));
                        }
                        else if (roll < 0.55) {
                            app.api().data(Query.NESTED.document, Map.of("domain", inputs.domains().get(i)));
                        }
                        else if (roll < 0.75) {
                            app.api().data(Query.SHARED_INFRASTRUCTURE.document, Map.of("domain", inputs.domains().get(i)));
                        }
                        else if (roll < 0.9) {
                            app.api().data(Query.NETWORK.document, Map.of("id", inputs.ids().get(i)));
                        }
                        else {
                            app.api().data(Query.RENAME_WEBSITE, Map.of("domain", inputs.domains().get(i), "name",
                                    "Soak " + writes.incrementAndGet()));
                        }
                    }
                    catch (RequestFailed ex) {
                        errors.computeIfAbsent(name + " " + ex.getMessage(), k -> new LongAdder()).increment();
                        failed.incrementAndGet();
                    }
                    requests.incrementAndGet();
                }
            }, "soak-" + t);
            thread.start();
            threads.add(thread);
        }
        return threads;
    }

}
