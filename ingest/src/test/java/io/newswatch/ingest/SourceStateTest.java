package io.newswatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.newswatch.ingest.source.Source;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Backoff, health transitions and adaptive intervals of one source, with a fixed clock and fixed jitter. */
class SourceStateTest {
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

    private static SourceState state(String type, double jitter) {
        boolean local = Source.PATH_TYPES.contains(type);
        Source s = new Source("wire", type, local ? null : "https://news.example/feed.xml",
                local ? Path.of("archive.warc.gz") : null, Duration.ofMinutes(10), null, null,
                type.equals("html-index") ? "article a" : null, null, false);
        return new SourceState(s, Duration.ofMinutes(10), Duration.ofMinutes(60), () -> jitter, T0);
    }

    private static Duration waitAfter(SourceState st, Instant at) {
        return Duration.between(at, st.nextPoll());
    }

    @Test
    void failuresBackOffExponentiallyWithJitterUpToTheCap() {
        SourceState mid = state("rss", 0.5); // jitter factor 1.0
        mid.failed("HTTP 500", null, T0);
        assertThat(waitAfter(mid, T0)).isEqualTo(Duration.ofMinutes(20));
        mid.failed("HTTP 500", null, T0);
        assertThat(waitAfter(mid, T0)).isEqualTo(Duration.ofMinutes(40));
        mid.failed("HTTP 500", null, T0);
        assertThat(waitAfter(mid, T0)).isEqualTo(Duration.ofMinutes(60));
        for (int i = 0; i < 40; i++) {
            mid.failed("HTTP 500", null, T0);
        }
        assertThat(waitAfter(mid, T0)).isEqualTo(Duration.ofMinutes(60));

        SourceState low = state("rss", 0.0);
        low.failed("HTTP 500", null, T0);
        assertThat(waitAfter(low, T0)).isEqualTo(Duration.ofMinutes(16));
        SourceState high = state("rss", 0.999_999);
        high.failed("HTTP 500", null, T0);
        assertThat(waitAfter(high, T0)).isBetween(Duration.ofSeconds(1439), Duration.ofMinutes(24));
    }

    @Test
    void retryAfterWinsWhenLongerThanTheBackoff() {
        SourceState st = state("rss", 0.5);
        st.failed("HTTP 429", Duration.ofHours(3), T0);
        assertThat(waitAfter(st, T0)).isEqualTo(Duration.ofHours(3));
        st.failed("HTTP 429", Duration.ofSeconds(5), T0);
        assertThat(waitAfter(st, T0)).isEqualTo(Duration.ofMinutes(40));
    }

    @Test
    void turnsUnhealthyOnceAfterThreeFailuresAndRecoversOnce() {
        SourceState st = state("sitemap", 0.5);
        st.failed("HTTP 502 from https://news.example/feed.xml", null, T0);
        st.failed("HTTP 502 from https://news.example/feed.xml", null, T0);
        assertThat(st.health().healthy()).isTrue();
        assertThat(logs.list).isEmpty();

        st.failed("timed out fetching https://news.example/feed.xml", null, T0);
        st.failed("timed out fetching https://news.example/feed.xml", null, T0);
        SourceHealth h = st.health();
        assertThat(h.healthy()).isFalse();
        assertThat(h.consecutiveFailures()).isEqualTo(4);
        assertThat(h.lastError()).startsWith("timed out");
        assertThat(h.lastSuccess()).isNull();
        assertThat(logs.list).hasSize(1);
        assertThat(logs.list.get(0).getLevel()).isEqualTo(Level.WARN);
        assertThat(logs.list.get(0).getFormattedMessage()).contains("wire", "unhealthy", "timed out");

        Instant later = T0.plusSeconds(3600);
        st.succeeded(false, later);
        st.succeeded(false, later);
        h = st.health();
        assertThat(h.healthy()).isTrue();
        assertThat(h.consecutiveFailures()).isZero();
        assertThat(h.lastSuccess()).isEqualTo(later);
        assertThat(logs.list).hasSize(2);
        assertThat(logs.list.get(1).getLevel()).isEqualTo(Level.INFO);
        assertThat(logs.list.get(1).getFormattedMessage()).contains("wire", "recovered");
    }

    @Test
    void feedsAdaptButArchivesKeepTheirInterval() {
        SourceState feed = state("html-index", 0.5);
        List<Boolean> polls = List.of(false, false, false, false, false, true, true, true, true, true);
        List<Duration> seen = polls.stream().map(found -> {
            feed.succeeded(found, T0);
            return waitAfter(feed, T0);
        }).toList();
        assertThat(seen).containsExactly(Duration.ofMinutes(15), Duration.parse("PT22M30S"),
                Duration.parse("PT33M45S"), Duration.parse("PT40M"), Duration.parse("PT40M"),
                Duration.ofMinutes(20), Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.parse("PT2M30S"),
                Duration.parse("PT2M30S"));

        SourceState archive = state("warc", 0.5);
        archive.succeeded(false, T0);
        assertThat(waitAfter(archive, T0)).isEqualTo(Duration.ofMinutes(10));
        archive.succeeded(true, T0);
        assertThat(waitAfter(archive, T0)).isEqualTo(Duration.ofMinutes(10));
    }
}
