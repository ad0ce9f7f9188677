package io.newswatch.ingest;

import io.newswatch.ingest.fetch.FetchException;
import io.newswatch.ingest.source.SourceEntry;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retry queue of one source: entries whose page fetch failed transiently ({@link FetchException#isTransient()}:
 * 408, 429, 500, 502, 503, 504, a timeout, a network error) wait here to be fetched again, because a feed that has
 * not changed answers 304 and would never list them again.
 *
 * <p>Rules. The first retry is due {@code ingest.page.retry.backoff} after the failure, each further one twice as
 * long after the last, at most {@code ingest.backoff.max}; a Retry-After on a 429 or 503 (RFC 9110 section
 * 10.2.3) pushes it later, up to the same cap. Due entries are retried at the start of the source's next poll, a
 * 304 poll included; an entry still waiting that the source lists again is left for its retry. After
 * {@code ingest.page.retries} failed retries an entry is given up; so is one whose retry fails permanently (a 404,
 * a page without article text). At most {@code ingest.page.retry.queue} entries wait per source.
 *
 * <p>Lifetime: the queue is in memory, with the source's schedule. An ingester restart, or the source moving to
 * another instance, loses it; the instance that polls the source next has no feed validators either, so its first
 * poll reads the source in full and fetches again every entry the source still lists.
 *
 * <p>Failure behaviour: every failure that is queued, every entry given up and every entry not queued because the
 * queue is full is one WARN line naming the source, the URL and the reason; a retry that succeeds is an INFO line.
 * Counted in {@link #waiting()}, {@link #succeeded()}, {@link #givenUp()}. Thread safe.
 */
final class PageRetries {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    /**
     * @param retries   retries after the first failure before an entry is given up; 0 turns retrying off
     * @param firstWait the wait before the first retry
     * @param maxWait   the longest wait, Retry-After included
     * @param capacity  entries that may wait at once
     */
    record Settings(int retries, Duration firstWait, Duration maxWait, int capacity) {
        static Settings from(NewswatchConfig config) {
            return new Settings(config.get(ConfigKeys.PAGE_RETRIES), config.get(ConfigKeys.PAGE_RETRY_BACKOFF),
                    config.get(ConfigKeys.BACKOFF_MAX), config.get(ConfigKeys.PAGE_RETRY_QUEUE));
        }
    }

    private static final class Waiting {
        final SourceEntry.Link link;
        int failures;
        Instant due;

        Waiting(SourceEntry.Link link) {
            this.link = link;
        }
    }

    private final String sourceId;
    private final Settings settings;
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();
    private long succeeded;
    private long givenUp;

    PageRetries(String sourceId, Settings settings) {
        this.sourceId = sourceId;
        this.settings = settings;
    }

    /** The entries due for a retry at {@code now}, the longest overdue first. */
    synchronized List<SourceEntry.Link> due(Instant now) {
        return waiting.values().stream().filter(w -> !w.due.isAfter(now))
                .sorted(Comparator.comparing(w -> w.due)).map(w -> w.link).toList();
    }

    /** Whether the entry waits for a retry. */
    synchronized boolean isWaiting(SourceEntry entry) {
        return waiting.containsKey(entry.identity());
    }

    /**
     * Records a transient failure of the entry's page, at its first fetch or at a retry: queues it for a retry,
     * or gives it up when it is out of retries or the queue is full.
     *
     * @return false when retrying is off and nothing was logged; true when a WARN line told what became of it
     */
    synchronized boolean failed(SourceEntry.Link link, FetchException failure, Instant now) {
        if (settings.retries() == 0) {
            return false;
        }
        Waiting w = waiting.get(link.identity());
        if (w == null) {
            if (waiting.size() >= settings.capacity()) {
                givenUp++;
                LOG.warn("source {}: page {} given up, not queued for a retry: {} pages wait already "
                        + "(ingest.page.retry.queue); it failed with: {}", sourceId, link.url(), waiting.size(),
                        failure.getMessage());
                return true;
            }
            w = new Waiting(link);
            waiting.put(link.identity(), w);
        }
        w.failures++;
        if (w.failures > settings.retries()) {
            waiting.remove(link.identity());
            givenUp++;
            LOG.warn("source {}: page {} given up after {} retries: {}", sourceId, link.url(), settings.retries(),
                    failure.getMessage());
            return true;
        }
        Duration wait = waitBefore(w.failures, failure.retryAfter());
        w.due = now.plus(wait);
        LOG.warn("source {}: page {} failed: {}; retry {} of {} at the first poll after {}s", sourceId, link.url(),
                failure.getMessage(), w.failures, settings.retries(), wait.toSeconds());
        return true;
    }

    /** The wait before retry number {@code n}: exponential, never before a Retry-After, both capped. */
    Duration waitBefore(int n, Duration retryAfter) {
        Duration max = settings.maxWait();
        Duration wait = settings.firstWait();
        for (int i = 1; i < n && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** Records that the entry's page was fetched; counts a retry success when the entry was waiting. */
    synchronized void fetched(SourceEntry.Link link) {
        Waiting w = waiting.remove(link.identity());
        if (w != null) {
            succeeded++;
            LOG.info("source {}: page {} fetched on retry {}", sourceId, link.url(), w.failures);
        }
    }

    /** Gives a waiting entry up because its retry failed in a way another retry cannot mend. */
    synchronized void failedForGood(SourceEntry.Link link, String reason) {
        if (waiting.remove(link.identity()) != null) {
            givenUp++;
            LOG.warn("source {}: page {} given up, its retry failed for good: {}", sourceId, link.url(), reason);
        }
    }

    synchronized int waiting() {
        return waiting.size();
    }

    synchronized long succeeded() {
        return succeeded;
    }

    synchronized long givenUp() {
        return givenUp;
    }
}
