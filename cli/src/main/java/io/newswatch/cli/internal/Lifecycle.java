package io.newswatch.cli.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes what a long-running command opened, in reverse order, exactly once: on Ctrl-C (a JVM shutdown hook),
 * when the command ends normally, or when it fails. A failure while closing one part is logged on one line and
 * does not stop the others from closing.
 */
public final class Lifecycle implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook = new Thread(this::closeFromHook, "newswatch-shutdown");
    private boolean closed;

    public Lifecycle() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Registers a part to close; returns it for chaining. */
    public synchronized <T extends AutoCloseable> T add(T part) {
        if (closed) {
            throw new IllegalStateException("already shutting down");
        }
        parts.push(part);
        return part;
    }

    /** Blocks until Ctrl-C (or {@link #close()} from another thread). */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    private void closeFromHook() {
        LOG.info("shutting down");
        closeParts();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: it closes the parts
        }
        closeParts();
    }

    private void closeParts() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        while (true) {
            AutoCloseable part;
            synchronized (this) {
                part = parts.poll();
            }
            if (part == null) {
                break;
            }
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("while closing {}: {}", part.getClass().getSimpleName(), ErrorReporting.oneLine(e));
            }
        }
        stopped.countDown();
    }
}
