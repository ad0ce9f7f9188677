package io.newswatch.alerts.delivery.internal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A one-way "shut down now" flag that also cuts short every wait: {@link #pause} returns as soon as
 * {@link #stop()} is called, so a service blocked between two delivery attempts stops in milliseconds rather than
 * at the end of a 30 s backoff.
 */
public final class StopSignal implements RetryingDelivery.Pause {
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Raises the flag and wakes every pause. Idempotent. */
    public void stop() {
        stopped.countDown();
    }

    /** Whether {@link #stop()} was called. */
    public boolean isStopped() {
        return stopped.getCount() == 0;
    }

    /**
     * Waits up to {@code wait}.
     *
     * @return true when the full wait passed, false when stopped (or the thread interrupted, whose flag stays set)
     */
    @Override
    public boolean pause(Duration wait) {
        try {
            return !stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
