package io.newswatch.ingest.extract.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Parses the date forms publishers put in metadata: ISO 8601 with or without an offset ("2024-03-05T10:15:00Z",
 * "2024-03-05T10:15:00+09:00", "2024-03-05T10:15:00+0900", "2024-03-05 10:15"), plain dates ("2024-03-05"),
 * and RFC 1123 ("Tue, 5 Mar 2024 10:15:00 GMT"). A time without an offset, and a plain date, are read as UTC.
 */
public final class DateParsing {
    private static final Pattern OFFSET = Pattern.compile("[+-]\\d{2}:\\d{2}$");
    private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");

    private DateParsing() {
    }

    /** The instant, or null when the text is blank or in none of the supported forms. */
    public static Instant parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.trim();
        if (!startsWithIsoDate(s)) {
            // only RFC 1123 is left; try it only when it can match, exceptions are slow
            return s.length() >= 19 ? rfc1123(s) : null;
        }
        String iso = s.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) (\\d)", "$1T$2");
        iso = COMPACT_OFFSET.matcher(iso).replaceFirst("$1:$2");
        if (iso.length() > 10) {
            char last = iso.charAt(iso.length() - 1);
            boolean zoned = last == 'Z' || last == 'z' || last == ']' || OFFSET.matcher(iso).find();
            if (zoned) {
                try {
                    return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
                } catch (DateTimeParseException ignored) {
                    // next form
                }
                try {
                    return ZonedDateTime.parse(iso, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
                } catch (DateTimeParseException ignored) {
                    // next form
                }
            } else {
                try {
                    return LocalDateTime.parse(iso, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException ignored) {
                    // next form
                }
            }
        }
        try {
            return LocalDate.parse(iso.substring(0, 10)).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }

    private static boolean startsWithIsoDate(String s) {
        if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return false;
        }
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9}) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static Instant rfc1123(String s) {
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }
}
