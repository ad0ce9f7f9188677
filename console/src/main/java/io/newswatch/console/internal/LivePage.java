package io.newswatch.console.internal;

import io.javalin.http.sse.SseClient;
import io.newswatch.model.Alert;
import io.newswatch.model.Evidence;
import io.newswatch.model.ViolationEvent;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The live alerts: the newest {@value #PAGE} kept alerts that pass the filters (text, rule, severity, outlet, tag,
 * entity, commodity; all in the URL, applied on the server), and a server-sent event stream that pushes each new
 * alert passing the same filters as a rendered, escaped fragment. A page that reconnects sends the last event id it
 * saw ({@code Last-Event-ID}) and gets what it missed from the kept alerts.
 */
public final class LivePage {
    static final int PAGE = 100;

    private LivePage() {
    }

    /** The page's body. */
    public static String page(AlertFeed feed, Function<String, String> param, String query) {
        Filter filter = Filter.of(param);
        StringBuilder body = new StringBuilder(8192);
        body.append("<form class=\"filters\" action=\"/\" method=\"get\" hx-get=\"/alerts\" hx-target=\"#alerts\" ")
                .append("hx-trigger=\"input changed delay:300ms, change\" hx-push-url=\"true\">")
                .append(Layout.input("q", "search", "search", filter.text))
                .append(Layout.select("rule", "rule", filter.rule, choices(feed, Alert::ruleId)))
                .append(Layout.select("severity", "severity", filter.severity,
                        choices(feed, a -> a.severity() == null ? null : a.severity().toLowerCase(Locale.ROOT))))
                .append(Layout.select("source", "source", filter.source, choices(feed, Alert::sourceId)))
                .append(Layout.select("tag", "tag", filter.tag, feed.count(Alert::tags).keySet()))
                .append(Layout.select("entity", "entity", filter.entity, feed.count(Alert::entities).keySet()))
                .append(Layout.select("commodity", "commodity", filter.commodity,
                        feed.count(LivePage::commodities).keySet()))
                .append("<noscript><button>Filter</button></noscript>")
                .append("<span id=\"connection\" class=\"connection\" role=\"status\">connecting</span></form>");
        body.append("<ul id=\"alerts\" class=\"alerts\" data-stream=\"/alerts/stream")
                .append(Html.escape(query == null || query.isEmpty() ? "" : "?" + query)).append("\">");
        body.append(list(feed, param));
        return body.append("</ul>").toString();
    }

    private static Set<String> choices(AlertFeed feed, Function<Alert, String> key) {
        return feed.count(a -> Collections.singletonList(key.apply(a))).keySet();
    }

    private static List<String> commodities(Alert a) {
        return a.events().stream().map(ViolationEvent::commodity).distinct().toList();
    }

    /**
     * The list's items for the filters: a page of {@value #PAGE}, from the newest or from before the {@code before}
     * parameter (an arrival number), and when more are kept, a last item linking to the next page.
     */
    public static String list(AlertFeed feed, Function<String, String> param) {
        long before = Long.MAX_VALUE;
        try {
            String b = param.apply("before");
            before = b == null || b.isBlank() ? Long.MAX_VALUE : Long.parseLong(b.strip());
        } catch (NumberFormatException e) {
            // from the newest
        }
        Filter filter = Filter.of(param);
        List<AlertFeed.Entry> page = feed.newest(filter, PAGE + 1, before);
        StringBuilder out = new StringBuilder(8192);
        for (AlertFeed.Entry e : page.subList(0, Math.min(PAGE, page.size()))) {
            out.append(AlertView.render(e.alert()));
        }
        if (page.size() > PAGE) {
            out.append("<li class=\"more\"><a href=\"/?").append(Html.escape(filter.query()))
                    .append(filter.query().isEmpty() ? "" : "&amp;").append("before=")
                    .append(page.get(PAGE - 1).sequence()).append("\">older alerts</a></li>");
        }
        return out.toString();
    }

    /** Serves one page's stream: first what it missed, then every new alert that passes its filters. */
    public static void stream(AlertFeed feed, SseClient client) {
        Filter filter = Filter.of(client.ctx()::queryParam);
        client.keepAlive();
        String last = client.ctx().header("Last-Event-ID");
        Consumer<AlertFeed.Entry> send = e -> {
            if (!client.terminated() && filter.test(e.alert())) {
                client.sendEvent("alert", AlertView.render(e.alert()).replace('\n', ' ').replace('\r', ' '),
                        Long.toString(e.sequence()));
            }
        };
        if (last != null && last.matches("\\d{1,18}")) {
            feed.after(Long.parseLong(last)).forEach(send);
        }
        feed.listen(send);
        client.onClose(() -> feed.unlisten(send));
    }

    /** The list's filters; empty means any. */
    record Filter(String text, String rule, String severity, String source, String tag, String entity,
                  String commodity) implements Predicate<Alert> {
        static Filter of(Function<String, String> param) {
            return new Filter(p(param, "q"), p(param, "rule"), p(param, "severity"), p(param, "source"),
                    p(param, "tag"), p(param, "entity"), p(param, "commodity"));
        }

        private static String p(Function<String, String> param, String name) {
            String v = param.apply(name);
            return v == null ? "" : v.strip();
        }

        @Override
        public boolean test(Alert a) {
            return (rule.isEmpty() || rule.equals(a.ruleId()))
                    && (severity.isEmpty() || severity.equalsIgnoreCase(a.severity()))
                    && (source.isEmpty() || source.equals(a.sourceId()))
                    && (tag.isEmpty() || a.tags().contains(tag))
                    && (entity.isEmpty() || a.entities().contains(entity))
                    && (commodity.isEmpty() || commodities(a).contains(commodity))
                    && (text.isEmpty() || contains(a.title(), text) || contains(a.url(), text)
                    || proofContains(a.evidence(), text));
        }

        private static boolean proofContains(List<Evidence> evidence, String text) {
            for (Evidence e : evidence) {
                if (contains(e.text(), text)) {
                    return true;
                }
            }
            return false;
        }

        /** The filters as a query string, without the leading question mark. */
        String query() {
            StringBuilder q = new StringBuilder();
            String[][] pairs = {{"q", text}, {"rule", rule}, {"severity", severity}, {"source", source},
                {"tag", tag}, {"entity", entity}, {"commodity", commodity}};
            for (String[] p : pairs) {
                if (!p[1].isEmpty()) {
                    q.append(q.length() == 0 ? "" : "&").append(p[0]).append('=').append(Layout.url(p[1]));
                }
            }
            return q.toString();
        }

        private static boolean contains(String haystack, String needle) {
            return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
        }
    }

}
