package io.newswatch.ingest;

import io.newswatch.ingest.fetch.FetchException;
import io.newswatch.ingest.fetch.PoliteFetcher;
import io.newswatch.ingest.publish.ArticlePublisher;
import io.newswatch.ingest.source.FeedSourceReader;
import io.newswatch.ingest.source.FolderSourceReader;
import io.newswatch.ingest.source.HtmlIndexSourceReader;
import io.newswatch.ingest.source.SitemapSourceReader;
import io.newswatch.ingest.source.Source;
import io.newswatch.ingest.source.SourceEntry;
import io.newswatch.ingest.source.SourceReadException;
import io.newswatch.ingest.source.SourceReader;
import io.newswatch.ingest.source.WarcSourceReader;
import io.newswatch.model.SourceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one source: read it with the reader of its type, hand every admitted entry to the
 * {@link EntryProcessor}, and record the outcome in the source's {@link SourceState} (health, schedule, counters),
 * in one INFO line, and in a {@link SourceStatus} for the status listeners. See {@link IngestService} for the rules.
 *
 * <p>Entries whose page failed transiently wait in the source's {@link PageRetries} queue; those due are retried
 * at the start of each poll, before the source is read, so a source that answers 304 Not Modified cannot hide them.
 *
 * <p>Failure behaviour: a source that cannot be read is a WARN line and a failed poll (with the server's
 * Retry-After, if any); a poll cut short by a shutdown or a hand-over (the thread interrupted) is not counted as a
 * verdict on the source. Unexpected exceptions are recorded as a failed poll and rethrown.
 */
final class SourcePoller {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final Map<String, SourceReader> readers;
    private final EntryProcessor entries;
    private final ArticlePublisher publisher;
    private final BooleanSupplier stopping;
    private final String instance;
    private final List<Consumer<SourceStatus>> statusListeners;
    private final Clock clock;

    /**
     * @param stopping        true once the service is shutting down
     * @param statusListeners told each source's status after each poll (a live list: listeners added later count)
     * @param clock           the time that decides when a failed page is due for its retry
     */
    SourcePoller(Map<String, SourceReader> readers, EntryProcessor entries, ArticlePublisher publisher,
                 BooleanSupplier stopping, String instance, List<Consumer<SourceStatus>> statusListeners,
                 Clock clock) {
        this.clock = clock;
        this.readers = readers;
        this.entries = entries;
        this.publisher = publisher;
        this.stopping = stopping;
        this.instance = instance;
        this.statusListeners = statusListeners;
    }

    /** One reader per source type, sharing the fetcher. */
    static Map<String, SourceReader> readers(PoliteFetcher fetcher) {
        SourceReader feeds = new FeedSourceReader(fetcher);
        Map<String, SourceReader> m = new HashMap<>();
        Source.FEED_TYPES.forEach(t -> m.put(t, feeds));
        m.put("sitemap", new SitemapSourceReader(fetcher));
        m.put("html-index", new HtmlIndexSourceReader(fetcher));
        m.put("warc", new WarcSourceReader());
        m.put("folder", new FolderSourceReader());
        return Map.copyOf(m);
    }

    private boolean cutShort() {
        return stopping.getAsBoolean() || Thread.currentThread().isInterrupted();
    }

    /** Polls the source once and records how it went. */
    IngestStats poll(SourceState state) {
        Source source = state.source();
        state.polls.incrementAndGet();
        IngestStats stats;
        try {
            stats = readSource(source, state);
        } catch (RuntimeException e) {
            state.pollFailures.incrementAndGet();
            state.failed(e.toString(), null, Instant.now());
            report(state);
            throw e;
        }
        if (cutShort()) {
            return stats; // interrupted by a shutdown or a hand-over: not a verdict on the source
        }
        if (stats.sourceFailures() == 0) {
            state.succeeded(stats.published() > 0, Instant.now());
        }
        publisher.flush();
        LOG.info("source {}: {}{} entries, {} published, {} unchanged, {} failed, {} waiting for a retry (totals: {} "
                        + "polls, {} not modified, {} failed polls, {} pages fetched, {} page failures, {} published, "
                        + "{} retried, {} given up)", source.id(),
                stats.sourceFailures() > 0 ? "poll failed, " : "", stats.entries(), stats.published(),
                stats.unchanged(), stats.pageFailures(), state.retries.waiting(), state.polls.get(),
                state.notModified.get(), state.pollFailures.get(), state.pagesFetched.get(), state.pageFailures.get(),
                state.published.get(), state.retries.succeeded(), state.retries.givenUp());
        report(state);
        return stats;
    }

