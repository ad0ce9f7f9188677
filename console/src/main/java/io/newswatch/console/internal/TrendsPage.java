package io.newswatch.console.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * Trends: the articles per hour or per day of any tag or entity code, as a chart, over a range picked by dates or
 * by one of the quick ranges. The range ends by default at the newest article counted (history replayed from last
 * year still shows), and is bounded so that a chart never has more than {@value #MAX_BUCKETS} bars: 31 days of hours
 * or about three years of days. A bad date is reported on the page and the default is used instead.
 */
public final class TrendsPage {
    static final int MAX_BUCKETS = 31 * 24;
    private static final Map<String, Duration> QUICK = new LinkedHashMap<>();

    static {
        QUICK.put("24 hours", Duration.ofHours(24));
        QUICK.put("7 days", Duration.ofDays(7));
        QUICK.put("30 days", Duration.ofDays(30));
        QUICK.put("1 year", Duration.ofDays(365));
    }

    private TrendsPage() {
    }

    public static String render(ArticleIndex index, Function<String, String> param) {
        List<String> keys = index.keys();
        String key = param.apply("key");
        if (key == null || key.isBlank() || !keys.contains(key)) {
            key = keys.stream().filter(k -> k.startsWith("tag:")).findFirst().orElse(keys.isEmpty() ? ""
                    : keys.get(0));
        }
        boolean days = !"hour".equals(param.apply("unit"));
        StringBuilder html = new StringBuilder(8192);
        Instant newest = index.newest();
        Instant defaultTo = (newest == null ? Instant.now() : newest).truncatedTo(ChronoUnit.DAYS).plus(1,
                ChronoUnit.DAYS);
        String problem = null;
        Instant to;
        Instant from;
        try {
            to = date(param.apply("to"), defaultTo, 1);
            from = date(param.apply("from"), to.minus(days ? Duration.ofDays(30) : Duration.ofDays(2)), 0);
        } catch (DateTimeParseException e) {
            problem = "not a date (write 2024-03-01): " + e.getParsedString();
            to = defaultTo;
            from = to.minus(days ? Duration.ofDays(30) : Duration.ofDays(2));
        }
        if (!from.isBefore(to)) {
            problem = "the range ends before it starts; showing the 30 days before its end";
            from = to.minus(Duration.ofDays(30));
        }
        long buckets = Duration.between(from, to).toSeconds() / (days ? 86_400 : 3_600);
        if (buckets > (days ? MAX_BUCKETS * 2L : MAX_BUCKETS)) {
            problem = "the range is too long for " + (days ? "days" : "hours") + "; showing its last part";
            from = to.minus(days ? Duration.ofDays(MAX_BUCKETS * 2L) : Duration.ofHours(MAX_BUCKETS));
        }
        html.append("<form class=\"filters\" action=\"/trends\" method=\"get\">")
                .append(Layout.select("key", "tag or entity", key, keys).replace("<option value=\"\">all</option>",
                        ""))
                .append("<label>per <select name=\"unit\"><option value=\"day\"").append(days ? " selected" : "")
                .append(">day</option><option value=\"hour\"").append(days ? "" : " selected")
                .append(">hour</option></select></label> ")
                .append(Layout.input("from", "from", "date", from.toString().substring(0, 10)))
                .append(Layout.input("to", "to", "date", to.minusSeconds(1).toString().substring(0, 10)))
                .append("<button>Show</button></form><p class=\"quick\">Quick ranges: ");
        for (Map.Entry<String, Duration> q : QUICK.entrySet()) {
            Instant qFrom = defaultTo.minus(q.getValue());
            html.append("<a href=\"/trends?key=").append(Layout.url(key)).append("&amp;unit=")
                    .append(q.getValue().toDays() <= 2 ? "hour" : "day").append("&amp;from=")
                    .append(qFrom.toString(), 0, 10).append("&amp;to=")
                    .append(defaultTo.minusSeconds(1).toString(), 0, 10).append("\">").append(q.getKey())
                    .append("</a> ");
        }
        html.append("</p>");
        if (problem != null) {
            html.append(Layout.notice("error", problem));
        }
        if (key.isEmpty()) {
            return html.append("<p>No tagged article has been read yet.</p>").toString();
        }
        SortedMap<Instant, Long> counts = index.counts(key, from, to, days);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        html.append("<p class=\"count\" role=\"status\">").append(total).append(" articles</p>");
        html.append(Charts.chart("trend-chart", "Articles per " + (days ? "day" : "hour") + " with " + key,
                Map.of(key, counts), days ? "day" : "hour"));
        return html.toString();
    }

    /** A date (midnight UTC, plus {@code plusDays}), or the default when blank. */
    private static Instant date(String value, Instant otherwise, int plusDays) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        return LocalDate.parse(value.strip()).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
