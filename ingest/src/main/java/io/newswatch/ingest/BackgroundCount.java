package io.newswatch.ingest;

import io.newswatch.ingest.source.Source;
import io.newswatch.ingest.source.SourceEntry;
import io.newswatch.ingest.source.SourceReadException;
import io.newswatch.ingest.source.SourceReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts a source's stored pages in range on a thread of its own, while the backfill already processes them.
 *
 * <p>Why: counting an archive means reading it whole, and a gzipped WARC cannot be read without inflating every
 * record; done before the processing, that is one core busy and the others idle for a tenth of the run. Done beside
 * it, the count costs its CPU time only, and the total is known a little into the run instead of before it.
 *
 * <p>Failure behaviour: a source that cannot be read stops the count where it was, logged at DEBUG; the
 * processing, which reads the same source, reports the failure. {@link #stop()} ends the count at the next entry.
 */
final class BackgroundCount implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundCount.class);

    private final Source source;
    private final SourceReader reader;
    private final Thread thread;
    private volatile int found;
    private volatile boolean finished;
    private volatile boolean stop;

    private BackgroundCount(Source source, SourceReader reader) {
        this.source = source;
        this.reader = reader;
        this.thread = new Thread(this, "newswatch-backfill-count-" + source.id());
        thread.setDaemon(true);
    }

    /** Starts counting the source's stored pages that the source admits (patterns and range). */
    static BackgroundCount start(Source source, SourceReader reader) {
        BackgroundCount count = new BackgroundCount(source, reader);
        count.thread.start();
        return count;
    }

    @Override
    public void run() {
        try {
            reader.read(source, entry -> {
                if (stop) {
                    return false;
                }
                if (entry instanceof SourceEntry.StoredPage && source.admits(entry)) {
                    found++; // only this thread writes it
                }
                return true;
            });
            finished = !stop;
        } catch (SourceReadException | RuntimeException e) {
            LOG.debug("counting {} stopped: {}", source.id(), e.toString());
        }
    }

    /** Stored pages in range found so far. */
    int found() {
        return found;
    }

    /** Whether the whole source was read, so {@link #found()} is the total. */
    boolean finished() {
        return finished;
    }

    /**
     * Waits for the count to end (the processing has read the whole source, so it ends soon).
     *
     * @return whether it finished; false when it failed or the wait was interrupted
     */
    boolean await() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return finished;
    }

    /** Ends the count at its next entry. */
    void stop() {
        stop = true;
    }
}
