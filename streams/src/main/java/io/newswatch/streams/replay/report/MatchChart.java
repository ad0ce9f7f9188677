package io.newswatch.streams.replay.report;

import io.newswatch.streams.charts.UplotCharts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The matches-per-day chart of the HTML report, drawn by uPlot as the console's charts are ({@link UplotCharts}):
 * one line per rule over every day from the first to the last day with a match (days without matches count as
 * zero, so gaps show), its colour and dash given by the rule's place in rule-id order, with uPlot's legend naming
 * each. The page carries the data as JSON in an escaped attribute and the scripts inline ({@link Html#open}).
 * Without scripts the chart is empty and says so; the table of matches per rule per day holds the same figures.
 */
final class MatchChart {
    /** The chart's element id, which the page's script and the tests find it by. */
    static final String ID = "match-chart";

    private MatchChart() {
    }

    /**
     * Appends the chart element with its data.
     *
     * @param ruleIds every rule, in the order that gives them their colours (sorted by id)
     * @param counts  matches per rule per day; rules without an entry count zero everywhere
     * @throws IllegalArgumentException if no rule has a match (there is nothing to draw)
     */
    static void append(StringBuilder out, List<String> ruleIds,
                       SortedMap<String, SortedMap<LocalDate, Integer>> counts) {
        out.append("<figure class=\"chart-box\"><div class=\"chart\" id=\"").append(ID)
                .append("\" role=\"img\" aria-label=\"Matches per day per rule\" data-chart=\"")
                .append(Html.text(dataJson(ruleIds, counts))).append("\"></div>\n")
                .append("<noscript><p class=\"more\">The chart needs JavaScript; the same figures are in the ")
                .append("<a href=\"#table\">table of matches per rule per day</a>.</p></noscript></figure>\n");
    }

    /** The chart's data: every day from the first to the last match, one series per rule in {@code ruleIds} order. */
    static String dataJson(List<String> ruleIds, SortedMap<String, SortedMap<LocalDate, Integer>> counts) {
        List<LocalDate> days = daysWithData(counts);
        List<Instant> times = new ArrayList<>(days.size());
        days.forEach(d -> times.add(d.atStartOfDay(ZoneOffset.UTC).toInstant()));
        Map<String, long[]> series = new LinkedHashMap<>();
        for (String rule : ruleIds) {
            Map<LocalDate, Integer> perDay = ReplayTable.countsOf(counts, rule);
            long[] values = new long[days.size()];
            for (int i = 0; i < days.size(); i++) {
                values[i] = perDay.getOrDefault(days.get(i), 0);
            }
            series.put(rule, values);
        }
        return UplotCharts.dataJson(times, series, "day");
    }

    /** Every day from the first to the last day with a match. */
    static List<LocalDate> daysWithData(SortedMap<String, SortedMap<LocalDate, Integer>> counts) {
        LocalDate first = null;
        LocalDate last = null;
        for (SortedMap<LocalDate, Integer> perDay : counts.values()) {
            if (!perDay.isEmpty()) {
                first = first == null || perDay.firstKey().isBefore(first) ? perDay.firstKey() : first;
                last = last == null || perDay.lastKey().isAfter(last) ? perDay.lastKey() : last;
            }
        }
        if (first == null) {
            throw new IllegalArgumentException("no matches to chart");
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }
}
