package io.newswatch.ingest.fetch.internal;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Politeness per host: at most one request in flight to a host, and a minimum pause between the end of one
 * request and the start of the next. Waiting ends early when the gate is closed, so shutting down never waits out
 * a long crawl delay.
 */
public final class HostGate {
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private static final class Slot {
        final Semaphore busy = new Semaphore(1, true);
        volatile long nextAllowedNanos = System.nanoTime();
    }

    /** Thrown when the gate closes while a caller waits. */
    public static final class ClosedException extends Exception {
        private static final long serialVersionUID = 1L;

        ClosedException() {
            super("fetcher is closed");
        }
    }

    /**
     * Waits until this caller may send a request to the host, then holds the host until {@link #release}.
     *
     * @throws ClosedException      when the gate closes meanwhile
     * @throws InterruptedException when the thread is interrupted
     */
    public void acquire(String host) throws ClosedException, InterruptedException {
        Slot slot = slots.computeIfAbsent(host, h -> new Slot());
        while (!slot.busy.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            if (closed.getCount() == 0) {
                throw new ClosedException();
            }
        }
        long wait = slot.nextAllowedNanos - System.nanoTime();
        if (wait > 0 && closed.await(wait, TimeUnit.NANOSECONDS)) {
            slot.busy.release();
            throw new ClosedException();
        }
        if (closed.getCount() == 0) {
            slot.busy.release();
            throw new ClosedException();
        }
    }

    /** Ends the caller's request to the host; the next one may start after {@code delay}. */
    public void release(String host, Duration delay) {
        Slot slot = slots.get(host);
        slot.nextAllowedNanos = System.nanoTime() + delay.toNanos();
        slot.busy.release();
    }

    /** Wakes every waiter with a {@link ClosedException}. */
    public void close() {
        closed.countDown();
    }

    /** True once {@link #close} was called. */
    public boolean isClosed() {
        return closed.getCount() == 0;
    }
}
