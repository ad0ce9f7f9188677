package io.newswatch.ingest;

import io.newswatch.ingest.source.Source;
import io.newswatch.model.SourceStatus;
import io.newswatch.model.config.NewswatchConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schedule, health and counters of one source: when it is due, how often it is polled now, how its polls went,
 * and whether a poll of it is running. Thread safe. See {@link IngestService} for the rules.
 */
final class SourceState {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    /** Source types whose interval adapts to how often they have something new. */
    static final Set<String> ADAPTIVE_TYPES = Set.of("rss", "atom", "feed", "sitemap", "html-index");

    private final Source source;
    private final Duration base;
    private final Duration maxBackoff;
    private final DoubleSupplier random;
    private final boolean adaptive;
    private Duration interval;
    private boolean healthy = true;
    private int failures;
    private Instant lastSuccess;
    private String lastError;
    private Instant nextPoll;
    private boolean running;
    /** The running or last poll, so a removal can interrupt it. */
    volatile java.util.concurrent.Future<?> future;
    private boolean retired;
    final AtomicLong polls = new AtomicLong();
    final AtomicLong notModified = new AtomicLong();
    final AtomicLong pollFailures = new AtomicLong();
    final AtomicLong pagesFetched = new AtomicLong();
    final AtomicLong pageFailures = new AtomicLong();
    final AtomicLong published = new AtomicLong();
    /** Entries of this source waiting for their page to be fetched again. */
    final PageRetries retries;

    /**
     * @param base       the configured interval (the source's own, else the default)
     * @param maxBackoff the longest wait after failures (a Retry-After may ask for more)
     * @param random     values in [0, 1) for the jitter
     */
    SourceState(Source source, Duration base, Duration maxBackoff, DoubleSupplier random, Instant now) {
        this(source, base, maxBackoff, random, now, PageRetries.Settings.from(NewswatchConfig.defaults()));
    }

    /** @param retrySettings how its failed pages are retried */
    SourceState(Source source, Duration base, Duration maxBackoff, DoubleSupplier random, Instant now,
                PageRetries.Settings retrySettings) {
        this.source = source;
        this.retries = new PageRetries(source.id(), retrySettings);
        this.base = base;
        this.maxBackoff = maxBackoff.compareTo(base) < 0 ? base : maxBackoff;
        this.random = random;
        this.adaptive = ADAPTIVE_TYPES.contains(source.type());
        this.interval = base;
        this.nextPoll = now;
    }

    Source source() {
        return source;
    }

    synchronized Instant nextPoll() {
        return nextPoll;
    }

    /** The interval used after a successful poll; changes only for adaptive types. */
    synchronized Duration interval() {
        return interval;
    }

    /**
     * Records a poll that read the source.
     *
     * @param foundNew whether it published a new or changed article
     */
    synchronized void succeeded(boolean foundNew, Instant now) {
        if (!healthy) {
            LOG.info("source {} recovered after {} failed polls", source.id(), failures);
        }
        healthy = true;
        failures = 0;
        lastSuccess = now;
        if (adaptive) {
            Duration min = base.dividedBy(4);
            Duration max = base.multipliedBy(4);
            if (foundNew) {
                Duration shorter = interval.dividedBy(2);
                interval = shorter.compareTo(min) < 0 ? min : shorter;
            } else {
                Duration longer = interval.multipliedBy(3).dividedBy(2);
                interval = longer.compareTo(max) > 0 ? max : longer;
            }
        }
        nextPoll = now.plus(interval);
    }

    /**
     * Records a poll that could not read the source: the next one is backed off exponentially from the configured
     * interval (×2 per failure in a row, jittered by ±20 %, capped), and never sooner than the server's Retry-After.
     *
     * @param retryAfter what the server asked for, or null
     */
    synchronized void failed(String error, Duration retryAfter, Instant now) {
        failures++;
        lastError = error;
        if (healthy && failures >= IngestService.UNHEALTHY_AFTER) {
            healthy = false;
            LOG.warn("source {} is unhealthy after {} failed polls in a row, last error: {}", source.id(), failures,
                    error);
        }
        Duration wait = backoff(failures);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        nextPoll = now.plus(wait);
    }

    private Duration backoff(int n) {
        int doublings = Math.min(n, 30);
        double exact = base.toMillis() * Math.pow(2, doublings);
        double jittered = exact * (0.8 + 0.4 * random.getAsDouble());
        long capped = (long) Math.min(jittered, maxBackoff.toMillis());
        return Duration.ofMillis(Math.max(1, capped));
    }

    synchronized SourceHealth health() {
        return new SourceHealth(source.id(), healthy, failures, lastSuccess, lastError, nextPoll);
    }

    synchronized boolean healthy() {
        return healthy;
    }

    /** Seconds since the epoch of the last good poll, or NaN before the first: a gauge value. */
    synchronized double lastSuccessEpochSeconds() {
        return lastSuccess == null ? Double.NaN : lastSuccess.toEpochMilli() / 1000.0;
    }

    /** The source's status for {@code news.sources.status}. */
    synchronized SourceStatus status(String instance, Instant now) {
        return new SourceStatus(source.id(), instance, healthy, failures, lastSuccess, lastError, nextPoll,
                polls.get(), notModified.get(), pollFailures.get(), pagesFetched.get(), pageFailures.get(),
                published.get(), retries.waiting(), retries.succeeded(), retries.givenUp(), now);
    }

    /** Marks a poll as running; false when one already is or the source was removed. */
    synchronized boolean tryStart() {
        if (running || retired) {
            return false;
        }
        running = true;
        return true;
    }

    synchronized void finished() {
        running = false;
        notifyAll();
    }

    synchronized boolean running() {
        return running;
    }

    /** Removes the source from scheduling and waits up to {@code limit} for a running poll to end. */
    synchronized boolean retire(Duration limit) throws InterruptedException {
        retired = true;
        long deadline = System.nanoTime() + limit.toNanos();
        while (running) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
