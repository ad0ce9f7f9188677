package io.newswatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.newswatch.ingest.fetch.FetchException;
import io.newswatch.ingest.source.SourceEntry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** The retry queue of one source, on a fixed clock: backoff, Retry-After, the cap and the size bound. */
class PageRetriesTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(IngestService.class);

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    private static PageRetries retries(int retries, int capacity) {
        return new PageRetries("harbour", new PageRetries.Settings(retries, Duration.ofMinutes(1),
                Duration.ofHours(1), capacity));
    }

    private static SourceEntry.Link link(String path) {
        return new SourceEntry.Link("https://harbour.example" + path, null, null, null);
    }

    private static FetchException http(int status, Duration retryAfter) {
        return new FetchException("https://harbour.example/x", "HTTP " + status + " from https://harbour.example/x",
                status, retryAfter, null);
    }

    private long warnings(String containing) {
        return logs.list.stream().filter(e -> e.getLevel() == Level.WARN)
                .filter(e -> e.getFormattedMessage().contains(containing)).count();
    }

    @ParameterizedTest(name = "retry {0}, Retry-After {1}s: wait {2}s")
    @CsvSource({
            "1, , 60", "2, , 120", "3, , 240", "4, , 480", "6, , 1920", "7, , 3600", "40, , 3600",
            // a Retry-After longer than the backoff wins, up to the same cap
            "1, 300, 300", "3, 60, 240", "1, 86400, 3600", "1, 0, 60"})
    void waitsDoubleFromTheFirstAndNeverUndercutRetryAfter(int n, Long retryAfterSeconds, long expectedSeconds) {
        Duration retryAfter = retryAfterSeconds == null ? null : Duration.ofSeconds(retryAfterSeconds);
        assertThat(retries(5, 10).waitBefore(n, retryAfter)).isEqualTo(Duration.ofSeconds(expectedSeconds));
    }

    @Test
    void anEntryIsDueAfterItsWaitAndCountedWhenARetryFetchesIt() {
        PageRetries q = retries(5, 10);
        SourceEntry.Link a = link("/a");
        SourceEntry.Link b = link("/b");
        q.failed(a, http(503, null), T0);
        q.failed(b, http(429, Duration.ofMinutes(5)), T0);
        assertThat(q.waiting()).isEqualTo(2);
        assertThat(q.isWaiting(a)).isTrue();
        assertThat(q.due(T0.plusSeconds(59))).isEmpty();
        assertThat(q.due(T0.plusSeconds(60))).containsExactly(a);
        assertThat(q.due(T0.plusSeconds(300))).as("longest overdue first").containsExactly(a, b);
        assertThat(warnings("page https://harbour.example/a failed: HTTP 503")).isEqualTo(1);

        q.failed(a, http(502, null), T0.plusSeconds(60));
        assertThat(q.due(T0.plusSeconds(179))).as("the second wait is twice the first").isEmpty();
        assertThat(q.due(T0.plusSeconds(180))).containsExactly(a);
        q.fetched(a);
        q.fetched(link("/never-failed"));
        assertThat(q.waiting()).isEqualTo(1);
        assertThat(q.succeeded()).isEqualTo(1);
        assertThat(q.givenUp()).isZero();
    }

    @Test
    void anEntryIsGivenUpAfterItsRetriesAndWhenARetryFailsForGood() {
        PageRetries q = retries(2, 10);
        SourceEntry.Link a = link("/a");
        q.failed(a, http(503, null), T0);
        q.failed(a, http(503, null), T0);
        assertThat(q.waiting()).isEqualTo(1);
        q.failed(a, http(504, null), T0);
        assertThat(q.waiting()).isZero();
        assertThat(q.givenUp()).isEqualTo(1);
        assertThat(warnings("page https://harbour.example/a given up after 2 retries: HTTP 504")).isEqualTo(1);

        SourceEntry.Link b = link("/b");
        q.failed(b, http(503, null), T0);
        q.failedForGood(b, "HTTP 404 from https://harbour.example/b");
        q.failedForGood(link("/not-waiting"), "HTTP 404");
        assertThat(q.waiting()).isZero();
        assertThat(q.givenUp()).isEqualTo(2);
        assertThat(warnings("page https://harbour.example/b given up, its retry failed for good: HTTP 404"))
                .isEqualTo(1);
    }

    @Test
    void aFullQueueGivesNewFailuresUpAndKeepsWhatWaits() {
        PageRetries q = retries(5, 2);
        q.failed(link("/a"), http(503, null), T0);
        q.failed(link("/b"), http(503, null), T0);
        assertThat(q.failed(link("/c"), http(503, null), T0)).isTrue();
        assertThat(q.waiting()).isEqualTo(2);
        assertThat(q.isWaiting(link("/c"))).isFalse();
        assertThat(q.givenUp()).isEqualTo(1);
        assertThat(warnings("page https://harbour.example/c given up, not queued for a retry: 2 pages wait already "
                + "(ingest.page.retry.queue)")).isEqualTo(1);
        // an entry already waiting is still rescheduled when the queue is full
        q.failed(link("/a"), http(503, null), T0);
        assertThat(q.waiting()).isEqualTo(2);
        assertThat(q.givenUp()).isEqualTo(1);
    }

    @Test
    void zeroRetriesTurnsTheQueueOff() {
        PageRetries q = retries(0, 10);
        assertThat(q.failed(link("/a"), http(503, null), T0)).isFalse();
        assertThat(q.waiting()).isZero();
        assertThat(q.givenUp()).isZero();
        assertThat(logs.list).isEmpty();
    }
}
