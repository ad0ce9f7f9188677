package io.newswatch.console.internal;

import io.newswatch.streams.charts.UplotCharts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A chart as the page carries it: the data, as JSON in an escaped {@code data-chart} attribute, which the chart
 * script shared with the replay report ({@link UplotCharts}, served as {@code /static/charts.js}) hands to uPlot (a
 * WebJar, drawn on a canvas); the same figures as a table, for a screen reader and for a browser without scripts.
 * Nothing in the data is executed: the attribute is parsed with {@code JSON.parse}.
 */
public final class Charts {
    private Charts() {
    }

    /**
     * The chart of one or more series over the same points in time.
     *
     * @param id      the element id (tests and links find the chart by it)
     * @param label   what the chart shows, for its accessible name
     * @param times   the x values, in order
     * @param series  each series' name and its values, one per time
     * @param timeFmt how a time is written in the table: {@code hour}, {@code day} or {@code month}
     */
    public static String chart(String id, String label, List<Instant> times, Map<String, long[]> series,
                               String timeFmt) {
        String json = UplotCharts.dataJson(times, series, timeFmt);
        StringBuilder html = new StringBuilder(json.length() + 1024);
        html.append("<figure class=\"chart-box\"><div class=\"chart\" id=\"").append(id)
                .append("\" role=\"img\" aria-label=\"").append(Html.escape(label)).append("\" data-chart=\"")
                .append(Html.escape(json)).append("\"></div><figcaption>").append(Html.escape(label))
                .append("</figcaption><details><summary>The figures</summary><table><thead><tr><th scope=\"col\">")
                .append(Html.escape(timeFmt)).append("</th>");
        series.keySet().forEach(name -> html.append("<th scope=\"col\">").append(Html.escape(name)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (int i = 0; i < times.size(); i++) {
            html.append("<tr><th scope=\"row\">").append(Html.escape(format(times.get(i), timeFmt))).append("</th>");
            for (long[] values : series.values()) {
                html.append("<td>").append(values[i]).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</tbody></table></details></figure>").toString();
    }

    /** Series keyed by name, each a sorted map of time to count, laid over the union of their times. */
    public static String chart(String id, String label, Map<String, SortedMap<Instant, Long>> counts,
                               String timeFmt) {
        java.util.TreeSet<Instant> times = new java.util.TreeSet<>();
        counts.values().forEach(m -> times.addAll(m.keySet()));
        List<Instant> x = new ArrayList<>(times);
        Map<String, long[]> series = new java.util.LinkedHashMap<>();
        counts.forEach((name, m) -> {
            long[] v = new long[x.size()];
            for (int i = 0; i < x.size(); i++) {
                v[i] = m.getOrDefault(x.get(i), 0L);
            }
            series.put(name, v);
        });
        return chart(id, label, x, series, timeFmt);
    }

    private static String format(Instant t, String unit) {
        String iso = t.toString();
        return switch (unit) {
            case "month" -> iso.substring(0, 7);
            case "day" -> iso.substring(0, 10);
            default -> iso.substring(0, 13).replace('T', ' ') + ":00";
        };
    }
}
