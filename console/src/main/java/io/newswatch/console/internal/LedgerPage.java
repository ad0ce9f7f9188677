package io.newswatch.console.internal;

import io.newswatch.model.topics.Topics;
import io.newswatch.model.LedgerFilter;
import io.newswatch.model.ViolationEvent;
import io.newswatch.model.ViolationRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The violations ledger ({@code news.events}) as a page: the filters, a chart of events per month (of first report)
 * by commodity, the vessels and places most reported (each a link that filters the ledger to it), and the events
 * themselves, latest report first ({@link LedgerFilter#NEWEST_FIRST}, as {@code newswatch events} lists them), a
 * page of {@value #PAGE} at a time. Filtering happens here, on the server, over the whole ledger.
 */
public final class LedgerPage {
    static final int PAGE = 50;
    private static final int TOP = 10;

    private LedgerPage() {
    }

    /** The criteria from the query string; a blank value selects everything. */
    public static LedgerFilter filter(Function<String, String> param) {
        return new LedgerFilter(blank(param.apply("commodity")), blank(param.apply("from")),
                blank(param.apply("to")), null, blank(param.apply("vessel")), blank(param.apply("place")),
                blank(param.apply("status")), blank(param.apply("resolution")), blank(param.apply("outlet")));
    }

    /** The page's body. {@code page} counts from 1. */
    public static String render(List<ViolationRecord> all, LedgerFilter f, int page, boolean loaded) {
        List<ViolationRecord> selected = f.select(all);
        StringBuilder html = new StringBuilder(16_384);
        html.append(form(all, f));
        if (!loaded) {
            html.append(Layout.notice("ok", "Still reading " + Topics.EVENTS.name() + "; the ledger fills in as it is read."));
        }
        html.append("<p class=\"count\" role=\"status\">").append(selected.size()).append(" of ").append(all.size())
                .append(" events</p>");
        html.append("<div class=\"ledger-top\">");
        html.append(Charts.chart("ledger-chart", "Events per month of first report, by commodity",
                perMonth(selected), "month"));
        html.append(top("Vessels most reported", "vessel", selected, r -> union(r.vessels(), r.imo())));
        html.append(top("Places most reported", "place", selected, ViolationRecord::places));
        html.append("</div>");
        html.append(table(selected, page, f));
        return html.toString();
    }

    private static String form(List<ViolationRecord> all, LedgerFilter f) {
        TreeSet<String> states = new TreeSet<>();
        TreeSet<String> outlets = new TreeSet<>();
        for (ViolationRecord r : all) {
            if (r.from() != null) {
                states.add(r.from());
            }
            if (r.to() != null) {
                states.add(r.to());
            }
            r.reports().forEach(p -> {
                if (p.sourceId() != null) {
                    outlets.add(p.sourceId());
                }
            });
        }
        return "<form class=\"filters\" action=\"/ledger\" method=\"get\">"
                + Layout.select("commodity", "commodity", f.commodity(), ViolationEvent.COMMODITIES)
                + Layout.select("from", "from", f.from(), states)
                + Layout.select("to", "to", f.to(), states)
                + Layout.select("status", "status", f.status(),
                List.of(ViolationEvent.ASSERTED, ViolationEvent.POSSIBLE))
                + Layout.input("vessel", "vessel or IMO", "search", f.vessel())
                + Layout.input("place", "place", "search", f.place())
                + Layout.input("resolution", "resolution", "search", f.resolution())
                + Layout.select("outlet", "outlet", f.outlet(), outlets)
                + "<button>Filter</button> <a href=\"/ledger\">Clear</a></form>";
    }

    private static Map<String, SortedMap<Instant, Long>> perMonth(List<ViolationRecord> records) {
        Map<String, SortedMap<Instant, Long>> counts = new TreeMap<>();
        TreeSet<Instant> months = new TreeSet<>();
        for (ViolationRecord r : records) {
            if (r.firstReportedAt() == null) {
                continue;
            }
            Instant month = r.firstReportedAt().atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1)
                    .atStartOfDay(ZoneOffset.UTC).toInstant();
            months.add(month);
            counts.computeIfAbsent(r.commodity(), c -> new TreeMap<>()).merge(month, 1L, Long::sum);
        }
        // every month between the first and the last, so a quiet month shows as zero, not as a gap; at least
        // half a year, so that a young ledger is not drawn as a lone point on an axis of years
        if (!months.isEmpty()) {
            SortedMap<Instant, Long> any = counts.values().iterator().next();
            Instant halfYear = months.last().atZone(ZoneOffset.UTC).minusMonths(5).toInstant();
            Instant first = halfYear.isBefore(months.first()) ? halfYear : months.first();
            for (Instant m = first; !m.isAfter(months.last());
                 m = m.atZone(ZoneOffset.UTC).plusMonths(1).toInstant()) {
                any.putIfAbsent(m, 0L);
            }
        }
        return counts;
    }

    private static List<String> union(List<String> a, List<String> b) {
        List<String> all = new java.util.ArrayList<>(a);
        b.forEach(v -> all.add("IMO " + v));
        return all;
    }

    private static String top(String title, String param, List<ViolationRecord> records,
                              Function<ViolationRecord, List<String>> values) {
        Map<String, Long> counts = records.stream().flatMap(r -> values.apply(r).stream().distinct())
                .collect(Collectors.groupingBy(v -> v, TreeMap::new, Collectors.counting()));
        StringBuilder html = new StringBuilder("<section class=\"top\"><h2>" + Html.escape(title) + "</h2><ol>");
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP).forEach(e -> {
                    String value = e.getKey().startsWith("IMO ") ? e.getKey().substring(4) : e.getKey();
                    html.append("<li><a href=\"/ledger?").append(param).append('=').append(Layout.url(value))
                            .append("\">").append(Html.escape(e.getKey())).append("</a> <span class=\"n\">")
                            .append(e.getValue()).append("</span></li>");
                });
        if (counts.isEmpty()) {
            html.append("<li>none reported</li>");
        }
        return html.append("</ol></section>").toString();
    }

    private static String table(List<ViolationRecord> selected, int page, LedgerFilter f) {
        int pages = Math.max(1, (selected.size() + PAGE - 1) / PAGE);
        int p = Math.min(Math.max(1, page), pages);
        StringBuilder html = new StringBuilder(8192);
        html.append("<div class=\"scroll\"><table class=\"ledger\"><caption>The violations ledger, latest report "
                + "first</caption><thead><tr>");
        for (String h : List.of("commodity", "from → to", "amount", "places", "vessels", "resolutions", "status",
                "first report", "latest report", "outlets")) {
            html.append("<th scope=\"col\">").append(h).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (ViolationRecord r : selected.subList((p - 1) * PAGE, Math.min(selected.size(), p * PAGE))) {
            html.append("<tr id=\"event-").append(Html.escape(r.id())).append("\"><td>")
                    .append(Html.escape(r.commodity())).append("</td><td>").append(Html.escape(state(r.from())))
                    .append(" → ").append(Html.escape(state(r.to()))).append("</td><td>")
                    .append(Html.escape(ViolationEvent.amountText(r.amount(), r.unit()))).append("</td><td>")
                    .append(Html.escape(String.join(", ", r.places()))).append("</td><td>")
                    .append(Html.escape(String.join(", ", union(r.vessels(), r.imo())))).append("</td><td>")
                    .append(Html.escape(String.join(", ", r.resolutions()))).append("</td><td>")
                    .append(Html.escape(r.status())).append("</td><td>").append(day(r.firstReportedAt()))
                    .append("</td><td>").append(day(r.latestReportedAt())).append("</td><td>");
            for (ViolationRecord.Report report : r.reports()) {
                html.append("<a href=\"/article/").append(Layout.url(report.articleId())).append("\" title=\"")
                        .append(Html.escape(report.title())).append("\">").append(Html.escape(report.sourceId()))
                        .append("</a> ");
            }
            html.append("</td></tr>");
        }
        html.append("</tbody></table></div>");
        if (pages > 1) {
            html.append("<nav class=\"pager\" aria-label=\"Ledger pages\">page ").append(p).append(" of ")
                    .append(pages);
            if (p > 1) {
                html.append(" <a rel=\"prev\" href=\"").append(link(f, p - 1)).append("\">newer</a>");
            }
            if (p < pages) {
                html.append(" <a rel=\"next\" href=\"").append(link(f, p + 1)).append("\">older</a>");
            }
            html.append("</nav>");
        }
        return html.toString();
    }

    private static String link(LedgerFilter f, int page) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("commodity", f.commodity());
        q.put("from", f.from());
        q.put("to", f.to());
        q.put("status", f.status());
        q.put("vessel", f.vessel());
        q.put("place", f.place());
        q.put("resolution", f.resolution());
        q.put("outlet", f.outlet());
        StringBuilder s = new StringBuilder("/ledger?page=" + page);
        q.forEach((k, v) -> {
            if (v != null) {
                s.append("&amp;").append(k).append('=').append(Layout.url(v));
            }
        });
        return s.toString();
    }

    private static String state(String code) {
        return code == null ? "?" : code;
    }

    static String day(Instant t) {
        return t == null ? "" : t.truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10);
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
