package io.newswatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswatch.ingest.fetch.FetcherSettings;
import io.newswatch.ingest.fetch.LoopbackSite;
import io.newswatch.ingest.fetch.LoopbackSite.Page;
import io.newswatch.ingest.fetch.PoliteFetcher;
import io.newswatch.ingest.source.Source;
import io.newswatch.model.Article;
import io.newswatch.model.SourceStatus;
import io.newswatch.model.config.ConfigKeys;
import io.newswatch.model.config.NewswatchConfig;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Article pages that failed transiently are fetched again at later polls, even while the feed answers 304 Not
 * Modified; pages that failed for good are not. The embedded broker and a loopback site; the retry clock is moved by
 * hand, so no test waits for a backoff.
 */
class PageRetryIngestTest {
    @RegisterExtension
    static final LoopbackIngest ingest = new LoopbackIngest(Duration.ofMillis(5));
    private static final String PAGE = "/harbour/strike-ends";

    private final HandClock clock = new HandClock(Instant.parse("2026-03-02T08:00:00Z"));
    private final List<Article> acknowledged = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(IngestService.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private LoopbackSite site;

    /** A clock that moves only when told. */
    private static final class HandClock extends Clock {
        private volatile Instant now;

        HandClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void setUp() {
        site = ingest.site();
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    private static String articlePage() {
        return "<!DOCTYPE html><html lang=\"en\"><head><title>Dock strike ends</title></head><body><article>"
                + "<h1>Dock strike ends</h1><p>Dock workers returned to the quays on Tuesday after an agreement on "
                + "night-shift pay, the union said.</p><p>Ships that waited in the roads for a week began to unload "
                + "in the afternoon, according to the harbour office.</p></article></body></html>";
    }

    /** A feed with one item, answered 304 whenever the client sends its ETag back. */
    private void putFeed(String itemUrl) {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Harbour Gazette</title><link>%s</link><description>d</description>
                  <item><title>Dock strike ends</title><link>%s</link><guid>hg-77</guid></item>
                </channel></rss>
                """.formatted(site.url("/"), itemUrl);
        site.put("/rss.xml", new Page(200, "application/rss+xml", rss.getBytes(StandardCharsets.UTF_8),
                Map.of("ETag", "\"feed-1\"")));
    }

    private IngestService service(PoliteFetcher fetcher, int retries) {
        NewswatchConfig config = NewswatchConfig.defaults()
                .with(ConfigKeys.PAGE_RETRIES, String.valueOf(retries))
                .with(ConfigKeys.PAGE_RETRY_BACKOFF, "100ms");
        IngestService service = new IngestService(config, ingest.kafkaProps(),
                List.of(new Source("harbour-gazette", "rss", site.url("/rss.xml"), null, "en")), fetcher,
                registry, clock);
        service.onPublished(acknowledged::add);
        service.start();
        return service;
    }

    private static SourceStatus status(IngestService service) {
        return service.statuses().get(0);
    }

    private double meter(String name) {
        var search = registry.find(name).tag("source", "harbour-gazette");
        return search.functionCounter() != null ? search.functionCounter().count() : search.gauge().value();
    }

    private int pageHits() {
        return site.hits(PAGE).size();
    }

    @Test
    void aPageThatAnswered503Then429IsRetriedUnderA304FeedAndPublishedOnce() {
        putFeed(site.url(PAGE));
        site.put(PAGE, Page.status(503, Map.of()));
        try (IngestService service = service(ingest.fetcher(), 5)) {
            IngestStats first = service.pollOnce();
            assertThat(first.pageFailures()).isEqualTo(1);
            assertThat(status(service).retryWaiting()).isEqualTo(1);

            // not due yet: the feed answers 304 and the page is left alone
            service.pollOnce();
            assertThat(pageHits()).isEqualTo(1);
            assertThat(status(service).notModified()).isEqualTo(1);

            site.put(PAGE, Page.status(429, Map.of("Retry-After", "2")));
            clock.advance(Duration.ofMillis(100));
            assertThat(service.pollOnce().pageFailures()).isEqualTo(1);
            assertThat(pageHits()).isEqualTo(2);
            assertThat(status(service).retryWaiting()).isEqualTo(1);

            // the Retry-After (2 s) outweighs the second backoff (200 ms)
            site.put(PAGE, Page.of("text/html", articlePage()));
            clock.advance(Duration.ofSeconds(1));
            service.pollOnce();
            assertThat(pageHits()).isEqualTo(2);
            clock.advance(Duration.ofSeconds(1));
            IngestStats recovered = service.pollOnce();
            assertThat(recovered.published()).isEqualTo(1);
            assertThat(pageHits()).isEqualTo(3);

            clock.advance(Duration.ofHours(1));
            assertThat(service.pollOnce().published()).isZero();
            assertThat(pageHits()).isEqualTo(3);
            SourceStatus s = status(service);
            assertThat(s.retryWaiting()).isZero();
            assertThat(s.retrySucceeded()).isEqualTo(1);
            assertThat(s.retryGivenUp()).isZero();
            assertThat(s.notModified()).as("every poll after the first got 304 for the feed").isEqualTo(5);
            assertThat(s.pageFailures()).isEqualTo(2);
            assertThat(s.published()).isEqualTo(1);
            assertThat(meter("newswatch.ingest.pages.retried")).isEqualTo(1.0);
            assertThat(meter("newswatch.ingest.pages.retry.waiting")).isZero();
        }
        assertThat(acknowledged).extracting(Article::title).containsExactly("Dock strike ends");
        assertThat(logs.list).anyMatch(e -> e.getLevel() == Level.INFO
                && e.getFormattedMessage().contains("page " + site.url(PAGE) + " fetched on retry 2"));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {404, 410})
    void aPageThatIsGoneIsNeverRetried(int status) {
        putFeed(site.url(PAGE));
        site.put(PAGE, Page.status(status, Map.of()));
        try (IngestService service = service(ingest.fetcher(), 5)) {
            assertThat(service.pollOnce().pageFailures()).isEqualTo(1);
            for (int i = 0; i < 3; i++) {
                clock.advance(Duration.ofHours(1));
                service.pollOnce();
            }
            assertThat(pageHits()).isEqualTo(1);
            SourceStatus s = status(service);
            assertThat(s.retryWaiting()).isZero();
            assertThat(s.retrySucceeded()).isZero();
            assertThat(s.retryGivenUp()).isZero();
            assertThat(s.notModified()).isEqualTo(3);
        }
        assertThat(acknowledged).isEmpty();
        assertThat(logs.list).anyMatch(e -> e.getLevel() == Level.WARN && e.getFormattedMessage()
                .contains("page " + site.url(PAGE) + " skipped: HTTP " + status));
    }

    @Test
    void aPageThatKeepsFailingIsGivenUpAfterItsRetriesAndCounted() {
        putFeed(site.url(PAGE));
        site.put(PAGE, Page.status(503, Map.of()));
        try (IngestService service = service(ingest.fetcher(), 3)) {
            service.pollOnce();
            for (int i = 0; i < 3; i++) {
                assertThat(status(service).retryWaiting()).isEqualTo(1);
                clock.advance(Duration.ofHours(1));
                service.pollOnce();
            }
            assertThat(pageHits()).as("the first fetch and 3 retries").isEqualTo(4);
            SourceStatus s = status(service);
            assertThat(s.retryWaiting()).isZero();
            assertThat(s.retryGivenUp()).isEqualTo(1);
            assertThat(s.retrySucceeded()).isZero();
            assertThat(meter("newswatch.ingest.pages.given.up")).isEqualTo(1.0);

            site.put(PAGE, Page.of("text/html", articlePage()));
            clock.advance(Duration.ofHours(1));
            service.pollOnce();
            assertThat(pageHits()).as("given up: not fetched again while the feed answers 304").isEqualTo(4);
        }
        assertThat(acknowledged).isEmpty();
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN && e.getFormattedMessage()
                        .contains("page " + site.url(PAGE) + " given up after 3 retries: HTTP 503"))
                .hasSize(1);
    }

    @Test
    void aPageThatTimedOutIsRetried() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer slow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExecutorService threads = Executors.newCachedThreadPool();
        slow.setExecutor(threads);
        slow.createContext("/", ex -> {
            try {
                if (ex.getRequestURI().getPath().equals(PAGE) && requests.incrementAndGet() == 1) {
                    Thread.sleep(5_000); // far beyond the fetcher's timeout
                }
                byte[] body = ex.getRequestURI().getPath().equals(PAGE)
                        ? articlePage().getBytes(StandardCharsets.UTF_8) : new byte[0];
                ex.getResponseHeaders().set("Content-Type", "text/html");
                ex.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.io.IOException e) {
                // the fetcher gave up on the slow answer
            } finally {
                ex.close();
            }
        });
        slow.start();
        String pageUrl = "http://127.0.0.1:" + slow.getAddress().getPort() + PAGE;
        putFeed(pageUrl);
        try (PoliteFetcher impatient = new PoliteFetcher(new FetcherSettings("newswatch-test/1.0",
                Duration.ofSeconds(1), Duration.ofMillis(5), 1 << 20, 5, 4, Duration.ofHours(1)).allowing("127.0.0.1"));
             IngestService service = service(impatient, 5)) {
            assertThat(service.pollOnce().pageFailures()).isEqualTo(1);
            assertThat(status(service).retryWaiting()).isEqualTo(1);
            clock.advance(Duration.ofMinutes(1));
            assertThat(service.pollOnce().published()).isEqualTo(1);
            assertThat(requests.get()).isEqualTo(2);
            assertThat(status(service).retrySucceeded()).isEqualTo(1);
        } finally {
            slow.stop(0);
            threads.shutdownNow();
        }
        assertThat(acknowledged).extracting(Article::url).containsExactly(pageUrl);
        assertThat(logs.list).anyMatch(e -> e.getLevel() == Level.WARN && e.getFormattedMessage()
                .contains("page " + pageUrl + " failed: timed out"));
    }
}
