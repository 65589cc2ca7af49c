package org.pangeagraph.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for what the application does on its own threads (alerts raised, the feed followed), polled every 50 ms. */
public final class Await {

    private Await() {
    }

    /** Until {@code condition} holds; a failure naming {@code what} when it does not within {@code patience}. */
    public static void until(String what, Duration patience, BooleanSupplier condition) {
        long end = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what + ": not so within " + patience);
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }

}
