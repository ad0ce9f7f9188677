package io.newswatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.newswatch.ingest.fetch.LoopbackSite.Page;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which fetch failures are worth a retry later ({@link FetchException#isTransient()}) and which are final. */
class FetchFailureKindTest {
    private LoopbackSite site;

    @BeforeEach
    void open() throws IOException {
        site = new LoopbackSite();
        site.put("/robots.txt", Page.of("text/plain", "User-agent: *\nDisallow: /members/\n"));
    }

    @AfterEach
    void close() {
        site.close();
    }

    @ParameterizedTest(name = "HTTP {0}: transient {1}")
    @CsvSource({
            "408, true", "429, true", "500, true", "502, true", "503, true", "504, true",
            "400, false", "401, false", "403, false", "404, false", "405, false", "410, false", "451, false",
            "501, false", "505, false",
            // too many redirects carries the last 3xx, an unwanted content type its 200
            "301, false", "200, false"})
    void anHttpStatusIsTransientOnlyWhenItSaysNotNow(int status, boolean transientFailure) {
        FetchException e = new FetchException("https://wire.example/a", "HTTP " + status, status, null, null);
        assertThat(e.isTransient()).isEqualTo(transientFailure);
    }

    @ParameterizedTest(name = "{0}: transient {1}")
    @CsvSource({
            "request timeout, true", "http timeout, true", "connection refused, true", "connection reset, true",
            "interrupted, false", "invalid url, false", "no cause, false"})
    void aFailureWithoutStatusIsTransientWhenTheNetworkFailed(String cause, boolean transientFailure) {
        Throwable t = switch (cause) {
            case "request timeout" -> new TimeoutException();
            case "http timeout" -> new HttpTimeoutException("request timed out");
            case "connection refused" -> new ConnectException("Connection refused");
            case "connection reset" -> new IOException("Connection reset");
            case "interrupted" -> new InterruptedException();
            case "invalid url" -> new URISyntaxException("ht tp://x", "Illegal character");
            case "no cause" -> null;
            default -> throw new IllegalArgumentException(cause);
        };
        FetchException e = new FetchException("https://wire.example/a", "failed: " + cause, t);
        assertThat(e.isTransient()).isEqualTo(transientFailure);
    }

    private static PoliteFetcher fetcher(Duration timeout, long maxBody) {
        return new PoliteFetcher(new FetcherSettings("newswatch-test/1.0", timeout, Duration.ofMillis(5), maxBody,
                5, 4, Duration.ofHours(1)).allowing("127.0.0.1"));
    }

    private static FetchException failure(PoliteFetcher f, String url) {
        return catchThrowableOfType(() -> f.fetch(url), FetchException.class);
    }

    @Test
    void realFailuresOfTheFetcherAreJudgedByWhatWentWrong() throws Exception {
        site.put("/big", Page.of("text/html", "<p>" + "tide tables ".repeat(400) + "</p>"));
        site.put("/busy", Page.status(503, Map.of("Retry-After", "1")));
        site.put("/gone", Page.status(410, Map.of()));
        site.put("/feed.pdf", Page.of("application/pdf", "%PDF-1.4"));
        try (PoliteFetcher f = fetcher(Duration.ofSeconds(10), 1024)) {
            assertThat(failure(f, site.url("/big")).isTransient()).as("over the body limit").isFalse();
            assertThat(failure(f, site.url("/members/notes")).isTransient()).as("robots.txt disallows").isFalse();
            assertThat(failure(f, site.url("/gone")).isTransient()).as("410").isFalse();
            assertThat(failure(f, site.url("/feed.pdf")).isTransient()).as("unwanted type").isFalse();
            assertThat(failure(f, "ftp://127.0.0.1/x").isTransient()).as("not http").isFalse();
            FetchException busy = failure(f, site.url("/busy"));
            assertThat(busy.isTransient()).as("503").isTrue();
            assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void aTimeoutAndAnUnreachableHostAreTransient() throws Exception {
        site.put("/slow", Page.of("text/html", "<p>late</p>"));
        try (PoliteFetcher f = fetcher(Duration.ofMillis(500), 1 << 20)) {
            f.fetch(site.url("/robots.txt")); // read robots.txt before the site turns slow
            site.handlingTime(2000);
            FetchException slow = failure(f, site.url("/slow"));
            assertThat(slow).hasMessageContaining("timed out");
            assertThat(slow.isTransient()).isTrue();
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (PoliteFetcher f = fetcher(Duration.ofSeconds(5), 1 << 20)) {
            FetchException down = failure(f, "http://127.0.0.1:" + closedPort + "/news/1");
            assertThat(down).hasMessageContaining("unreachable");
            assertThat(down.isTransient()).as("robots.txt unreachable: the host is down").isTrue();
        }
    }
}
