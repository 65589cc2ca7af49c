package org.pangeagraph.db;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads on which the application works in the background, beside the requests: refreshing projections,
 * warming up, following the change feed, matching and sending alerts, flushing failed sign-ins. Each kind of
 * work gets daemon threads named after it ({@code change-feed-1}, ...), and every name is kept here, so that
 * what runs in the background can be told apart from what a request or a command runs, by the thread or by
 * the thread name a log line carries.
 */
public final class BackgroundThreads {

    private static final Set<String> NAMES = ConcurrentHashMap.newKeySet();

    private BackgroundThreads() {
    }

    /** Daemon threads for this work, named {@code name-1}, {@code name-2}, ... */
    public static ThreadFactory named(String name) {
        NAMES.add(name);
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Starts {@code work} on a daemon thread of its own, named {@code name-1}, ... */
    public static Thread start(String name, Runnable work) {
        Thread thread = named(name).newThread(work);
        thread.start();
        return thread;
    }

    /** Whether the current thread works in the background. */
    public static boolean current() {
        return isBackground(Thread.currentThread().getName());
    }

    /** Whether the thread of this name works in the background. */
    public static boolean isBackground(String threadName) {
        int dash = threadName.lastIndexOf('-');
        return dash > 0 && NAMES.contains(threadName.substring(0, dash));
    }

}
