package io.newswatch.ingest;

import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.extract.ExtractedArticle;
import io.newswatch.ingest.fetch.FetchException;
import io.newswatch.ingest.fetch.FetchResult;
import io.newswatch.ingest.fetch.PoliteFetcher;
import io.newswatch.ingest.fetch.UrlCanonicalizer;
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
import io.newswatch.model.Article;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingester: polls sources, fetches and extracts their articles, and publishes each new or changed article to
 * {@link Topics#ARTICLES}, keyed by article id.
 *
 * <p>Each source is read by the {@link SourceReader} of its type (feeds, sitemaps, HTML index pages, WARC archives,
 * folders of saved pages). An entry is dropped before any fetch when the source's include/exclude patterns reject
 * its URL or its date is outside the source's since/until range. A link is fetched and extracted; a stored page
 * (WARC, folder) is extracted from its stored bytes. Either way the article goes through the same publisher, so
 * an article already on the topic with the same content hash is not published again.
 *
 * <p>Lifecycle: {@link #start()} once (creates missing topics, reads what was already published from Kafka, opens
 * the producer), then {@link #pollOnce()} or {@link #runUntilStopped()}, then {@link #close()}. The fetcher is the
 * caller's: the service uses it and does not close it.
 *
 * <p>Failure behaviour: nothing a source or a page does stops the service. A source that cannot be fetched or read
 * is one WARN line naming the source and the cause, counted in {@link IngestStats#sourceFailures()}; a page that
 * cannot be fetched or yields no text is one WARN line naming its URL, counted in
 * {@link IngestStats#pageFailures()}, and is tried again at the next poll (a stored page is not: its bytes cannot
 * change, so it counts as unchanged from then on). An entry whose identity (a feed's link
 * and GUID; else URL and date, see {@link SourceEntry#identity()}) was already handled in this process is not
 * fetched again.
 *
 * <p>Scheduling and health ({@link #runUntilStopped()}; {@link #pollOnce()} polls every source at once but records
 * the same state). Each source starts at its configured interval (its own, else {@code ingest.poll.interval}).
 * <ul>
 *   <li>Adaptive polling, for feeds, sitemaps and HTML index pages: after a poll that published nothing new (a
 *       304 included) the next interval is 1.5 times the last, at most 4 times the configured one; after a poll
 *       that published something it is half the last, at least a quarter of the configured one. Archives and
 *       folders keep the configured interval.</li>
 *   <li>Backoff: after a failed poll the next one waits the configured interval times 2 to the number of failures
 *       in a row, jittered by &plusmn;20 % and capped by {@code ingest.backoff.max}; never less than the
 *       Retry-After of a 429 or 503 answer. (The fetcher also holds back every request to that host for the
 *       Retry-After.)</li>
 *   <li>Health: after {@value #UNHEALTHY_AFTER} failed polls in a row a source is unhealthy: one WARN line naming
 *       it and its last error; one INFO line when a poll succeeds again. An unhealthy source keeps being polled at
 *       its backed-off interval; it is never dropped. {@link #health()} reports every source.</li>
 * </ul>
 */
public final class IngestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    /** Failed polls in a row after which a source counts as unhealthy. */
    public static final int UNHEALTHY_AFTER = 3;

    private final NewswatchConfig config;
    private final Properties kafkaProps;
    private final List<Source> sources;
    private final PoliteFetcher fetcher;
    private final ArticleExtractor extractor = new ArticleExtractor();
    private final Map<String, SourceReader> readers;
    private final ArticlePublisher publisher;
    private final Set<String> handledEntries = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final Map<Source, SourceState> states = new LinkedHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean started;
    private volatile Thread runner;

    /**
     * @param config     the configuration (client id prefix, poll interval, fetch threads)
     * @param kafkaProps Kafka connection properties (at least bootstrap.servers)
     * @param sources    the sources to poll
     * @param fetcher    the fetcher to use; stays open after {@link #close()}
     */
    public IngestService(NewswatchConfig config, Properties kafkaProps, List<Source> sources, PoliteFetcher fetcher) {
        this.config = config;
        this.kafkaProps = (Properties) kafkaProps.clone();
        this.sources = List.copyOf(sources);
        this.fetcher = fetcher;
        this.readers = readers(fetcher);
        Duration defaultInterval = config.get(ConfigKeys.POLL_INTERVAL);
        Duration maxBackoff = config.get(ConfigKeys.BACKOFF_MAX);
        Instant now = Instant.now();
        for (Source s : this.sources) {
            states.put(s, new SourceState(s, s.intervalOr(defaultInterval), maxBackoff,
                    () -> ThreadLocalRandom.current().nextDouble(), now));
        }
        this.publisher = new ArticlePublisher(this.kafkaProps, config.get(ConfigKeys.CLIENT_ID_PREFIX) + "-ingest");
        int threads = Math.max(1, Math.min(config.get(ConfigKeys.FETCH_THREADS), this.sources.size()));
        this.workers = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "newswatch-ingest-source");
            t.setDaemon(true);
            return t;
        });
    }

    /** Registers a callback for every article version Kafka acknowledged. */
    public void onPublished(Consumer<Article> listener) {
        publisher.onPublished(listener);
    }

    /** The schedule and health of every source, in the order of the sources given; a snapshot. */
    public List<SourceHealth> health() {
        return states.values().stream().map(SourceState::health).toList();
    }

    /**
     * Creates the catalogue topics when missing, rebuilds the id-to-content-hash map from {@link Topics#ARTICLES}
     * and opens the producer.
     *
     * @throws IllegalStateException when Kafka cannot be reached
     */
    public void start() {
        Properties adminProps = (Properties) kafkaProps.clone();
        adminProps.put(AdminClientConfig.CLIENT_ID_CONFIG, config.get(ConfigKeys.CLIENT_ID_PREFIX) + "-ingest-admin");
        try (Admin admin = Admin.create(adminProps)) {
            TopicAdmin.ensureTopics(admin, Topics.ALL);
        }
        publisher.loadPublished();
        started = true;
        LOG.info("ingest started with {} sources", sources.size());
    }

    /**
     * Polls every source once, sources in parallel (up to {@code ingest.fetch.threads}), and waits until every
     * article sent is acknowledged.
     *
     * @throws IllegalStateException when {@link #start()} has not run
     */
    public IngestStats pollOnce() {
        return poll(sources);
    }

    private IngestStats poll(List<Source> due) {
        if (!started) {
            throw new IllegalStateException("start() must run before polling");
        }
        List<Future<IngestStats>> results = new ArrayList<>();
        for (Source s : due) {
            results.add(workers.submit(() -> pollSource(s)));
        }
        IngestStats total = new IngestStats(0, 0, 0, 0, 0, 0);
        for (Future<IngestStats> f : results) {
            IngestStats one = await(f);
            if (one == null) {
                results.forEach(r -> r.cancel(true));
                break;
            }
            total = total.plus(one);
        }
        publisher.flush();
        return total;
    }

    /** A source's stats; null when the service is stopping or the caller was interrupted. */
    private IngestStats await(Future<IngestStats> f) {
        while (true) {
            try {
                return f.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (stopped.getCount() == 0) {
                    return null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (CancellationException e) {
                return null;
            } catch (ExecutionException e) {
                LOG.warn("a source poll failed unexpectedly: {}", e.getCause().toString(), e.getCause());
                return new IngestStats(1, 1, 0, 0, 0, 0);
            }
        }
    }

    private static Map<String, SourceReader> readers(PoliteFetcher fetcher) {
        SourceReader feeds = new FeedSourceReader(fetcher);
        Map<String, SourceReader> m = new HashMap<>();
        Source.FEED_TYPES.forEach(t -> m.put(t, feeds));
        m.put("sitemap", new SitemapSourceReader(fetcher));
        m.put("html-index", new HtmlIndexSourceReader(fetcher));
        m.put("warc", new WarcSourceReader());
        m.put("folder", new FolderSourceReader());
        return Map.copyOf(m);
    }

    private IngestStats pollSource(Source source) {
        SourceState state = states.get(source);
        try {
            IngestStats stats = readSource(source, state);
            if (stats.sourceFailures() == 0 && stopped.getCount() > 0) {
                state.succeeded(stats.published() > 0, Instant.now());
            }
            return stats;
        } catch (RuntimeException e) {
            state.failed(e.toString(), null, Instant.now());
            throw e;
        }
    }

    private IngestStats readSource(Source source, SourceState state) {
        SourceReader reader = readers.get(source.type());
        if (reader == null) {
            LOG.warn("source {}: no reader for type '{}'", source.id(), source.type());
            state.failed("no reader for type '" + source.type() + "'", null, Instant.now());
            return new IngestStats(1, 1, 0, 0, 0, 0);
        }
        int[] counts = new int[4]; // entries, published, unchanged, failures
        int sourceFailures = 0;
        try {
            reader.read(source, entry -> {
                if (stopped.getCount() == 0 || Thread.currentThread().isInterrupted()) {
                    return false;
                }
                if (!source.admits(entry)) {
                    return true;
                }
                counts[0]++;
                counts[handle(source, entry)]++;
                return true;
            });
        } catch (SourceReadException e) {
            if (stopped.getCount() > 0) {
                LOG.warn("source {} failed: {}", source.id(), e.getMessage());
                state.failed(e.getMessage(), retryAfter(e), Instant.now());
            }
            sourceFailures = 1;
        }
        return new IngestStats(1, sourceFailures, counts[0], counts[1], counts[2], counts[3]);
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

    /** 1 published, 2 unchanged, 3 failed. */
    private int handle(Source source, SourceEntry entry) {
        String handledKey = entry.identity();
        if (handledEntries.contains(handledKey)) {
            return 2;
        }
        Article article = entry instanceof SourceEntry.Link link ? articleFor(source, link)
                : articleFor(source, (SourceEntry.StoredPage) entry);
        if (article == null) {
            if (entry instanceof SourceEntry.StoredPage) {
                handledEntries.add(handledKey); // stored bytes cannot change: extracting them again cannot help
            }
            return 3;
        }
        int result = publisher.publishIfChanged(article) ? 1 : 2;
        handledEntries.add(handledKey);
        return result;
    }

    private Article articleFor(Source source, SourceEntry.StoredPage page) {
        ExtractedArticle x = extractor.extract(page.body(), page.contentType(), page.url());
        if (x.text().isBlank()) {
            LOG.warn("source {}: stored page {} skipped: no article text found", source.id(), page.url());
            return null;
        }
        String url = x.url() != null ? x.url() : canonicalOrSelf(page.url());
        String language = x.language() != null ? x.language() : source.language();
        Instant fetchedAt = page.fetchedAt() != null ? page.fetchedAt() : Instant.now();
        return Article.of(url, source.id(), x.title(), x.byline(), x.publishedAt(), fetchedAt, language, x.text());
    }

    private Article articleFor(Source source, SourceEntry.Link entry) {
        FetchResult page;
        try {
            page = fetcher.fetch(entry.url());
        } catch (FetchException e) {
            if (stopped.getCount() > 0) {
                LOG.warn("source {}: page {} skipped: {}", source.id(), entry.url(), e.getMessage());
            }
            return null;
        }
        ExtractedArticle x = extractor.extract(page.body(), page.contentType(), page.url());
        if (x.text().isBlank()) {
            LOG.warn("source {}: page {} skipped: no article text found", source.id(), page.url());
            return null;
        }
        String url = x.url() != null ? x.url() : canonicalOrSelf(page.url());
        String title = x.title() != null ? x.title() : entry.title();
        Instant publishedAt = x.publishedAt() != null ? x.publishedAt() : entry.publishedAt();
        String language = x.language() != null ? x.language() : source.language();
        return Article.of(url, source.id(), title, x.byline(), publishedAt, Instant.now(), language, x.text());
    }

    private static String canonicalOrSelf(String url) {
        try {
            return UrlCanonicalizer.canonicalize(url);
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /**
     * Polls each source when it is due (see the class description: its adaptive interval, or its backed-off one
     * after failures) until {@link #close()} is called from another thread; returns promptly after that.
     */
    public void runUntilStopped() {
        runner = Thread.currentThread();
        while (stopped.getCount() > 0) {
            Instant t = Instant.now();
            List<Source> due = sources.stream().filter(s -> !states.get(s).nextPoll().isAfter(t)).toList();
            if (!due.isEmpty()) {
                IngestStats stats = poll(due);
                LOG.info("polled {}", stats);
            }
            Instant now = Instant.now();
            long wait = states.values().stream().mapToLong(st -> Duration.between(now, st.nextPoll()).toNanos())
                    .min().orElse(TimeUnit.SECONDS.toNanos(1));
            try {
                if (wait > 0 && stopped.await(wait, TimeUnit.NANOSECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LOG.info("ingest stopped");
    }

    /**
     * Stops {@link #runUntilStopped()} (source polls in progress are interrupted) and closes the producer after
     * sending what was already handed to it.
     */
    @Override
    public void close() {
        stopped.countDown();
        workers.shutdownNow();
        try {
            workers.awaitTermination(30, TimeUnit.SECONDS);
            Thread r = runner;
            if (r != null && r != Thread.currentThread()) {
                // the runner flushes the producer on its way out; closing under it would fail that flush
                r.join(TimeUnit.SECONDS.toMillis(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close();
    }
}