    private void report(SourceState state) {
        SourceStatus status = state.status(instance, Instant.now());
        for (Consumer<SourceStatus> l : statusListeners) {
            try {
                l.accept(status);
            } catch (RuntimeException e) {
                LOG.warn("a status listener failed on source {}: {}", status.id(), e.toString());
            }
        }
    }

    private IngestStats readSource(Source source, SourceState state) {
        SourceReader reader = readers.get(source.type());
        if (reader == null) {
            LOG.warn("source {}: no reader for type '{}'", source.id(), source.type());
            state.pollFailures.incrementAndGet();
            state.failed("no reader for type '" + source.type() + "'", null, Instant.now());
            return new IngestStats(1, 1, 0, 0, 0, 0);
        }
        int[] counts = new int[4]; // entries, published, unchanged, failures
        int sourceFailures = 0;
        boolean[] notModified = new boolean[1];
        // first, so a feed that now answers 304 cannot hide them
        for (SourceEntry.Link due : state.retries.due(clock.instant())) {
            if (cutShort()) {
                break;
            }
            counts[0]++;
            handle(state, due, counts, true);
        }
        try {
            reader.read(source, new SourceReader.Sink() {
                @Override
                public boolean accept(SourceEntry entry) {
                    if (cutShort()) {
                        return false;
                    }
                    if (!source.admits(entry) || state.retries.isWaiting(entry)) {
                        return true; // a waiting entry keeps to its backoff
                    }
                    counts[0]++;
                    handle(state, entry, counts, false);
                    return true;
                }

                @Override
                public void notModified(String url) {
                    notModified[0] = true;
                }
            });
            if (notModified[0]) {
                state.notModified.incrementAndGet();
            }
        } catch (SourceReadException e) {
            if (!cutShort()) {
                LOG.warn("source {} failed: {}", source.id(), e.getMessage());
                state.pollFailures.incrementAndGet();
                state.failed(e.getMessage(), retryAfter(e), Instant.now());
            }
            sourceFailures = 1;
        }
        return new IngestStats(1, sourceFailures, counts[0], counts[1], counts[2], counts[3]);
    }

    /**
     * Handles one entry and counts its outcome; a page that failed transiently goes to (or stays in) the source's
     * retry queue, one that failed for good is logged, and given up when it was a retry.
     */
    private void handle(SourceState state, SourceEntry entry, int[] counts, boolean retry) {
        Source source = state.source();
        EntryProcessor.Result r = entries.handle(source, entry, state.pagesFetched::incrementAndGet);
        switch (r.outcome()) {
            case PUBLISHED -> {
                counts[1]++;
                state.published.incrementAndGet();
            }
            case UNCHANGED -> counts[2]++;
            case FAILED -> {
                counts[3]++;
                state.pageFailures.incrementAndGet();
            }
        }
        if (!(entry instanceof SourceEntry.Link link) || cutShort()) {
            return; // a fetch broken off by a shutdown or a hand-over says nothing about the page
        }
        if (r.outcome() != EntryProcessor.Outcome.FAILED) {
            state.retries.fetched(link);
            return;
        }
        FetchException failure = r.failure();
        if (failure != null && failure.isTransient() && state.retries.failed(link, failure, clock.instant())) {
            return;
        }
        if (retry) {
            state.retries.failedForGood(link, failure != null ? failure.getMessage() : "no article text found");
        } else if (failure != null) {
            LOG.warn("source {}: page {} skipped: {}", source.id(), link.url(), failure.getMessage());
        }
    }

    /** The Retry-After of a 429 or 503 behind a source failure, or null. */
    private static Duration retryAfter(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FetchException f && f.retryAfter() != null) {
                return f.retryAfter();
            }
        }
        return null;
    }
}
