package io.newswatch.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.ingest.fetch.PoliteFetcher;
import io.newswatch.ingest.publish.ArticlePublisher;
import io.newswatch.ingest.source.Source;
import io.newswatch.ingest.source.SourceEntry;
import io.newswatch.ingest.source.SourceReader;
import io.newswatch.model.Article;
import io.newswatch.model.SourceStatus;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.topics.TopicAdmin;
import io.newswatch.model.topics.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
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
 * <p>The set of sources can change while the service runs ({@link #updateSources}): a removed source is no longer
 * scheduled, a poll of it that is running is interrupted and waited for, and what it sent is flushed; before a new
 * source is first polled the service reads {@link Topics#ARTICLES} to its end, so articles another instance
 * published (the source's previous owner, say) are not published again. This is how
 * {@link io.newswatch.ingest.cluster.SourceGroupMember} hands sources between instances.
 *
 * <p>Failure behaviour: nothing a source or a page does stops the service. A source that cannot be fetched or read
 * is one WARN line naming the source and the cause, counted in {@link IngestStats#sourceFailures()}; a page that
 * cannot be fetched or yields no text is one WARN line naming its URL, counted in
 * {@link IngestStats#pageFailures()}, and is tried again when the source lists it again (a stored page is not: its
 * bytes cannot change, so it counts as unchanged from then on). A page that failed transiently (408, 429, 5xx, a
 * timeout, a network error) is also retried with backoff at later polls, a 304 poll included, up to
 * {@code ingest.page.retries} times, then given up (see {@link PageRetries}); a 404, 410 or other permanent
 * failure is not. An entry whose identity (a feed's link
 * and GUID; else URL and date, see {@link SourceEntry#identity()}) was already handled in this process is not
 * fetched again.
 *
 * <p>Scheduling and health ({@link #runUntilStopped()}; {@link #pollOnce()} polls every source at once but records
 * the same state). Each source is polled on its own schedule by one of {@code ingest.fetch.threads} workers, so a
 * slow source delays only itself; the fetcher's per-host and global limits apply across all of them. A new source
 * is due at once, then at its configured interval (its own, else {@code ingest.poll.interval}).
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
 *   <li>Counters per source (polls, not modified, poll failures, pages fetched, page failures, articles published,
 *       last success; pages waiting for a retry, retried successfully, given up): one INFO line after each poll
 *       with the poll's counts and the totals, Micrometer meters (see {@link SourceMetrics}), and a
 *       {@link SourceStatus} handed to {@link #onStatus} listeners after each poll.</li>
 * </ul>
 */
public final class IngestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    /** Failed polls in a row after which a source counts as unhealthy. */
    public static final int UNHEALTHY_AFTER = 3;
    /** How long a removed source's running poll is waited for before its sources are handed on regardless. */
    static final Duration RETIRE_WAIT = Duration.ofSeconds(30);
    /** How long a new source waits for {@link Topics#ARTICLES} to be read to its end. */
    static final Duration CATCH_UP_WAIT = Duration.ofMinutes(2);

    private final NewswatchConfig config;
    private final Properties kafkaProps;
    private final PoliteFetcher fetcher;
    private final ArticlePublisher publisher;
    private final SourcePoller poller;
    private final ExecutorService workers;
    private final SourceMetrics metrics;
    private final String instance = instanceName();
    private final Map<String, SourceState> states = new LinkedHashMap<>();
    private final Object updateLock = new Object();
    private final Object wakeup = new Object();
    private final List<Consumer<SourceStatus>> statusListeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean started;
    private volatile Thread runner;

    /** A service with its own meter registry (see {@link #IngestService(NewswatchConfig, Properties, List,
     * PoliteFetcher, MeterRegistry)}). */
    public IngestService(NewswatchConfig config, Properties kafkaProps, List<Source> sources, PoliteFetcher fetcher) {
        this(config, kafkaProps, sources, fetcher, new SimpleMeterRegistry());
    }

    /**
     * @param config     the configuration (client id prefix, poll interval, fetch threads, backoff)
     * @param kafkaProps Kafka connection properties (at least bootstrap.servers)
     * @param sources    the sources to poll at first; {@link #updateSources} changes them
     * @param fetcher    the fetcher to use; stays open after {@link #close()}
     * @param registry   where the per-source meters go
     */
    public IngestService(NewswatchConfig config, Properties kafkaProps, List<Source> sources, PoliteFetcher fetcher,
                         MeterRegistry registry) {
        this(config, kafkaProps, sources, fetcher, registry, Clock.systemUTC());
    }

    /** @param retryClock decides when a failed page is due for its retry (tests move it by hand) */
    IngestService(NewswatchConfig config, Properties kafkaProps, List<Source> sources, PoliteFetcher fetcher,
                  MeterRegistry registry, Clock retryClock) {
        this.config = config;
        this.kafkaProps = (Properties) kafkaProps.clone();
        this.fetcher = fetcher;
        this.metrics = new SourceMetrics(registry);
        this.publisher = new ArticlePublisher(this.kafkaProps, config.get(ConfigKeys.CLIENT_ID_PREFIX) + "-ingest",
                config.get(ConfigKeys.ARTICLE_MAX_TEXT));
        this.poller = new SourcePoller(readers(fetcher),
                new EntryProcessor(fetcher, publisher, () -> stopped.getCount() == 0), publisher,
                () -> stopped.getCount() == 0, instance, statusListeners, retryClock);
        Instant now = Instant.now();
        for (Source s : sources) {
            if (states.containsKey(s.id())) {
                throw new IllegalArgumentException("duplicate source id: " + s.id());
            }
            addState(s, now);
        }
        this.workers = Executors.newFixedThreadPool(config.get(ConfigKeys.FETCH_THREADS), r -> {
            Thread t = new Thread(r, "newswatch-ingest-source");
            t.setDaemon(true);
            return t;
        });
    }

    /** Registers a callback for every article version Kafka acknowledged. */
    public void onPublished(Consumer<Article> listener) {
        publisher.onPublished(listener);
    }

    /** Registers a callback for each source's status after each of its polls; its exceptions are logged. */
    public void onStatus(Consumer<SourceStatus> listener) {
        statusListeners.add(listener);
    }

    /** This process's name in {@link SourceStatus#instance()}: host name and process id. */
    public String instance() {
        return instance;
    }

    /** The schedule and health of every source now polled, in the order they were added; a snapshot. */
    public List<SourceHealth> health() {
        return snapshot().stream().map(SourceState::health).toList();
    }

    /** The status of every source now polled, in the order they were added; a snapshot. */
    public List<SourceStatus> statuses() {
        Instant now = Instant.now();
        return snapshot().stream().map(s -> s.status(instance, now)).toList();
    }

    /** The sources now polled, in the order they were added. */
    public List<Source> sources() {
        return snapshot().stream().map(SourceState::source).toList();
    }

    private List<SourceState> snapshot() {
        synchronized (states) {
            return List.copyOf(states.values());
        }
    }

    private void addState(Source s, Instant now) {
        SourceState state = new SourceState(s, s.intervalOr(config.get(ConfigKeys.POLL_INTERVAL)),
                config.get(ConfigKeys.BACKOFF_MAX), () -> ThreadLocalRandom.current().nextDouble(), now,
                PageRetries.Settings.from(config));
        synchronized (states) {
            states.put(s.id(), state);
        }
        metrics.register(state);
    }

    /**
     * Creates the catalogue topics when missing, rebuilds the id-to-content-hash map from {@link Topics#ARTICLES}
     * (and keeps following it) and opens the producer.
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
        LOG.info("ingest started with {} sources", snapshot().size());
    }

    /**
     * Replaces the set of sources this instance polls. Sources that are gone, or whose definition changed, are
     * retired first: no longer scheduled, a running poll interrupted and waited for (at most
     * {@link #RETIRE_WAIT}), and everything sent flushed, so whoever polls them next sees it on the topic. Then, if
     * any source is new, {@link Topics#ARTICLES} is read to its end before the new sources are scheduled (due at
     * once). Sources whose definition is unchanged keep their schedule, health and counters.
     *
     * @throws IllegalStateException when {@link #start()} has not run, or the topic cannot be read to its end (the
     *                               new sources are then not added; the caller may retry)
     */
    public void updateSources(Collection<Source> wanted) {
        if (!started) {
            throw new IllegalStateException("start() must run before updateSources()");
        }
        Map<String, Source> byId = new LinkedHashMap<>();
        wanted.forEach(s -> byId.put(s.id(), s));
        synchronized (updateLock) {
            List<SourceState> retired = new ArrayList<>();
            synchronized (states) {
                states.values().removeIf(st -> {
                    boolean gone = !st.source().equals(byId.get(st.source().id()));
                    if (gone) {
                        retired.add(st);
                    }
                    return gone;
                });
            }
            for (SourceState st : retired) {
                metrics.remove(st.source().id());
                retire(st);
            }
            if (!retired.isEmpty()) {
                publisher.flush();
            }
            List<Source> added;
            synchronized (states) {
                added = byId.values().stream().filter(s -> !states.containsKey(s.id())).toList();
            }
            if (!added.isEmpty()) {
                publisher.catchUp(CATCH_UP_WAIT);
                Instant now = Instant.now();
                added.forEach(s -> addState(s, now));
            }
            if (!retired.isEmpty() || !added.isEmpty()) {
                // "removed" read as if the sources were deleted: on shutdown or a rebalance they are only let go
                LOG.info("sources this instance polls: {} taken on {}, {} let go {} (dropped from the list, handed to "
                        + "another instance, or stopping); polling {}", added.size(),
                        added.stream().map(Source::id).toList(), retired.size(),
                        retired.stream().map(st -> st.source().id()).toList(), snapshot().size());
            }
        }
        wake();
    }

    private void retire(SourceState st) {
        Future<?> running = st.future;
        if (running != null) {
            running.cancel(true);
        }
        try {
            if (!st.retire(RETIRE_WAIT)) {
                LOG.warn("source {}: its poll did not end within {} of its removal", st.source().id(), RETIRE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Polls every source once, sources in parallel (up to {@code ingest.fetch.threads}), and waits until every
     * article sent is acknowledged. A source whose poll is already running (from {@link #runUntilStopped()}) is
     * skipped.
     *
     * @throws IllegalStateException when {@link #start()} has not run
     */
    public IngestStats pollOnce() {
        if (!started) {
            throw new IllegalStateException("start() must run before polling");
        }
        List<Future<IngestStats>> results = new ArrayList<>();
        for (SourceState st : snapshot()) {
            Future<IngestStats> f = submit(st);
            if (f != null) {
                results.add(f);
            }
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

    /** Starts a poll of the source on a worker; null when one is running or the source was retired. */
    private Future<IngestStats> submit(SourceState st) {
        if (!st.tryStart()) {
            return null;
        }
        FutureTask<IngestStats> task = new FutureTask<>(() -> {
            try {
                return poller.poll(st);
            } finally {
                st.finished();
                wake();
            }
        });
        st.future = task; // before it runs, so a removal can always interrupt it
        try {
            workers.execute(task);
            return task;
        } catch (RejectedExecutionException e) {
            st.finished();
            return null;
        }
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
                return new IngestStats(0, 0, 0, 0, 0, 0);
            } catch (ExecutionException e) {
                LOG.warn("a source poll failed unexpectedly: {}", e.getCause().toString(), e.getCause());
                return new IngestStats(1, 1, 0, 0, 0, 0);
            }
        }
    }

    /** One reader per source type, sharing the fetcher. */
    static Map<String, SourceReader> readers(PoliteFetcher fetcher) {
        return SourcePoller.readers(fetcher);
    }

    /**
     * Polls each source when it is due (see the class description: its adaptive interval, or its backed-off one
     * after failures), each on its own schedule, until {@link #close()} is called from another thread; returns
     * promptly after that.
     */
    public void runUntilStopped() {
        if (!started) {
            throw new IllegalStateException("start() must run before polling");
        }
        runner = Thread.currentThread();
        while (stopped.getCount() > 0) {
            Instant now = Instant.now();
            long wait = TimeUnit.SECONDS.toNanos(1);
            for (SourceState st : snapshot()) {
                if (st.running()) {
                    continue;
                }
                long due = Duration.between(now, st.nextPoll()).toNanos();
                if (due <= 0) {
                    submit(st);
                } else {
                    wait = Math.min(wait, due);
                }
            }
            synchronized (wakeup) {
                try {
                    if (stopped.getCount() > 0) {
                        TimeUnit.NANOSECONDS.timedWait(wakeup, wait);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        LOG.info("ingest stopped");
    }

    private void wake() {
        synchronized (wakeup) {
            wakeup.notifyAll();
        }
    }

    private static String instanceName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            host = "localhost";
        }
        return host + "/" + ProcessHandle.current().pid();
    }

    /**
     * Stops {@link #runUntilStopped()} (source polls in progress are interrupted) and closes the producer after
     * sending what was already handed to it.
     */
    @Override
    public void close() {
        stopped.countDown();
        wake();
        workers.shutdownNow();
        try {
            workers.awaitTermination(30, TimeUnit.SECONDS);
            Thread r = runner;
            if (r != null && r != Thread.currentThread()) {
                r.join(TimeUnit.SECONDS.toMillis(30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.close();
    }
}
