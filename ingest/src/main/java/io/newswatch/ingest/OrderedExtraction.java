package io.newswatch.ingest;

import io.newswatch.ingest.source.Source;
import io.newswatch.ingest.source.SourceEntry;
import io.newswatch.model.Article;
import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Extracts stored pages on a pool of threads while the caller reads the archive, and hands the results back in
 * the order the pages were added, so whoever publishes them sends exactly what, and in exactly the order, a
 * one-thread pass would.
 *
 * <p>Memory stays bounded: at most {@code maxPages} pages, and at most {@code maxBytes} bytes of page bodies
 * (always at least one page), are in flight; {@link #full()} tells the caller to take the head first. A page
 * whose identity was handled before is not extracted: its slot completes at once with
 * {@link Pending#alreadyHandled()} set.
 *
 * <p>Used by one thread, the reader's; the extraction threads only run {@link EntryProcessor#extractStored}.
 * Failure behaviour: an extraction that throws (the extractor is not meant to) is rethrown by {@link #takeHead()}
 * as it was thrown, so the run fails as a one-thread pass would. {@link #close()} stops the threads without
 * waiting for the pages in flight, whose results are dropped.
 */
final class OrderedExtraction implements AutoCloseable {
    /** Pages in flight per extraction thread: enough that a thread finds work while the head is published. */
    static final int PAGES_PER_THREAD = 4;
    /** Page bytes in flight at most; a parsed page holds several times its bytes while it is extracted. */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    /** One page's place in the line: its extraction, done at once when the page was already handled. */
    private record Pending(SourceEntry.StoredPage page, Future<Article> article, boolean alreadyHandled) {
    }

    /** A page whose extraction ended: its article, or null when it held none or was already handled. */
    record Done(SourceEntry.StoredPage page, Article article, boolean alreadyHandled) {
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final EntryProcessor entries;
    private final Source source;
    private final ExecutorService pool;
    private final int maxPages;
    private final long maxBytes;
    private final ArrayDeque<Pending> line = new ArrayDeque<>();
    private long bytesInFlight;

    /**
     * @param threads  extraction threads, at least 1
     * @param maxPages pages in flight at most, at least 1
     * @param maxBytes page bytes in flight at most (one page is always let through)
     */
    OrderedExtraction(EntryProcessor entries, Source source, int threads, int maxPages, long maxBytes) {
        if (threads < 1 || maxPages < 1) {
            throw new IllegalArgumentException("threads and maxPages must be at least 1: " + threads + ", "
                    + maxPages);
        }
        this.entries = entries;
        this.source = source;
        this.maxPages = maxPages;
        this.maxBytes = maxBytes;
        this.pool = Executors.newFixedThreadPool(threads, daemonThreads(source.id()));
    }

    private static ThreadFactory daemonThreads(String sourceId) {
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "newswatch-backfill-" + pool + "-extract-" + n.incrementAndGet() + "-"
                    + sourceId);
            t.setDaemon(true);
            return t;
        };
    }

    /** Whether the caller must {@link #takeHead()} before adding another page. */
    boolean full() {
        return !line.isEmpty() && (line.size() >= maxPages || bytesInFlight >= maxBytes);
    }

    boolean isEmpty() {
        return line.isEmpty();
    }

    /** Whether the head's result is ready, so {@link #takeHead()} will not wait. */
    boolean headReady() {
        Pending head = line.peekFirst();
        return head != null && head.article().isDone();
    }

    /**
     * Puts a page at the end of the line and starts its extraction, unless its identity was handled before.
     *
     * @throws IllegalStateException when the line is {@link #full()}
     */
    void add(SourceEntry.StoredPage page) {
        if (full()) {
            throw new IllegalStateException("the extraction line is full: take its head first");
        }
        if (!entries.claimStored(page)) {
            line.addLast(new Pending(page, CompletableFuture.completedFuture(null), true));
            return;
        }
        line.addLast(new Pending(page, pool.submit(() -> entries.extractStored(source, page)), false));
        bytesInFlight += page.body().length;
    }

    /**
     * Waits for the oldest page's extraction and takes it off the line.
     *
     * @throws InterruptedException   when the waiting thread is interrupted (the page stays in the line)
     * @throws IllegalStateException  when the line is empty
     */
    Done takeHead() throws InterruptedException {
        Pending head = line.peekFirst();
        if (head == null) {
            throw new IllegalStateException("the extraction line is empty");
        }
        Article article;
        try {
            article = head.article().get();
        } catch (ExecutionException e) {
            line.removeFirst();
            release(head);
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("extraction of " + head.page().url() + " failed", e.getCause());
        } catch (CancellationException e) {
            line.removeFirst();
            release(head);
            throw new IllegalStateException("extraction of " + head.page().url() + " was cancelled", e);
        }
        line.removeFirst();
        release(head);
        return new Done(head.page(), article, head.alreadyHandled());
    }

    private void release(Pending p) {
        if (!p.alreadyHandled()) {
            bytesInFlight -= p.page().body().length;
        }
    }

    /** Stops the extraction threads; pages still in the line are dropped. */
    @Override
    public void close() {
        for (Pending p : line) {
            p.article().cancel(false);
        }
        line.clear();
        bytesInFlight = 0;
        pool.shutdownNow();
    }
}
