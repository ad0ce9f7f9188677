package io.newswatch.ingest.fetch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How long robots.txt answers are trusted (RFC 9309 sections 2.3.1 and 2.4). */
class RobotsCacheTest {
    private static final String ROBOTS = "https://pier.example/robots.txt";

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T00:00:00Z");

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

    @Test
    void anUnreachableRobotsTxtIsAskedAgainAfterMinutesAParsedOneAfterTheTtl() throws Exception {
        HandClock clock = new HandClock();
        AtomicInteger loads = new AtomicInteger();
        AtomicBoolean up = new AtomicBoolean(false);
        RobotsCache cache = new RobotsCache("newswatch/0.1", Duration.ofHours(24), url -> {
            loads.incrementAndGet();
            if (!up.get()) {
                throw new IOException("Connection refused");
            }
            return new RobotsCache.Response(200, "User-agent: *\nDisallow: /private/\n"
                    .getBytes(StandardCharsets.UTF_8), "text/plain");
        }, clock);

        assertThat(cache.rulesFor(ROBOTS).isAllowed("https://pier.example/news")).isFalse();
        assertThat(cache.unreachableReason(ROBOTS)).contains("unreachable (Connection refused)");
        clock.advance(RobotsCache.UNREACHABLE_TTL.minusSeconds(1));
        cache.rulesFor(ROBOTS);
        assertThat(loads).as("still cached").hasValue(1);

        up.set(true);
        clock.advance(Duration.ofSeconds(2));
        assertThat(cache.rulesFor(ROBOTS).isAllowed("https://pier.example/news")).isTrue();
        assertThat(cache.rulesFor(ROBOTS).isAllowed("https://pier.example/private/x")).isFalse();
        assertThat(cache.unreachableReason(ROBOTS)).isNull();
        assertThat(loads).hasValue(2);

        clock.advance(Duration.ofHours(23));
        cache.rulesFor(ROBOTS);
        assertThat(loads).as("a real answer is kept for the TTL").hasValue(2);
        clock.advance(Duration.ofHours(2));
        cache.rulesFor(ROBOTS);
        assertThat(loads).hasValue(3);
    }
}
