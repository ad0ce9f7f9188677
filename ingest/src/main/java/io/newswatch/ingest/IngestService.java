package io.newswatch.ingest;

import io.newswatch.ingest.extract.ArticleExtractor;
import io.newswatch.ingest.extract.ExtractedArticle;
import io.newswatch.ingest.feed.FeedEntry;
import io.newswatch.ingest.feed.FeedException;
import io.newswatch.ingest.feed.FeedReader;
import io.newswatch.ingest.fetch.FetchException;
import io.newswatch.ingest.fetch.FetchResult;
import io.newswatch.ingest.fetch.PoliteFetcher;
import io.newswatch.ingest.fetch.UrlCanonicalizer;
import io.newswatch.ingest.publish.ArticlePublisher;
import io.newswatch.ingest.source.Source;
import io.newswatch.model.Article;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingester: polls feeds, fetches and extracts their articles, and publishes each new or changed article to
 * {@link Topics#ARTICLES}, keyed by article id.
 *
 * <p>Lifecycle: {@link #start()} once (creates missing topics, reads what was already published from Kafka, opens
 * the producer), then {@link #pollOnce()} or {@link #runUntilStopped()}, then {@link #close()}. The fetcher is the
 * caller's: the service uses it and does not close it.
 *
 * <p>Failure behaviour: nothing a source or a page does stops the service. A feed that cannot be fetched or read
 * is one WARN line naming the source and the cause, counted in {@link IngestStats#sourceFailures()}; a page that
 * cannot be fetched or yields no text is one WARN line naming its URL, counted in
 * {@link IngestStats#pageFailures()}, and is tried again at the next poll. An entry whose link and feed GUID were
 * already handled in this process is not fetched again.
 */
public final class IngestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final NewswatchConfig config;
    private final Properties kafkaProps;
    private final List<Source> sources;
    private final PoliteFetcher fetcher;
    private final ArticleExtractor extractor = new ArticleExtractor();
    private final FeedReader feedReader = new FeedReader();
    private final ArticlePublisher publisher;
    private final Set<String> handledEntries = ConcurrentHashMap.newKeySet();
    private final Map<String, FeedValidators> feedValidators = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean started;
    private volatile Thread runner;

    private record FeedValidators(String etag, String lastModified) {
    }

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

    private IngestStats pollSource(Source source) {
        List<FeedEntry> entries;
        try {
            FeedValidators v = feedValidators.get(source.id());
            FetchResult feed = v == null ? fetcher.fetch(source.url())
                    : fetcher.fetch(source.url(), v.etag(), v.lastModified());
            if (feed.notModified()) {
                return new IngestStats(1, 0, 0, 0, 0, 0);
            }
            entries = feedReader.read(feed.body(), feed.url());
            if (feed.etag() != null || feed.lastModified() != null) {
                feedValidators.put(source.id(), new FeedValidators(feed.etag(), feed.lastModified()));
            }
        } catch (FetchException | FeedException e) {
            if (stopped.getCount() > 0) {
                LOG.warn("source {} failed: {}", source.id(), e.getMessage());
            }
            return new IngestStats(1, 1, 0, 0, 0, 0);
        }
        int published = 0;
        int unchanged = 0;
        int failures = 0;
        for (FeedEntry entry : entries) {
            if (stopped.getCount() == 0 || Thread.currentThread().isInterrupted()) {
                break;
            }
            String handledKey = entry.link() + "\u0000" + entry.guid();
            if (handledEntries.contains(handledKey)) {
                unchanged++;
                continue;
            }
            Article article = articleFor(source, entry);
            if (article == null) {
                failures++;
                continue;
            }
            if (publisher.publishIfChanged(article)) {
                published++;
            } else {
                unchanged++;
            }
            handledEntries.add(handledKey);
        }
        return new IngestStats(1, 0, entries.size(), published, unchanged, failures);
    }

    private Article articleFor(Source source, FeedEntry entry) {
        FetchResult page;
        try {
            page = fetcher.fetch(entry.link());
        } catch (FetchException e) {
            if (stopped.getCount() > 0) {
                LOG.warn("source {}: page {} skipped: {}", source.id(), entry.link(), e.getMessage());
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
     * Polls each source at its interval (its own, else {@code ingest.poll.interval}) until {@link #close()} is
     * called from another thread; returns promptly after that.
     */
    public void runUntilStopped() {
        runner = Thread.currentThread();
        Duration defaultInterval = config.get(ConfigKeys.POLL_INTERVAL);
        Map<Source, Long> nextDue = new HashMap<>();
        long now = System.nanoTime();
        sources.forEach(s -> nextDue.put(s, now));
        while (stopped.getCount() > 0) {
            long t = System.nanoTime();
            List<Source> due = sources.stream().filter(s -> nextDue.get(s) - t <= 0).toList();
            if (!due.isEmpty()) {
                IngestStats stats = poll(due);
                LOG.info("polled {}", stats);
                long after = System.nanoTime();
                due.forEach(s -> nextDue.put(s, after + s.intervalOr(defaultInterval).toNanos()));
            }
            long wait = nextDue.values().stream().mapToLong(d -> d - System.nanoTime()).min().orElse(0);
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
