package io.newswatch.ingest;

import io.newswatch.ingest.fetch.PoliteFetcher;
import io.newswatch.ingest.publish.ArticlePublisher;
import io.newswatch.ingest.source.DateRange;
import io.newswatch.ingest.source.Source;
import io.newswatch.ingest.source.SourceEntry;
import io.newswatch.ingest.source.SourceReadException;
import io.newswatch.ingest.source.SourceReader;
import io.newswatch.model.Article;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over one source's history: every entry of a {@code sitemap}, {@code warc} or {@code folder} source
 * whose date falls in a given range (and that passes the source's include/exclude patterns) is fetched or
 * extracted and published to {@link Topics#ARTICLES} when new or changed, exactly as the polling loop would.
 *
 * <p>A run has two phases so that its length is known early (stored pages on several threads are read once instead,
 * see below): the source is first read to count the entries in range (links are kept; stored pages are only counted,
 * their bodies dropped), then the kept links are fetched, or the archive is read again and its stored pages
 * processed as they stream by. {@link Progress} hears about both.
 *
 * <p>Stored pages ({@code warc}, {@code folder}) are extracted on every core: while the running thread reads the
 * archive, a pool of extraction threads (one per available processor) works on the pages read ahead of the one
 * being published, at most {@value OrderedExtraction#PAGES_PER_THREAD} pages per thread and 64 MiB of page bytes
 * in flight. Results are published by the running thread in archive order, so a run sends the same articles, with
 * the same keys, in the same order as a one-thread run would. They are not counted first: a gzipped archive cannot
 * be counted without inflating it whole, which costs as much as a tenth of the backfill's CPU time again. Instead,
 * until the archive has been read to its end, {@link Counts#total()} is an estimate from the share of the source's
 * bytes (files, for a folder) read so far ({@link SourceReader.Sink#position}); {@link Progress#started} comes with
 * the exact number when the reading reaches the end: before the last pages are published, and in all but the
 * smallest archives after the first {@link Progress#processed}. Linked pages ({@code sitemap}) are counted first
 * and fetched one at a time, as the host's politeness delay wants.
 *
 * <p>Idempotence: before processing, {@link Topics#ARTICLES} is read to its end, so an article already there with
 * the same content is counted as unchanged and not sent again: the same backfill run twice publishes nothing the
 * second time. Each run uses a fresh reader and a fresh {@link EntryProcessor}, so no conditional-GET validators
 * or "already handled" marks of an earlier run or of a polling service hide entries.
 *
 * <p>Feeds and HTML index pages are refused: they list only their latest items, so there is no history to walk.
 *
 * <p>Failure behaviour: a page that cannot be fetched or holds no article text is counted in
 * {@link Summary#failed()} and named in one WARN line; it never stops the run. A source that cannot be read at all
 * (its sitemap, archive or folder) raises a {@link SourceReadException} naming the source, after flushing what was
 * already sent. {@link #close()} from another thread, or an interrupt of the running thread, stops a run promptly:
 * it returns a {@link Summary} with {@link Summary#complete()} false and everything sent so far flushed.
 */
public final class Backfill implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Backfill.class);

    /** Source types with a history to walk. */
    public static final Set<String> TYPES = Set.of("sitemap", "warc", "folder");
    /** Source types whose entries are stored pages, extracted on several threads. */
    private static final Set<String> STORED_PAGE_TYPES = Set.of("warc", "folder");
    /** How long {@link #close()} waits for a running backfill to flush and return. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    /**
     * Counts of a run in progress; {@code total} is the number of entries found in the first phase, or while stored
     * pages on several threads are still being read, an estimate from the share of the source read so far: the
     * pages in range found so far scaled up by that share (at least {@code done}; exact once the reading ends).
     */
    public record Counts(int total, int done, int published, int unchanged, int failed) {
    }

    /**
     * What a run did.
     *
     * @param sourceId  the source backfilled
     * @param range     the date range applied
     * @param entries   entries processed (published + unchanged + failed)
     * @param published articles sent because they were new or changed
     * @param unchanged entries whose article was already on the topic with the same content
     * @param failed    pages that could not be fetched or held no article text
     * @param elapsed   time from start to end, both phases
     * @param complete  false when the run was stopped by {@link #close()} or an interrupt
     */
    public record Summary(String sourceId, DateRange range, int entries, int published, int unchanged, int failed,
                          Duration elapsed, boolean complete) {
        /** Entries per second over the whole run. */
        public double rate() {
            double seconds = elapsed.toNanos() / 1e9;
            return seconds > 0 ? entries / seconds : 0;
        }
    }

    /**
     * Hears how a run advances, on the running thread; keep it quick. Exceptions it throws end the run.
     */
    public interface Progress {
        /** First phase: entries in range found so far. */
        default void counting(int found) {
        }

        /**
         * The number of entries to process is known: before the first {@link #processed} for a sitemap; when the
         * reading of stored pages on several threads reaches the end of the source. Called once, unless the run
         * stops before the number is known.
         */
        default void started(int total) {
        }

        /** Second phase: after each entry. */
        default void processed(Counts counts) {
        }

        /** The run returned this summary (complete or stopped); not called when it fails with an exception. */
        default void finished(Summary summary) {
        }
    }

    private final NewswatchConfig config;
    private final Properties kafkaProps;
    private final PoliteFetcher fetcher;
    private final int extractionThreads;
    private final List<Consumer<Article>> listeners = new CopyOnWriteArrayList<>();
    private final Object runLock = new Object();
    private volatile boolean closed;
    private Thread runner;
    private boolean processing;

    /**
     * @param config     the configuration (client id prefix)
     * @param kafkaProps Kafka connection properties (at least bootstrap.servers); copied
     * @param fetcher    the fetcher for sitemaps and their pages; the caller's, not closed here
     */
    public Backfill(NewswatchConfig config, Properties kafkaProps, PoliteFetcher fetcher) {
        this(config, kafkaProps, fetcher, Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param extractionThreads threads that extract stored pages; 1 extracts each page on the running thread, as it
     *                          is read
     * @throws IllegalArgumentException when {@code extractionThreads} is less than 1
     */
    Backfill(NewswatchConfig config, Properties kafkaProps, PoliteFetcher fetcher, int extractionThreads) {
        if (extractionThreads < 1) {
            throw new IllegalArgumentException("extractionThreads must be at least 1: " + extractionThreads);
        }
        this.config = config;
        this.kafkaProps = (Properties) kafkaProps.clone();
        this.fetcher = fetcher;
        this.extractionThreads = extractionThreads;
    }

    /** Registers a callback for every article version Kafka acknowledged during later runs. */
    public void onPublished(Consumer<Article> listener) {
        listeners.add(listener);
    }

    /**
     * Refuses a source that cannot be backfilled.
     *
     * @throws IllegalArgumentException naming the source and saying why, when its type is not in {@link #TYPES}
     */
    public static void checkBackfillable(Source source) {
        if (TYPES.contains(source.type())) {
            return;
        }
        String why = Source.FEED_TYPES.contains(source.type())
                ? "a feed lists only its latest items, so it has no history to backfill"
                : "an index page lists only its latest links, so it has no history to backfill";
        throw new IllegalArgumentException("source " + source.id() + " (" + source.type() + ") cannot be "
                + "backfilled: " + why + "; backfill works on sitemap, warc and folder sources");
    }

    /**
     * Backfills the source over the range, which replaces the source's own since/until. Creates the catalogue
     * topics when missing. One run at a time per instance.
     *
     * @param progress told how the run advances; may be null
     * @return what the run did
     * @throws IllegalArgumentException when the source's type cannot be backfilled (see {@link #checkBackfillable})
     * @throws IllegalStateException    when this backfill is closed or already running, or Kafka cannot be reached
     * @throws SourceReadException      naming the source when it cannot be read
     */
    public Summary run(Source source, DateRange range, Progress progress) throws SourceReadException {
        checkBackfillable(source);
        Progress listener = progress != null ? progress : new Progress() {
        };
        Source ranged = new Source(source.id(), source.type(), source.url(), source.path(), source.interval(),
                source.language(), source.filter(), source.selector(), range, source.discoverRobots(),
                source.allowAddresses());
        synchronized (runLock) {
            if (closed) {
                throw new IllegalStateException("backfill is closed");
            }
            if (runner != null) {
                throw new IllegalStateException("a backfill is already running");
            }
            runner = Thread.currentThread();
            processing = true;
        }
        long start = System.nanoTime();
        String clientId = config.get(ConfigKeys.CLIENT_ID_PREFIX) + "-backfill";
        ArticlePublisher publisher = new ArticlePublisher(kafkaProps, clientId,
                config.get(ConfigKeys.ARTICLE_MAX_TEXT));
        listeners.forEach(publisher::onPublished);
        Pass pass = new Pass(ranged, IngestService.readers(fetcher).get(ranged.type()),
                new EntryProcessor(fetcher, publisher, this::stopping), listener);
        try {
            ensureTopics(clientId);
            publisher.loadPublished();
            LOG.info("backfill of {} over {} started", ranged.id(), describe(range));
            pass.run();
        } catch (SourceReadException | RuntimeException e) {
            if (!stopping()) {
                throw e;
            }
            pass.stopped = true; // what the stop broke off is not a failure of the source
        } finally {
            boolean interruptedElsewhere = endProcessing();
            publisher.close();
            synchronized (runLock) {
                runner = null;
                runLock.notifyAll();
            }
            if (interruptedElsewhere) {
                Thread.currentThread().interrupt();
            }
        }
        Summary summary = new Summary(ranged.id(), range, pass.done, pass.published, pass.unchanged, pass.failed,
                Duration.ofNanos(System.nanoTime() - start), !pass.stopped);
        listener.finished(summary);
        LOG.info("backfill of {}{}: {} entries, {} published, {} unchanged, {} failed in {} s", ranged.id(),
                summary.complete() ? "" : " stopped", summary.entries(), summary.published(), summary.unchanged(),
                summary.failed(), String.format(Locale.ROOT, "%.1f", summary.elapsed().toNanos() / 1e9));
        return summary;
    }

    private void ensureTopics(String clientId) {
        Properties adminProps = (Properties) kafkaProps.clone();
        adminProps.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId + "-admin");
        try (Admin admin = Admin.create(adminProps)) {
            TopicAdmin.ensureTopics(admin, Topics.ALL);
        }
    }

    /**
     * Ends the phase in which {@link #close()} may interrupt the running thread, then clears the interrupt so the
     * producer can flush.
     *
     * @return whether the thread was interrupted by someone other than {@link #close()}: the caller sets the flag
     *         again once the publisher is closed
     */
    private boolean endProcessing() {
        synchronized (runLock) {
            processing = false;
        }
        return Thread.interrupted() && !closed;
    }

    private boolean stopping() {
        return closed || Thread.currentThread().isInterrupted();
    }

    /**
     * The range for people: {@code 2024-03-01..2024-03-31} when the bounds are whole UTC days (as
     * {@link DateRange#parseBound} makes them), else ISO instants; {@code *} for a missing bound.
     */
    public static String describe(DateRange range) {
        return bound(range.since(), false) + ".." + bound(range.until(), true);
    }

    private static String bound(Instant instant, boolean endOfDay) {
        if (instant == null) {
            return "*";
        }
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        Instant dayBound = endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1)
                : day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return instant.equals(dayBound) ? day.toString() : instant.toString();
    }

    /**
     * Stops a run in progress (it returns its partial summary after flushing what it sent) and refuses later runs.
     * Waits at most {@link #CLOSE_WAIT} for a run on another thread to return.
     */
    @Override
    public void close() {
        synchronized (runLock) {
            closed = true;
            if (runner == null || runner == Thread.currentThread()) {
                return;
            }
            if (processing) {
                runner.interrupt(); // a fetch waiting on a slow host or a host delay ends at once
            }
            long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
            try {
                while (runner != null) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        LOG.warn("backfill did not stop within {}", CLOSE_WAIT);
                        return;
                    }
                    runLock.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The two phases over one source, with their counters. */
    private final class Pass {
        private final Source source;
        private final SourceReader reader;
        private final EntryProcessor entries;
        private final Progress progress;
        private final List<SourceEntry.Link> links = new ArrayList<>();
        private int storedPages;
        /** Entries to process once known; -1 while stored pages on several threads are still being read. */
        private int total = -1;
        /** Stored pages in range handed to the extraction line so far, and how many to expect. */
        private final StoredPageTotal admitted = new StoredPageTotal();
        private int done;
        private int published;
        private int unchanged;
        private int failed;
        private boolean stopped;

        Pass(Source source, SourceReader reader, EntryProcessor entries, Progress progress) {
            this.source = source;
            this.reader = reader;
            this.entries = entries;
            this.progress = progress;
        }

        void run() throws SourceReadException {
            if (extractionThreads > 1 && STORED_PAGE_TYPES.contains(source.type())) {
                runStoredPages();
                return;
            }
            reader.read(source, entry -> {
                if (stopping()) {
                    return false;
                }
                if (source.admits(entry)) {
                    if (entry instanceof SourceEntry.Link link) {
                        links.add(link);
                    } else {
                        storedPages++;
                    }
                    progress.counting(links.size() + storedPages);
                }
                return true;
            });
            if (stopping()) {
                stopped = true;
                return;
            }
            total = links.size() + storedPages;
            progress.started(total);
            for (SourceEntry.Link link : links) {
                if (!process(link)) {
                    return;
                }
            }
            links.clear();
            if (storedPages > 0) {
                // the archive is read again rather than kept: its pages may not fit in memory
                reader.read(source, entry -> !(entry instanceof SourceEntry.StoredPage)
                        || !source.admits(entry) || process(entry));
            }
            stopped = stopping();
        }

        /**
         * A {@code warc} or {@code folder} source on several threads: this thread reads the source once and feeds
         * the extraction line, publishing results in archive order. The total is estimated from the source's
         * position until the reading ends, and reported when it does.
         */
        private void runStoredPages() throws SourceReadException {
            try (OrderedExtraction line = new OrderedExtraction(entries, source, extractionThreads,
                    extractionThreads * OrderedExtraction.PAGES_PER_THREAD, OrderedExtraction.MAX_BYTES)) {
                reader.read(source, new SourceReader.Sink() {
                    @Override
                    public boolean accept(SourceEntry entry) {
                        if (!(entry instanceof SourceEntry.StoredPage page) || !source.admits(entry)) {
                            return true;
                        }
                        admitted.add();
                        return offer(line, page);
                    }

                    @Override
                    public void position(long read, long of) {
                        admitted.position(read, of);
                    }
                });
                if (!stopped && !stopping()) {
                    total = admitted.found();
                    progress.started(total);
                }
                while (!stopped && !line.isEmpty()) {
                    publishHead(line);
                }
            }
            stopped = stopped || stopping();
        }

        /**
         * Puts a stored page in the extraction line, publishing the pages before it that are done (and, when the
         * line is full, waiting for them) first; false when the run must stop.
         */
        private boolean offer(OrderedExtraction line, SourceEntry.StoredPage page) {
            while (!stopped && (line.full() || line.headReady())) {
                publishHead(line);
            }
            if (stopped || stopping()) {
                stopped = true;
                return false;
            }
            line.add(page);
            return true;
        }

        /** Waits for the oldest page in the line and publishes it, unless the run is stopping. */
        private void publishHead(OrderedExtraction line) {
            if (stopping()) {
                stopped = true;
                return;
            }
            OrderedExtraction.Done head;
            try {
                head = line.takeHead();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopping() and the end of the run read it
                stopped = true;
                return;
            }
            if (stopping()) {
                stopped = true;
                return;
            }
            count(head.alreadyHandled() ? EntryProcessor.Outcome.UNCHANGED
                    : entries.publishExtracted(head.article()));
        }

        /** Processes one entry; false when the run must stop. */
        private boolean process(SourceEntry entry) {
            if (stopping()) {
                stopped = true;
                return false;
            }
            EntryProcessor.Outcome outcome = entries.process(source, entry, () -> {
            });
            if (outcome == EntryProcessor.Outcome.FAILED && stopping()) {
                stopped = true; // the stop broke off its fetch: not a verdict on the page
                return false;
            }
            count(outcome);
            return true;
        }

        private void count(EntryProcessor.Outcome outcome) {
            switch (outcome) {
                case PUBLISHED -> published++;
                case UNCHANGED -> unchanged++;
                case FAILED -> failed++;
            }
            done++;
            int shown = total >= 0 ? total : admitted.estimate();
            progress.processed(new Counts(Math.max(shown, done), done, published, unchanged, failed));
        }
    }
}
