package io.newswatch.cli.internal;

import io.newswatch.cli.internal.ObservabilityServer.HttpError;
import io.newswatch.streams.TrendCountsQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code GET /api/counts?tag=ru-kp&from=...&to=...}: the hourly trend counts of one entity code or tag, as JSON
 * ({@link TrendCountsQuery.Counts}: {@code tag}, {@code from}, {@code to}, {@code total} and every hour's
 * {@code start}, {@code end}, {@code count}).
 *
 * <p>{@code tag} is required. {@code from} and {@code to} are ISO-8601 instants ({@code 2025-03-01T08:00:00Z}),
 * date-times with an offset, or dates (midnight UTC); {@code to} defaults to now and {@code from} to 24 hours
 * before {@code to}. A missing tag or a bad time or range answers 400; counts this instance cannot give (another
 * instance holds the tag, or Kafka Streams is not running) answer 503 with {@code owner} naming the instance that
 * holds them when known.
 */
public final class CountsEndpoint implements Function<Map<String, String>, Object> {
    public static final String PATH = "/api/counts";
    static final Duration DEFAULT_RANGE = Duration.ofHours(24);

    /** Where the counts come from; the running service's {@code counts} method. */
    @FunctionalInterface
    public interface CountsSource {
        TrendCountsQuery.Counts counts(String tag, Instant from, Instant to);
    }

    private final CountsSource source;
    private final Clock clock;

    public CountsEndpoint(CountsSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    @Override
    public Object apply(Map<String, String> query) {
        String tag = query.getOrDefault("tag", "").strip();
        if (tag.isEmpty()) {
            throw new HttpError(400, "give the entity code or tag to count: " + PATH + "?tag=ru-kp");
        }
        Instant to = time(query, "to", clock.instant());
        Instant from = time(query, "from", to.minus(DEFAULT_RANGE));
        try {
            return source.counts(tag, from, to);
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, e.getMessage());
        } catch (TrendCountsQuery.CountsUnavailableException e) {
            Map<String, Object> details = new HashMap<>();
            if (e.owner() != null) {
                details.put("owner", e.owner());
            }
            throw new HttpError(503, e.getMessage(), details);
        }
    }

    private static Instant time(Map<String, String> query, String name, Instant absent) {
        String text = query.get(name);
        if (text == null || text.isBlank()) {
            return absent;
        }
        // an unencoded '+' of an offset arrives as a space; no valid time contains one
        text = text.strip().replace(' ', '+');
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new HttpError(400, "'" + name + "' is not a time: " + text
                    + " (use e.g. 2025-03-01T08:00:00Z, 2025-03-01T10:00:00+02:00 or 2025-03-01)");
        }
    }
}
