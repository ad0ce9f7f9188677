package io.newswatch.ingest.source;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The {@code since}/{@code until} bounds of a source, both inclusive; either may be null (unbounded).
 *
 * <p>Contract: with no bound every entry passes, dated or not. With a bound, an entry passes only when its date is
 * known and inside the bounds: an undated entry cannot be shown to be in range, and a backfill over a range must not
 * pull in a whole site. {@code since} given as a date means that day's start (UTC); {@code until} given as a date
 * means that day's end, so {@code since: 2024-03-01, until: 2024-03-01} is the whole day.
 *
 * @param since earliest date accepted, or null
 * @param until latest date accepted, or null
 */
public record DateRange(Instant since, Instant until) {
    /** No bounds. */
    public static final DateRange ALL = new DateRange(null, null);

    public DateRange {
        if (since != null && until != null && until.isBefore(since)) {
            throw new IllegalArgumentException("until " + until + " is before since " + since);
        }
    }

    /**
     * Parses a {@code since} or {@code until} bound: an ISO date such as {@code 2024-03-01} is that whole day in UTC
     * (its first instant for {@code since}, its last for {@code until}); otherwise a date-time with offset such as
     * {@code 2024-03-01T12:00:00+01:00}.
     *
     * @param endOfDay true for an {@code until} bound
     * @throws IllegalArgumentException naming the value when it is neither
     */
    public static Instant parseBound(String value, boolean endOfDay) {
        try {
            LocalDate day = LocalDate.parse(value);
            return endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1)
                    : day.atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("not an ISO 8601 date such as 2024-03-01 or "
                        + "2024-03-01T12:00:00Z: '" + value + "'", e2);
            }
        }
    }

    public boolean bounded() {
        return since != null || until != null;
    }

    /** Whether a date passes; see the class contract for null dates. */
    public boolean contains(Instant date) {
        if (!bounded()) {
            return true;
        }
        if (date == null) {
            return false;
        }
        return (since == null || !date.isBefore(since)) && (until == null || !date.isAfter(until));
    }

    /** Whether everything up to {@code latest} is before {@code since}: a sitemap last changed then can be skipped. */
    public boolean endsBeforeStart(Instant latest) {
        return since != null && latest != null && latest.isBefore(since);
    }
}
