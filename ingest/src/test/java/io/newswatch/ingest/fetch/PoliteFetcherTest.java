package io.newswatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newswatch.ingest.fetch.LoopbackSite.Hit;
import io.newswatch.ingest.fetch.LoopbackSite.Page;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PoliteFetcherTest {
    private static final String HTML = "text/html; charset=utf-8";
    private LoopbackSite site;

    @BeforeEach
    void startSite() throws Exception {
        site = new LoopbackSite();
        site.put("/robots.txt", Page.of("text/plain", "User-agent: *\nDisallow: /private/\n"));
        site.put("/news/1", Page.of(HTML, "<html><body><p>One</p></body></html>"));
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    private static FetcherSettings settings(Duration hostDelay, long maxBody, int maxRedirects) {
        return new FetcherSettings("newswatch-test/1.0 (+https://example.org/bot)", Duration.ofSeconds(10),
                hostDelay, maxBody, maxRedirects, 4, Duration.ofHours(1)).allowing("127.0.0.1");
    }

    private static PoliteFetcher fetcher() {
        return new PoliteFetcher(settings(Duration.ZERO, 1 << 20, 5));
    }

    @Test
    void fetchesAPageWithItsHeaders() throws Exception {
        site.put("/news/2", new Page(200, HTML, "<p>Two</p>".getBytes(StandardCharsets.UTF_8),
                Map.of("ETag", "\"v1\"", "Last-Modified", "Tue, 05 Mar 2024 08:00:00 GMT")));
        try (PoliteFetcher f = fetcher()) {
            FetchResult r = f.fetch(site.url("/news/2"));

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.url()).isEqualTo(site.url("/news/2"));
            assertThat(r.contentType()).isEqualTo(HTML);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<p>Two</p>");
            assertThat(r.etag()).isEqualTo("\"v1\"");
            assertThat(r.lastModified()).isEqualTo("Tue, 05 Mar 2024 08:00:00 GMT");
        }
    }

    @Test
    void robotsDisallowIsHonouredAndTheServerNeverSeesTheRequest() throws Exception {
        site.put("/private/report", Page.of(HTML, "<p>secret</p>"));
        try (PoliteFetcher f = fetcher()) {
            assertThatThrownBy(() -> f.fetch(site.url("/private/report")))
                    .isInstanceOf(FetchException.class)
                    .hasMessageContaining("robots.txt")
                    .hasMessageContaining("/private/report");
            assertThat(f.fetch(site.url("/news/1")).status()).isEqualTo(200);
        }
        assertThat(site.hits("/private/report")).isEmpty();
        assertThat(site.hits("/robots.txt")).hasSize(1);
    }

    @Test
    void robotsServerErrorDisallowsAndRobotsNotFoundAllows() throws Exception {
        site.put("/robots.txt", Page.status(503, Map.of()));
        try (PoliteFetcher f = fetcher()) {
            assertThatThrownBy(() -> f.fetch(site.url("/news/1"))).hasMessageContaining("robots.txt")
                    .hasMessageContaining("answered 503").hasMessageNotContaining("disallowed by");
        }
        assertThat(site.hits("/news/1")).isEmpty();

        site.put("/robots.txt", Page.status(404, Map.of()));
        try (PoliteFetcher f = fetcher()) {
            assertThat(f.fetch(site.url("/news/1")).status()).isEqualTo(200);
        }
    }

    @Test
    void anUnreachableHostIsNamedAsSuchNotAsADisallow() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (PoliteFetcher f = fetcher()) {
            assertThatThrownBy(() -> f.fetch("http://127.0.0.1:" + closedPort + "/feed.xml"))
                    .hasMessageContaining("robots.txt http://127.0.0.1:" + closedPort + "/robots.txt unreachable")
                    .hasMessageContaining("/feed.xml");
        }
    }

    @Test
    void bodyOverTheLimitIsCut() throws Exception {
        site.put("/big", Page.of(HTML, "x".repeat(200_000)));
        try (PoliteFetcher f = new PoliteFetcher(settings(Duration.ZERO, 10_000, 5))) {
            assertThatThrownBy(() -> f.fetch(site.url("/big")))
                    .isInstanceOf(FetchException.class)
                    .hasMessageContaining("body larger than 10000 bytes");
            site.put("/small", Page.of(HTML, "x".repeat(10_000)));
            assertThat(f.fetch(site.url("/small")).body()).hasSize(10_000);
        }
    }

    @Test
    void redirectsAreFollowedUpToTheLimit() throws Exception {
        for (int i = 0; i < 6; i++) {
            site.put("/hop/" + i, Page.status(302, Map.of("Location", "/hop/" + (i + 1))));
        }
        site.put("/hop/6", Page.of(HTML, "<p>end</p>"));
        try (PoliteFetcher f = new PoliteFetcher(settings(Duration.ZERO, 1 << 20, 3))) {
            assertThat(f.fetch(site.url("/hop/3")).url()).isEqualTo(site.url("/hop/6"));
            assertThatThrownBy(() -> f.fetch(site.url("/hop/0")))
                    .isInstanceOf(FetchException.class)
                    .hasMessageContaining("too many redirects (more than 3)");
        }
        // the second fetch stopped at /hop/3, the fourth response, without following it
        assertThat(site.hits("/hop/3")).hasSize(2);
        assertThat(site.hits("/hop/4")).hasSize(1);
    }

    @Test
    void redirectIntoADisallowedPathIsRefused() throws Exception {
        site.put("/go", Page.status(301, Map.of("Location", "/private/landing")));
        try (PoliteFetcher f = fetcher()) {
            assertThatThrownBy(() -> f.fetch(site.url("/go"))).hasMessageContaining("robots.txt");
        }
        assertThat(site.hits("/private/landing")).isEmpty();
    }

    @Test
    void httpErrorsCarryTheStatusAndRetryAfter() throws Exception {
        site.put("/busy", Page.status(503, Map.of("Retry-After", "120")));
        try (PoliteFetcher f = fetcher()) {
            assertThatThrownBy(() -> f.fetch(site.url("/missing")))
                    .isInstanceOfSatisfying(FetchException.class, e -> {
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.retryAfter()).isNull();
                        assertThat(e.getMessage()).contains("404", "/missing");
                    });
            assertThatThrownBy(() -> f.fetch(site.url("/busy")))
                    .isInstanceOfSatisfying(FetchException.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
                    });
        }
    }

    @Test
    void retryAfterSecondsHoldsBackTheNextRequestToThatHost() throws Exception {
        site.put("/slow-down", Page.status(429, Map.of("Retry-After", "1")));
        try (PoliteFetcher f = fetcher()) {
            assertThatThrownBy(() -> f.fetch(site.url("/slow-down")))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.status()).isEqualTo(429));
            f.fetch(site.url("/news/1"));
        }
        long gap = site.hits("/news/1").get(0).arrivedNanos() - site.hits("/slow-down").get(0).arrivedNanos();
        assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void retryAfterHttpDateHoldsBackTheNextRequestToThatHost() throws Exception {
        // HTTP-dates have whole seconds: two seconds ahead is at least one second away
        String at = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(2));
        site.put("/maintenance", Page.status(503, Map.of("Retry-After", at)));
        try (PoliteFetcher f = fetcher()) {
            assertThatThrownBy(() -> f.fetch(site.url("/maintenance")))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.status()).isEqualTo(503));
            f.fetch(site.url("/news/1"));
        }
        long gap = site.hits("/news/1").get(0).arrivedNanos() - site.hits("/maintenance").get(0).arrivedNanos();
        assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void refusesOtherSchemesAndUnwantedContentTypes() throws Exception {
        site.put("/logo.png", new Page(200, "image/png", new byte[] {1, 2, 3}, Map.of()));
        try (PoliteFetcher f = fetcher()) {
            assertThatThrownBy(() -> f.fetch("ftp://127.0.0.1/file.txt"))
                    .isInstanceOf(FetchException.class).hasMessageContaining("only http and https");
            assertThatThrownBy(() -> f.fetch("file:///etc/passwd"))
                    .isInstanceOf(FetchException.class).hasMessageContaining("only http and https");
            assertThatThrownBy(() -> f.fetch(site.url("/logo.png")))
                    .isInstanceOf(FetchException.class).hasMessageContaining("image/png");
        }
    }

    @Test
    void conditionalGetReturns304WithEmptyBody() throws Exception {
        site.put("/feed.xml", new Page(200, "application/rss+xml", "<rss/>".getBytes(StandardCharsets.UTF_8),
                Map.of("ETag", "\"abc\"")));
        try (PoliteFetcher f = fetcher()) {
            FetchResult first = f.fetch(site.url("/feed.xml"));
            FetchResult second = f.fetch(site.url("/feed.xml"), first.etag(), first.lastModified());

            assertThat(second.status()).isEqualTo(304);
            assertThat(second.notModified()).isTrue();
            assertThat(second.body()).isEmpty();
            assertThat(second.etag()).isEqualTo("\"abc\"");
        }
        assertThat(site.hits("/feed.xml")).extracting(Hit::ifNoneMatch).containsExactly(null, "\"abc\"");
    }

    @Test
    void requestsToOneHostAreSerialAndSpacedByTheHostDelay() throws Exception {
        Duration delay = Duration.ofMillis(250);
        for (int i = 0; i < 4; i++) {
            site.put("/p/" + i, Page.of(HTML, "<p>" + i + "</p>"));
        }
        site.handlingTime(50);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (PoliteFetcher f = new PoliteFetcher(settings(delay, 1 << 20, 5))) {
            List<Future<FetchResult>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String url = site.url("/p/" + i);
                results.add(callers.submit(() -> f.fetch(url)));
            }
            for (Future<FetchResult> r : results) {
                assertThat(r.get().status()).isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }
        List<Hit> hits = new ArrayList<>(site.hits());
        hits.sort(Comparator.comparingLong(Hit::arrivedNanos));
        assertThat(hits).hasSize(5);
        assertThat(site.maxInFlight()).isEqualTo(1);
        for (int i = 1; i < hits.size(); i++) {
            long gap = hits.get(i).arrivedNanos() - hits.get(i - 1).arrivedNanos();
            assertThat(gap).as("gap before %s", hits.get(i).path()).isGreaterThanOrEqualTo(delay.toNanos());
        }
    }

    @Test
    void aSlowHostDoesNotHoldUpRequestsToAnother() throws Exception {
        site.put("/slow", Page.of(HTML, "<p>slow</p>"));
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try (LoopbackSite slow = new LoopbackSite(); PoliteFetcher f = fetcher()) {
            slow.put("/slow", Page.of(HTML, "<p>slow</p>"));
            slow.handlingTime(1_500);
            Future<FetchResult> slowFetch = callers.submit(() -> f.fetch(slow.url("/slow")));
            await().atMost(Duration.ofSeconds(5)).until(() -> !slow.hits("/slow").isEmpty());
            long fastStart = System.nanoTime();
            for (int i = 0; i < 3; i++) {
                assertThat(f.fetch(site.urlAs("localhost", "/news/1")).status()).isEqualTo(200);
            }
            long fastTook = System.nanoTime() - fastStart;
            assertThat(slowFetch.isDone()).as("the slow host is still answering").isFalse();
            assertThat(Duration.ofNanos(fastTook)).isLessThan(Duration.ofMillis(1_500));
            assertThat(slowFetch.get().status()).isEqualTo(200);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void theGlobalLimitCapsRequestsInFlightAcrossHosts() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (LoopbackSite other = new LoopbackSite(); PoliteFetcher f = new PoliteFetcher(new FetcherSettings(
                "newswatch-test/1.0", Duration.ofSeconds(10), Duration.ZERO, 1 << 20, 5, 1, Duration.ofHours(1))
                .allowing("127.0.0.1"))) {
            site.handlingTime(300);
            other.handlingTime(300);
            other.put("/robots.txt", Page.of("text/plain", "User-agent: *\nAllow: /\n"));
            other.put("/news/1", Page.of(HTML, "<p>other</p>"));
            f.fetch(site.url("/robots.txt")); // robots.txt read first, so only the page requests overlap
            f.fetch(other.url("/robots.txt"));
            List<Future<FetchResult>> results = new ArrayList<>();
            results.add(callers.submit(() -> f.fetch(site.url("/news/1"))));
            results.add(callers.submit(() -> f.fetch(other.url("/news/1"))));
            results.add(callers.submit(() -> f.fetch(site.urlAs("localhost", "/news/1"))));
            for (Future<FetchResult> r : results) {
                assertThat(r.get().status()).isEqualTo(200);
            }
            List<Hit> pages = new ArrayList<>(site.hits("/news/1"));
            pages.addAll(other.hits("/news/1"));
            pages.sort(Comparator.comparingLong(Hit::arrivedNanos));
            assertThat(pages).hasSize(3);
            for (int i = 1; i < pages.size(); i++) {
                assertThat(pages.get(i).arrivedNanos() - pages.get(i - 1).arrivedNanos())
                        .as("one request at a time across three hosts").isGreaterThanOrEqualTo(290_000_000L);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void crawlDelayLargerThanTheHostDelayWins() throws Exception {
        site.put("/robots.txt", Page.of("text/plain", "User-agent: newswatch-test\nCrawl-delay: 1\nAllow: /\n"));
        site.put("/a", Page.of(HTML, "<p>a</p>"));
        site.put("/b", Page.of(HTML, "<p>b</p>"));
        try (PoliteFetcher f = new PoliteFetcher(settings(Duration.ofMillis(10), 1 << 20, 5))) {
            f.fetch(site.url("/a"));
            f.fetch(site.url("/b"));
        }
        long gap = site.hits("/b").get(0).arrivedNanos() - site.hits("/a").get(0).arrivedNanos();
        assertThat(gap).isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
    }

    @Test
    void settingsComeFromTheConfiguration() {
        var config = io.newswatch.model.config.NewswatchConfig.defaults()
                .with(io.newswatch.model.config.ConfigKeys.HOST_DELAY, "3s")
                .with(io.newswatch.model.config.ConfigKeys.FETCH_THREADS, "7");

        FetcherSettings s = FetcherSettings.from(config);

        assertThat(s.hostDelay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.maxConcurrency()).isEqualTo(7);
        assertThat(s.maxBodyBytes()).isEqualTo(5L * 1024 * 1024);
        assertThat(s.userAgent()).startsWith("newswatch/");
    }
}
